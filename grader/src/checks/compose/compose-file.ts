import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Loader } from '../check.ts';
import { fail, type Finding } from '../../model/result.ts';

/** The only student-owned Compose file (README, « Ce que vous rendez »). */
export const COMPOSE_PATH = 'docker-compose.yml';

const MAX_BYTES = 256 * 1024;
const MAX_ALIASES = 100;
const MAX_DEPTH = 40;

export type Dict = Record<string, unknown>;
export type PathKey = string | number;

/** A parsed compose file: its plain data (merge keys resolved) and a way back to source lines. */
export interface ComposeFile {
  data: Dict;
  /** 1-based line of the node at `path` (the key's line for a mapping entry); the deepest existing ancestor's line otherwise. */
  lineOf(path: readonly PathKey[]): number;
}

export type ComposeLoad = { state: 'ok'; file: ComposeFile } | { state: 'bad'; message: string; line?: number };

/** docker-compose.yml, read through the Submission and parsed once per grading run. */
export const composeLoader: Loader<ComposeLoad> = {
  name: 'docker-compose.yml, parsed',
  async run(ctx) {
    const read = await ctx.submission.read(COMPOSE_PATH, MAX_BYTES);
    switch (read.state) {
      case 'ok':
        return parseCompose(read.bytes);
      case 'missing':
        return bad(`${COMPOSE_PATH} est absent à la racine du dépôt : créez-le (services api et db) à partir du squelette du TP.`);
      case 'too-large':
        return bad(`${COMPOSE_PATH} est anormalement gros (${read.size} octets, limite ${MAX_BYTES}) : un fichier Compose du TP tient en quelques dizaines de lignes.`);
      case 'not-a-file':
        return bad(`${COMPOSE_PATH} n'est pas un fichier ordinaire (dossier ?) : remplacez-le par le fichier Compose du TP.`);
      case 'outside':
        return bad(`${COMPOSE_PATH} est un lien symbolique qui sort du dépôt : remplacez-le par un vrai fichier.`);
      case 'unreadable':
        return bad(`${COMPOSE_PATH} est illisible (${read.reason}) : vérifiez ses droits.`);
    }
  },
};

function bad(message: string, line?: number): ComposeLoad {
  return line === undefined ? { state: 'bad', message } : { state: 'bad', message, line };
}

const YAML_PROBLEMS: Record<string, string> = {
  DUPLICATE_KEY: 'clé en double (Compose refuse deux fois la même clé dans un bloc)',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter (YAML n’accepte que des espaces)',
  BAD_INDENT: 'indentation incorrecte',
  MULTIPLE_DOCS: 'plusieurs documents YAML (séparateur ---) dans un seul fichier',
  MISSING_CHAR: 'guillemet ou crochet fermant manquant',
  BLOCK_AS_IMPLICIT_KEY: 'une clé et sa valeur mal placées (souvent un « : » ou une indentation manquants)',
  MULTILINE_IMPLICIT_KEY: 'une clé ne peut pas s’étendre sur plusieurs lignes (indentation ou « : » manquants)',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_SCALAR_START: 'valeur qui commence par un caractère réservé (mettez-la entre guillemets)',
  BAD_ALIAS: 'alias YAML (*nom) invalide',
  BAD_DIRECTIVE: 'directive YAML invalide',
  TAG_RESOLVE_FAILED: 'étiquette YAML (!!type) inconnue',
};

