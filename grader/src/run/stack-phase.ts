import { randomBytes } from 'node:crypto';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { prepareStack } from '../docker/compose/prepare.ts';
import type { ComposeStack, StartedStack } from '../docker/compose/stack.ts';
import type { Observations, PersistenceObservation, PsqlObservation, StackUpInput, StackUpObservation } from '../checks/observations.ts';
import { parseCompose } from '../checks/compose/compose-file.ts';
import type { StackContract } from '../lab/lab.ts';
import { lastLines } from '../text/last-lines.ts';
import { LabDatabase } from './stack-database.ts';
import { startLabStack, type StackTimeouts } from './stack-start.ts';
import { stackNotJudged } from './unobserved.ts';
import type { Phase } from './driver/driver.ts';

const MAX_COMPOSE_BYTES = 256 * 1024;
/** `docker compose down --timeout` of the persistence scenario: the database's time to stop cleanly. */
const DOWN_STOP_SECONDS = 10;

export type StackObservations = Observations['stack'];

/**
 * The student's Compose stack with the built image: up, psql once the database has finished
 * starting, then the persistence scenario (a row, down, up, the row again). The stack's `destroy` is
 * registered with the run's teardown before anything starts (error, Ctrl-C) and also runs at the end.
 */
export async function observeStack(options: {
  submission: Submission;
  settings: RubricSettings;
  /** The lab's stack: its API and database services. */
  stack: StackContract;
  /** The student-owned folder the API image is built from. */
  imageContext: string;
  run: RunIdentity;
  teardown: Teardown;
  phase: Phase;
  signal?: AbortSignal;
}): Promise<StackObservations> {
  const { submission, settings, stack: contract, imageContext, run, teardown, phase, signal } = options;
  // Bounded like the static loader: a compose file of megabytes is not handed to Compose.
  if ((await submission.read('docker-compose.yml', MAX_COMPOSE_BYTES)).state !== 'ok') {
    return stackNotJudged({ state: 'no-compose-file' }, 'no-compose-file');
  }
  const timeouts: StackTimeouts = { stackTimeoutMs: settings.stackTimeoutSeconds * 1000, startupTimeoutMs: settings.startupTimeoutSeconds * 1000 };
  let stack: ComposeStack | undefined;
  try {
    const start = await phase('stack-up', async (): Promise<{ up: StackUpObservation; started?: StartedStack }> => {
      const prepared = await prepareStack(submission.root, { project: run.project, labels: run.labels, image: run.imageTag, imageContext }, signal);
      if (prepared.state !== 'ready') return { up: prepared };
      if (!prepared.services.includes(contract.api.service)) return { up: { state: 'no-api', services: prepared.services } };
      stack = prepared.stack;
      teardown.add('compose project', () => prepared.stack.destroy());
      return startLabStack(prepared.stack, contract, timeouts, signal);
    });
    let up: StackUpInput = start.up;
    if (up.state === 'refused') up = { ...up, line: await lineOfComposePath(submission, up.problems[0]?.path ?? []) };
    if (!start.started) return stackNotJudged(up, 'stack-down');
    const { started } = start;
    const database = new LabDatabase(started, timeouts.startupTimeoutMs, contract);
    const psql = await phase('psql', () => observePsql(started, database, contract, signal));
    const persistence: PersistenceObservation = psql.state === 'ok'
      ? await phase('persistence', () => observePersistence(started, database, contract, timeouts, signal))
      : { state: 'not-judged', because: 'psql-failed' };
    return { up, psql, persistence };
  } finally {
    await phase('stack-down', async () => stack?.destroy());
  }
}

/** `docker compose exec db psql -U demo -d demo` runs a query. */
async function observePsql(started: StartedStack, database: LabDatabase, contract: StackContract, signal?: AbortSignal): Promise<PsqlObservation> {
  const { db } = contract;
  if (!(await started.has(db.service))) return { state: 'no-db' };
  const result = await database.query('SELECT current_user, current_database();', signal);
  if (result.ok) return { state: 'ok', output: result.output };
  return { state: 'failed', error: result.error, ...(result.notReady ? { notReady: result.notReady } : {}), services: await started.report([db.service]) };
}

/**
 * The persistence scenario: writes a row, runs `down` (volumes kept) then `up` of the database
 * alone, and reads the row back once the restarted server has finished starting (an empty volume
 * starts in two phases again).
 */
async function observePersistence(started: StartedStack, database: LabDatabase, contract: StackContract, timeouts: StackTimeouts, signal?: AbortSignal): Promise<PersistenceObservation> {
  const { db } = contract;
  const token = randomBytes(8).toString('hex');
  const write = await database.query(`CREATE TABLE IF NOT EXISTS grader_persistence (token text); INSERT INTO grader_persistence VALUES ('${token}');`, signal);
  if (!write.ok) return { state: 'failed', step: 'insert', error: write.error };
  const down = await started.down({ timeoutMs: timeouts.stackTimeoutMs, stopTimeoutSeconds: DOWN_STOP_SECONDS, signal });
  if (down.state === 'failed') return { state: 'failed', step: 'down', error: lastLines(down.result.stderr, 5) };
  const { result: up, stack: restarted } = await down.stack.up({ timeoutMs: timeouts.stackTimeoutMs, signal, services: [db.service] });
  if (!up.ok && !(await restarted.isRunning(db.service))) return { state: 'failed', step: 'up', error: lastLines(up.stderr, 5) };
  const read = await new LabDatabase(restarted, timeouts.startupTimeoutMs, contract).query(`SELECT count(*) FROM grader_persistence WHERE token = '${token}';`, signal);
  if (read.ok && read.output.trim() === '1') return { state: 'kept' };
  if (!read.ok && read.notReady) return { state: 'not-restarted', seen: read.notReady, error: read.error };
  return { state: 'lost', read: read.ok ? { rows: read.output.trim() } : { error: read.error } };
}

/** Line in the student's docker-compose.yml of a key of the normalised model (e.g. services.db.privileged). */
async function lineOfComposePath(submission: Submission, path: string[]): Promise<number | undefined> {
  const read = await submission.read('docker-compose.yml');
  if (read.state !== 'ok') return undefined;
  const load = parseCompose(read.bytes);
  return load.state === 'ok' ? load.file.lineOf(path.map((key) => (/^\d+$/.test(key) ? Number(key) : key))) : undefined;
}
