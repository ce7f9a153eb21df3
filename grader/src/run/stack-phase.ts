import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { Stack, type PersistenceObservation, type PsqlObservation } from '../docker/compose/stack.ts';
import type { StackUpInput } from '../checks/dynamic/stack-up.ts';
import { parseCompose } from '../checks/compose/compose-file.ts';

const MAX_COMPOSE_BYTES = 256 * 1024;

/** Runs `body` as a named phase (progress output and the benchmark see its start and end). */
export type Phase = <T>(name: string, body: () => Promise<T>) => Promise<T>;

export interface StackObservations {
  up: StackUpInput;
  psql: PsqlObservation;
  persistence: PersistenceObservation;
}

/**
 * The student's Compose stack with the built image: up, psql once the database has finished
 * starting, then the persistence scenario (a row, down, up, the row again); always torn down.
 */
export async function observeStack(options: {
  submission: Submission;
  settings: RubricSettings;
  run: RunIdentity;
  teardown: Teardown;
  built: boolean;
  phase: Phase;
  signal?: AbortSignal;
}): Promise<StackObservations> {
  const { submission, settings, run, teardown, built, phase, signal } = options;
  if (!built) {
    const reason = "l'image de l'API ne se construit pas (voir image.build).";
    return { up: { state: 'not-built' }, psql: { state: 'not-judged', reason }, persistence: { state: 'not-judged', reason } };
  }
  // Bounded like the static loader: a compose file of megabytes is not handed to Compose.
  if ((await submission.read('docker-compose.yml', MAX_COMPOSE_BYTES)).state !== 'ok') {
    const reason = 'docker-compose.yml est absent ou inutilisable (voir compose.valid).';
    return { up: { state: 'no-compose-file' }, psql: { state: 'not-judged', reason }, persistence: { state: 'not-judged', reason } };
  }
  const stack = new Stack(submission.root, { project: run.project, labels: run.labels, image: run.imageTag }, {
    stackTimeoutMs: settings.stackTimeoutSeconds * 1000,
    startupTimeoutMs: settings.startupTimeoutSeconds * 1000,
  });
  teardown.add('compose project', () => stack.destroy());
  try {
    let up: StackUpInput = await phase('stack-up', () => stack.up(signal));
    if (up.state === 'refused') up = { ...up, line: await lineOfComposePath(submission, up.problems[0]?.path ?? []) };
    const started = up.state === 'healthy' || up.state === 'unhealthy' || up.state === 'up-failed';
    if (!started) {
      const reason = 'la pile ne démarre pas (voir stack.up).';
      return { up, psql: { state: 'not-judged', reason }, persistence: { state: 'not-judged', reason } };
    }
    const psql = await phase('psql', () => stack.checkPsql(signal));
    const persistence: PersistenceObservation = psql.state === 'ok'
      ? await phase('persistence', () => stack.checkPersistence(signal))
      : { state: 'not-judged', reason: 'psql ne fonctionne pas (voir stack.psql).' };
    return { up, psql, persistence };
  } finally {
    await phase('stack-down', () => stack.destroy());
  }
}

/** Line in the student's docker-compose.yml of a key of the normalised model (e.g. services.db.privileged). */
async function lineOfComposePath(submission: Submission, path: string[]): Promise<number | undefined> {
  const read = await submission.read('docker-compose.yml');
  if (read.state !== 'ok') return undefined;
  const load = parseCompose(read.bytes);
  return load.state === 'ok' ? load.file.lineOf(path.map((key) => (/^\d+$/.test(key) ? Number(key) : key))) : undefined;
}
