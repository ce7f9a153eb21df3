import type { StaticCriterion } from '../criterion.ts';
import { fail, pass, type Finding } from '../../model/result.ts';
import { COMPOSE_PATH, composeLoader, missingService, serviceOf, unusable, type ComposeFile } from './compose-file.ts';
import { serviceEnvironment, type EnvVar } from './environment.ts';
import { interpolate } from './interpolate.ts';

const EXPECTED = 'demo';
const OFFICIAL = new Set(['postgres', 'library/postgres', 'docker.io/postgres', 'docker.io/library/postgres', 'index.docker.io/library/postgres', 'registry-1.docker.io/library/postgres']);
const at = (file: ComposeFile, ...path: string[]) => ({ file: COMPOSE_PATH, line: file.lineOf(['services', 'db', ...path]) });

export const criterion: StaticCriterion = {
  id: 'compose.db',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    const { file } = load;
    const db = serviceOf(file, 'db');
    if (!db) return missingService(file, 'db', 'image postgres:17, utilisateur, mot de passe et base demo');
    const image = checkImage(file, db);
    if (image) return image;

    const env = await serviceEnvironment(ctx, file, 'db');
    const problems: Array<{ text: string; file: string; line: number }> = [];
    const judge = (name: string, variable: EnvVar | undefined, fallback: string): void => {
      if (!variable) {
        problems.push({ text: `${name} n'est pas défini (${fallback})`, ...at(file, 'environment') });
      } else if (variable.value === undefined || variable.unresolved.length > 0) {
        const on = variable.unresolved[0] ?? name;
        problems.push({
          text: `${name} dépend de la variable ${on}, que le correcteur ne connaît pas (il ne lit ni votre shell ni .env, qui n'est pas un fichier rendu) : écrivez la valeur, ou un défaut comme \${${on}:-demo}`,
          file: variable.file,
          line: variable.line,
        });
      } else if (variable.value !== EXPECTED) {
        problems.push({ text: `${name} vaut « ${variable.value} » au lieu de « demo »`, file: variable.file, line: variable.line });
      }
    };
    const user = env.vars.get('POSTGRES_USER');
    judge('POSTGRES_USER', user, 'l’image utiliserait l’utilisateur postgres');
    judge('POSTGRES_PASSWORD', env.vars.get('POSTGRES_PASSWORD'), 'l’image postgres refuse de démarrer sans mot de passe');
    // Without POSTGRES_DB, the official image names the database after POSTGRES_USER.
    // (so a wrong user, already reported, also makes a wrong database).
    const database = env.vars.get('POSTGRES_DB');
    if (database) judge('POSTGRES_DB', database, '');
    if (problems.length === 0) return pass();
    // An env_file the grader cannot read explains the variables it could not find: say it first.
    const first = env.issues[0] ?? problems[0]!;
    const envFiles = env.issues.map((issue) => `env_file (ligne ${issue.line}) : ${issue.message}`);
    const list = problems.map((p) => (p.file === COMPOSE_PATH ? `${p.text} (ligne ${p.line})` : `${p.text} (${p.file}, ligne ${p.line})`));
    return fail(
      `Service db : ${[...envFiles, ...list].join(' ; ')}. Le TP demande l'utilisateur, le mot de passe et la base « demo » (psql -U demo -d demo) : écrivez-les sous environment: (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB).`,
      { file: first.file, line: first.line },
    );
  },
};

function checkImage(file: ComposeFile, db: Record<string, unknown>): Finding | undefined {
  if (typeof db.image !== 'string') {
    const how = db.build !== undefined ? 'construit une image au lieu d’utiliser' : 'n’indique pas';
    return fail(`Le service db ${how} l'image officielle PostgreSQL : écrivez image: postgres:17.`, at(file, ...(db.build !== undefined ? ['build'] : [])));
  }
  const written = db.image;
  const resolved = interpolate(written);
  if (resolved.unresolved.length > 0) {
    return fail(
      `image: « ${written} » dépend de la variable ${resolved.unresolved[0]}, que le correcteur ne connaît pas (il ne lit pas .env) : écrivez image: postgres:17.`,
      at(file, 'image'),
    );
  }
  const [nameAndTag = '', digest] = resolved.value.trim().split('@');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  if (!OFFICIAL.has(name)) {
    return fail(`Le service db utilise l'image « ${written} » au lieu de l'image officielle PostgreSQL : écrivez image: postgres:17.`, at(file, 'image'));
  }
  if (tag === undefined && digest !== undefined) return undefined;
  if (tag === undefined || !/^\d+(\.\d+)*([-_.][A-Za-z0-9._-]+)?$/.test(tag)) {
    const why = tag === undefined ? 'sans tag, Docker prend postgres:latest' : `le tag « ${tag} » ne fixe pas de version`;
    return fail(
      `image: « ${written} » n'est pas épinglée (${why}, qui change de version majeure sans prévenir et rend vos données illisibles) : écrivez image: postgres:17.`,
      at(file, 'image'),
    );
  }
  return undefined;
}
