import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { makeSubmission, type Overlay } from '../../submission/testing.ts';
import { composeConfig } from '../../docker/compose/config.ts';
import { createStaticContext } from '../check.ts';
import { staticCriteriaIn } from '../catalogue.ts';
import { CRITERION_IDS } from '../../model/criteria.ts';
import type { Status } from '../../model/result.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { GOOD_COMPOSE, mutate } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

const composeChecks = staticCriteriaIn('compose');

/** Grades a real submission folder (reference + overlay) with every compose check. */
async function gradeFolder(overlay: Overlay): Promise<Record<string, Status>> {
  const { dir, cleanup } = await makeSubmission(overlay);
  cleanups.push(cleanup);
  const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
  const statuses: Record<string, Status> = {};
  for (const check of composeChecks) statuses[check.id] = (await check.judge(ctx)).status;
  return statuses;
}

/** Every compose criterion passing: the reference solution's verdicts. */
const ALL_PASS: Record<string, Status> = Object.fromEntries(composeChecks.map((check) => [check.id, 'pass']));
const ALL_FAIL = composeChecks.map(() => 'fail');

describe('compose checks on real folders', () => {
  test('are the compose criteria of the catalogue, in its order, and include the six of the lab', () => {
    expect(composeChecks.map((check) => check.id)).toEqual(CRITERION_IDS.filter((id) => id.startsWith('compose.')));
    expect(composeChecks.map((check) => check.id)).toEqual(expect.arrayContaining(['compose.valid', 'compose.api', 'compose.db', 'compose.db-volume', 'compose.healthcheck', 'compose.no-version-key']));
  });

  test('the reference solution passes every compose criterion', async () => {
    expect(await gradeFolder({})).toEqual(ALL_PASS);
  });

  test.each([
    ['list depends_on', mutate('    depends_on:\n      db:\n        condition: service_healthy\n', '    depends_on:\n      - db\n'), 'compose.healthcheck'],
    ['a bind mount', mutate('- pgdata:/var/lib/postgresql/data', '- ./pgdata:/var/lib/postgresql/data'), 'compose.db-volume'],
    ['a wrong user', mutate('POSTGRES_USER: demo', 'POSTGRES_USER: postgres'), 'compose.db'],
    ['an image instead of a build', mutate('build: ./starter', 'image: simple-api:latest'), 'compose.api'],
    ['the obsolete version key', `version: "3.8"\n${GOOD_COMPOSE}`, 'compose.no-version-key'],
    ['a typo in an unrelated key', mutate('retries: 10', 'retry: 10'), 'compose.valid'],
  ])('%s fails %s only', async (_name, compose, failing) => {
    expect(await gradeFolder({ 'docker-compose.yml': compose })).toEqual({ ...ALL_PASS, [failing]: 'fail' });
  });

  test('credentials in starter/db.env are read through the submission', async () => {
    const compose = mutate('    environment:\n      POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo\n      POSTGRES_DB: demo\n', '    env_file: ./starter/db.env\n');
    expect(await gradeFolder({ 'docker-compose.yml': compose, 'starter/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=demo\n' })).toEqual(ALL_PASS);
    expect((await gradeFolder({ 'docker-compose.yml': compose, 'starter/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=x\n' }))['compose.db']).toBe('fail');
  });

  test('an env_file symlinked out of the repository is not read', async () => {
    const compose = mutate('    environment:\n      POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo\n      POSTGRES_DB: demo\n', '    env_file: starter/db.env\n');
    const statuses = await gradeFolder({ 'docker-compose.yml': compose, 'starter/db.env': { symlink: '/etc/hostname' } });
    expect(statuses['compose.db']).toBe('fail');
  });

  test('without docker-compose.yml every compose criterion fails, never throws', async () => {
    const statuses = await gradeFolder({ 'docker-compose.yml': null });
    expect(Object.values(statuses)).toEqual(ALL_FAIL);
  });

  test('an alias bomb fails every compose criterion quickly', async () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    }
    const started = Date.now();
    const statuses = await gradeFolder({ 'docker-compose.yml': `${bomb}services: {}\n` });
    expect(Object.values(statuses)).toEqual(ALL_FAIL);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

const composeCli = await execa('docker', ['compose', 'version'], { reject: false, timeout: 10_000 }).then(
  (result) => result.exitCode === 0,
  () => false,
);

describe.skipIf(!composeCli)('composeConfig (needs the docker CLI with Compose v2)', () => {
  test('returns Compose’s own reading of a valid file', async () => {
    const { dir, cleanup } = await makeSubmission({ 'docker-compose.yml': GOOD_COMPOSE });
    cleanups.push(cleanup);
    const result = await composeConfig(dir);
    expect(result.state).toBe('ok');
    if (result.state === 'ok') expect(Object.keys(result.config.services as object).sort()).toEqual(['api', 'db']);
  });

  test('reports an invalid file with Compose’s message', async () => {
    const { dir, cleanup } = await makeSubmission({ 'docker-compose.yml': mutate('ports:', 'portss:') });
    cleanups.push(cleanup);
    const result = await composeConfig(dir);
    expect(result).toMatchObject({ state: 'invalid', stderr: expect.stringMatching(/portss/) });
  });
});
