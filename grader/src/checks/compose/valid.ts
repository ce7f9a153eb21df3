import type { ErrorObject } from 'ajv';
import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { asDict, COMPOSE_PATH, composeLoader, type ComposeFile } from './compose-file.ts';
import { interpolate } from './interpolate.ts';
import validator from './schema/compose-spec.validate.js';

const MAX_LISTED = 5;
const REFERENCE = 'https://docs.docker.com/reference/compose-file/';

/** The schema's errors for a Compose file, from the validator compiled ahead of time. */
function validate(data: unknown): ErrorObject[] {
  return validator(data) ? [] : (validator.errors ?? []);
}

export const criterion: StaticCriterion = {
  id: 'compose.valid',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return fail(load.message, { file: COMPOSE_PATH, ...(load.line === undefined ? {} : { line: load.line }) });
    const { file } = load;
    if (!('services' in file.data)) {
      return fail(`${COMPOSE_PATH} n'a pas de clé services: au premier niveau : déclarez-y les services api et db.`, { file: COMPOSE_PATH, line: 1 });
    }
    const services = asDict(file.data.services);
    if (!services || Object.keys(services).length === 0) {
      return fail(`La clé services: de ${COMPOSE_PATH} doit contenir les services (api:, db:) indentés en dessous.`, {
        file: COMPOSE_PATH,
        line: file.lineOf(['services']),
      });
    }
    const problems = [...schemaProblems(file, validate(file.data)), ...interpolationProblems(file)].sort((a, b) => a.line - b.line);
    if (problems.length === 0) return pass();
    const listed = problems.slice(0, MAX_LISTED).map((p) => `ligne ${p.line} : ${p.text}`);
    if (problems.length > MAX_LISTED) listed.push(`et ${problems.length - MAX_LISTED} autre(s)`);
    return fail(
      `${COMPOSE_PATH} ne respecte pas la spécification Compose, docker compose le refusera — ${listed.join(' ; ')}. Corrigez ces clés (référence : ${REFERENCE}).`,
      { file: COMPOSE_PATH, line: problems[0]!.line },
    );
  },
};

interface Problem {
  line: number;
  text: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'une chaîne',
  number: 'un nombre',
  integer: 'un entier',
  boolean: 'un booléen (true/false)',
  object: 'un bloc « clé: valeur »',
  array: 'une liste',
  null: 'vide',
};

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Each schema error, in French, with the line of the offending key; sorted and deduplicated. */
function schemaProblems(file: ComposeFile, errors: ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    const problem = describe(file, error, path);
    if (!problem) continue;
    const key = `${problem.line}:${problem.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Values whose `${…}` syntax Compose cannot read ("invalid interpolation format"). */
function interpolationProblems(file: ComposeFile): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      if (interpolate(value).invalid) {
        problems.push({ line: file.lineOf(path), text: `${where(path)} : syntaxe \${…} invalide dans « ${value} » (écrivez \${NOM} ou \${NOM:-défaut}, et $$ pour un $ littéral)` });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(file.data, []);
  return problems;
}

function where(path: string[]): string {
  if (path.length === 0) return 'le fichier';
  if (path.length === 2 && path[0] === 'services') return `le service « ${path[1]} »`;
  return path.reduce((text, segment) => (/^\d+$/.test(segment) ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

function describe(file: ComposeFile, error: ErrorObject, path: string[]): Problem | undefined {
  const params = error.params as Record<string, unknown>;
  const line = file.lineOf(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const text =
        path.length === 0
          ? `clé de premier niveau « ${key} » inconnue (un bloc réutilisable doit s'appeler x-…)`
          : `clé « ${key} » inconnue dans ${where(path)} (faute de frappe ou mauvaise indentation ?)`;
      return { line: file.lineOf([...path, key]), text };
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((type) => TYPE_NAMES[type] ?? type)
        .join(' ou ');
      const actual = TYPE_NAMES[kindOf(valueAt(file.data, path))] ?? '?';
      return { line, text: `${where(path)} doit être ${expected} (ici : ${actual})` };
    }
    case 'required':
      return { line, text: `${where(path)} : la clé « ${String(params.missingProperty)} » est obligatoire` };
    case 'enum':
      return {
        line,
        text: `${where(path)} vaut « ${String(valueAt(file.data, path))} », valeurs admises : ${(params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'propertyNames':
      return { line: file.lineOf([...path, String(params.propertyName)]), text: `nom « ${String(params.propertyName)} » invalide dans ${where(path)} (lettres, chiffres, « . », « _ », « - » seulement)` };
    case 'pattern':
      // Reported once through its propertyNames error.
      if ('propertyName' in params || error.propertyName !== undefined) return undefined;
      return { line, text: `${where(path)} a un format invalide (« ${String(valueAt(file.data, path))} »)` };
    default:
      return { line, text: `${where(path)} est invalide (${error.message ?? error.keyword})` };
  }
}

function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
