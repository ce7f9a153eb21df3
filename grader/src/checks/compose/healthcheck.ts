import type { StaticCriterion } from '../criterion.ts';
import { fail, pass, type Finding } from '../../model/result.ts';
import { asDict, COMPOSE_PATH, composeLoader, missingService, serviceOf, unusable, type ComposeFile } from './compose-file.ts';

const EXAMPLE_HEALTHCHECK = 'healthcheck: {test: ["CMD-SHELL", "pg_isready -U demo -d demo"], interval: 5s, retries: 10}';
const EXAMPLE_DEPENDS = 'depends_on: {db: {condition: service_healthy}}';
const at = (file: ComposeFile, service: string, ...path: string[]) => ({ file: COMPOSE_PATH, line: file.lineOf(['services', service, ...path]) });

export const criterion: StaticCriterion = {
  id: 'compose.healthcheck',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    const { file } = load;
    const db = serviceOf(file, 'db');
    if (!db) return missingService(file, 'db', 'avec un healthcheck');
    const api = serviceOf(file, 'api');
    if (!api) return missingService(file, 'api', 'qui attend que db soit prête');
    return checkHealthcheck(file, db) ?? checkDependsOn(file, api) ?? pass();
  },
};

function checkHealthcheck(file: ComposeFile, db: Record<string, unknown>): Finding | undefined {
  const healthcheck = asDict(db.healthcheck);
  if (!healthcheck) {
    return fail(
      `Le service db n'a pas de healthcheck : Docker ne peut pas savoir quand PostgreSQL accepte les connexions. Ajoutez ${EXAMPLE_HEALTHCHECK}.`,
      at(file, 'db', ...(db.healthcheck === undefined ? [] : ['healthcheck'])),
    );
  }
  if (healthcheck.disable === true) {
    return fail(`Le healthcheck de db est désactivé (disable: true) : retirez cette ligne et écrivez un test pg_isready.`, at(file, 'db', 'healthcheck', 'disable'));
  }
  const test = healthcheck.test;
  const command = typeof test === 'string' ? test.trim() : Array.isArray(test) ? test.map(String) : undefined;
  const usable =
    typeof command === 'string'
      ? command !== '' && command !== 'NONE'
      : command !== undefined && (command[0] === 'CMD' || command[0] === 'CMD-SHELL') && command.slice(1).join('').trim() !== '';
  if (!usable) {
    const why = command === undefined ? 'n’a pas de test:' : 'a un test: vide, NONE ou mal formé (une liste doit commencer par "CMD" ou "CMD-SHELL")';
    return fail(
      `Le healthcheck de db ${why}, donc PostgreSQL n'est jamais déclaré « healthy ». Écrivez test: ["CMD-SHELL", "pg_isready -U demo -d demo"].`,
      at(file, 'db', 'healthcheck', ...(test === undefined ? [] : ['test'])),
    );
  }
  return undefined;
}

function checkDependsOn(file: ComposeFile, api: Record<string, unknown>): Finding | undefined {
  const dependsOn = api.depends_on;
  if (Array.isArray(dependsOn)) {
    return fail(
      `depends_on en liste (- db) fait seulement attendre le démarrage du conteneur db, pas que PostgreSQL soit prêt : l'API peut échouer à sa première connexion. Écrivez ${EXAMPLE_DEPENDS}.`,
      at(file, 'api', 'depends_on'),
    );
  }
  const entries = asDict(dependsOn);
  if (!entries || !('db' in entries)) {
    return fail(
      `Le service api ne dépend pas de db : Compose peut le démarrer avant PostgreSQL. Ajoutez ${EXAMPLE_DEPENDS}.`,
      at(file, 'api', ...(dependsOn === undefined ? [] : ['depends_on'])),
    );
  }
  const condition = asDict(entries.db)?.condition;
  if (condition !== 'service_healthy') {
    const now = condition === undefined ? 'n’a pas de condition:' : `a condition: ${String(condition)}`;
    return fail(
      `depends_on.db ${now} : l'API n'attend pas que le healthcheck de db réussisse. Écrivez condition: service_healthy.`,
      at(file, 'api', 'depends_on', 'db', ...(condition === undefined ? [] : ['condition'])),
    );
  }
  return undefined;
}