/** Parses compose text (bytes as read); never throws. Exported for tests. */
export function parseCompose(bytes: Uint8Array): ComposeLoad {
  if (bytes.includes(0)) {
    return bad(`${COMPOSE_PATH} n'est pas un fichier texte UTF-8 (binaire ou UTF-16) : enregistrez-le en UTF-8.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad(`${COMPOSE_PATH} n'est pas encodé en UTF-8 : enregistrez-le en UTF-8.`);
  }
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { merge: true, uniqueKeys: true, lineCounter, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const line = lineCounter.linePos(error.pos[0]).line;
      let what = YAML_PROBLEMS[error.code] ?? `erreur de syntaxe YAML (${error.message.split('\n')[0]})`;
      if (error.code === 'DUPLICATE_KEY') {
        const key = /^("[^"]*"|'[^']*'|[^:\n]*)/.exec(text.slice(error.pos[0]))?.[0].trim() ?? '';
        what = `clé « ${key} » en double (Compose refuse deux fois la même clé dans un bloc)`;
      }
      return bad(`${COMPOSE_PATH} n'est pas un YAML valide, ligne ${line} : ${what}. Corrigez cette ligne (indentation avec des espaces, « clé: valeur »).`, line);
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (cause) {
      const bomb = cause instanceof ReferenceError && /alias/i.test(cause.message);
      return bad(
        bomb
          ? `${COMPOSE_PATH} démultiplie ses alias YAML (*nom) au-delà du raisonnable (attaque « billion laughs ») : refusé, comme le ferait Compose.`
          : `${COMPOSE_PATH} utilise mal une ancre, un alias (*nom) ou une fusion (<<) YAML : vérifiez que chaque alias désigne une ancre (&nom) définie plus haut, et que << fusionne un bloc « clé: valeur ».`,
      );
    }
    if (data === null || data === undefined) return bad(`${COMPOSE_PATH} est vide : écrivez-y les services api et db.`);
    if (typeof data !== 'object' || Array.isArray(data) || data instanceof Uint8Array) {
      return bad(`${COMPOSE_PATH} doit être un bloc « clé: valeur » (services:, volumes: …), pas ${Array.isArray(data) ? 'une liste' : 'une valeur seule'}.`, 1);
    }
    if (depthOf(data) > MAX_DEPTH) return bad(`${COMPOSE_PATH} est imbriqué trop profondément (plus de ${MAX_DEPTH} niveaux) : ce n'est pas un fichier Compose plausible.`);
    return { state: 'ok', file: { data: data as Dict, lineOf: (path) => lineOf(doc, lineCounter, path) } };
  } catch {
    // Pathological input (e.g. nesting that exhausts the stack): reported, never thrown.
    return bad(`${COMPOSE_PATH} ne peut pas être analysé (structure YAML pathologique) : réécrivez-le simplement, à partir du squelette du TP.`);
  }
}

function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    max = Math.max(max, depth);
    if (depth > MAX_DEPTH) return depth;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

function lineOf(doc: Document.Parsed, counter: LineCounter, path: readonly PathKey[]): number {
  const lineAt = (node: unknown, fallback: number): number => {
    const range = (node as Node | null)?.range;
    return range ? counter.linePos(range[0]).line : fallback;
  };
  let node: unknown = doc.contents;
  let line = lineAt(node, 1);
  for (const segment of path) {
    node = deref(doc, node);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment), 0);
      if (!pair) break;
      line = lineAt(pair.key, line);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      line = lineAt(item, line);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  for (let hops = 0; isAlias(node) && hops < 20; hops += 1) node = node.resolve(doc);
  return node;
}

const isMergeKey = (key: unknown): boolean =>
  isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');

/** A mapping's entry for `key`, looking through `<<` merges like Compose does. */
function findPair(doc: Document.Parsed, map: YAMLMap, key: string, depth: number): Pair | undefined {
  if (depth > 10) return undefined;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key) && isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = deref(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => deref(doc, item)) : [source];
    for (const candidate of sources) {
      if (!isMap(candidate)) continue;
      const found = findPair(doc, candidate, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

// ---- Helpers shared by the compose checks ----

export function asDict(value: unknown): Dict | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : undefined;
}

/** A service's definition: undefined when absent; `{}` when declared empty (`api:`). */
export function serviceOf(file: ComposeFile, name: string): Dict | undefined {
  const services = asDict(file.data.services);
  if (!services || !(name in services)) return undefined;
  return asDict(services[name]) ?? {};
}

/** The Finding every compose check returns when the file itself cannot be judged. */
export function unusable(load: Extract<ComposeLoad, { state: 'bad' }>): Finding {
  return fail(`Critère non évaluable (voir compose.valid) : ${load.message}`, {
    file: COMPOSE_PATH,
    ...(load.line === undefined ? {} : { line: load.line }),
  });
}

/** The Finding for a service that is missing from the file. */
export function missingService(file: ComposeFile, name: string, role: string): Finding {
  return fail(
    `Le service « ${name} » est absent de ${COMPOSE_PATH} : ajoutez sous services: un service nommé exactement ${name} (${role}).`,
    { file: COMPOSE_PATH, line: file.lineOf(['services']) },
  );
}
