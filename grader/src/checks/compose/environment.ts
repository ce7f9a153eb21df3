import type { StaticContext } from '../check.ts';
import { normalizeRelative } from '../../submission/paths.ts';
import { asDict, COMPOSE_PATH, serviceOf, type ComposeFile } from './compose-file.ts';
import { interpolate } from './interpolate.ts';

/** One variable of a service's environment, as Compose would compute it with no shell variable set. */
export interface EnvVar {
  name: string;
  /** undefined: taken from the shell or `.env` (`KEY` alone, `KEY:` empty, or `${VAR}` without default). */
  value: string | undefined;
  /** Variables the value depends on and that the grader cannot know. */
  unresolved: string[];
  /** As written in the file, for messages. */
  raw: string;
  file: string;
  line: number;
}

export interface EnvIssue {
  message: string;
  file: string;
  line: number;
}

export interface ServiceEnv {
  vars: Map<string, EnvVar>;
  /** Problems met on the way (env_file missing or not readable by the grader). */
  issues: EnvIssue[];
}

/**
 * A service's environment: its `env_file` entries in order, then `environment` (list or map),
 * which wins, as in Compose. Env files are read only through the Submission, relative to the root.
 */
export async function serviceEnvironment(ctx: StaticContext, file: ComposeFile, service: string): Promise<ServiceEnv> {
  const vars = new Map<string, EnvVar>();
  const issues: EnvIssue[] = [];
  const definition = serviceOf(file, service) ?? {};
  const base = ['services', service];

  for (const [index, entry] of envFileEntries(definition.env_file)) {
    const path = [...base, 'env_file', ...(index === undefined ? [] : [index])];
    const line = file.lineOf(path);
    const resolved = interpolate(entry.path);
    const issue = (message: string) => issues.push({ message, file: COMPOSE_PATH, line });
    const rel = normalizeRelative(resolved.value);
    if (resolved.unresolved.length > 0 || rel === null || rel === '') {
      issue(`env_file « ${entry.path} » ne désigne pas un fichier du dépôt que le correcteur peut lire`);
      continue;
    }
    const read = await ctx.submission.read(rel);
    if (read.state === 'ok') {
      for (const variable of parseEnvFile(read.bytes.toString('utf8'), rel)) vars.set(variable.name, variable);
    } else if (read.state === 'missing') {
      if (entry.required) issue(`le fichier env_file « ${rel} » est introuvable dans le dépôt : Compose refusera de démarrer`);
    } else if (read.state === 'outside') {
      issue(
        rel === '.env'
          ? `le correcteur ne lit pas « .env » à la racine : ce fichier ne fait pas partie de ce que vous rendez (seuls starter/, docker-compose.yml, REPORT.md et captures/ le sont) ; écrivez les variables dans environment: ou dans un fichier sous starter/`
          : `le correcteur ne lit pas « ${entry.path} » : ce n'est pas un fichier que vous rendez (seuls starter/, docker-compose.yml, REPORT.md et captures/ le sont) ; déplacez-le sous starter/ ou écrivez les variables dans environment:`,
      );
    } else {
      issue(`le fichier env_file « ${rel} » est illisible (${read.state})`);
    }
  }

  const environment = definition.environment;
  if (Array.isArray(environment)) {
    environment.forEach((item, index) => {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') return;
      const text = interpolate(String(item));
      const eq = text.value.indexOf('=');
      const name = eq < 0 ? text.value : text.value.slice(0, eq);
      const line = file.lineOf([...base, 'environment', index]);
      vars.set(name, {
        name,
        value: eq < 0 ? undefined : text.value.slice(eq + 1),
        unresolved: eq < 0 ? [name] : text.unresolved,
        raw: String(item),
        file: COMPOSE_PATH,
        line,
      });
    });
  } else {
    for (const [name, raw] of Object.entries(asDict(environment) ?? {})) {
      const line = file.lineOf([...base, 'environment', name]);
      if (raw === null || raw === undefined) {
        vars.set(name, { name, value: undefined, unresolved: [name], raw: '', file: COMPOSE_PATH, line });
      } else {
        const text = interpolate(String(raw));
        vars.set(name, { name, value: text.value, unresolved: text.unresolved, raw: String(raw), file: COMPOSE_PATH, line });
      }
    }
  }
  return { vars, issues };
}

function envFileEntries(value: unknown): Array<[number | undefined, { path: string; required: boolean }]> {
  if (typeof value === 'string') return [[undefined, { path: value, required: true }]];
  if (!Array.isArray(value)) return [];
  const entries: Array<[number | undefined, { path: string; required: boolean }]> = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') entries.push([index, { path: item, required: true }]);
    const long = asDict(item);
    if (long && typeof long.path === 'string') entries.push([index, { path: long.path, required: long.required !== false }]);
  });
  return entries;
}

/** Parses a Compose env file (`KEY=value`, `export KEY=value`, quotes, `#` comments). Exported for tests. */
export function parseEnvFile(text: string, file: string): EnvVar[] {
  const vars: EnvVar[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return;
    if (eq < 0) {
      vars.push({ name, value: undefined, unresolved: [name], raw: rawLine, file, line: index + 1 });
      return;
    }
    let rest = line.slice(eq + 1).trim();
    let value: string;
    let unresolved: string[] = [];
    const quote = rest[0];
    if ((quote === "'" || quote === '"') && rest.indexOf(quote, 1) > 0) {
      rest = rest.slice(1, rest.indexOf(quote, 1));
      if (quote === "'") value = rest;
      else ({ value, unresolved } = interpolate(rest.replaceAll('\\n', '\n')));
    } else {
      ({ value, unresolved } = interpolate(rest.replace(/\s+#.*$/, '').trim()));
    }
    vars.push({ name, value, unresolved, raw: rawLine.trim(), file, line: index + 1 });
  });
  return vars;
}
