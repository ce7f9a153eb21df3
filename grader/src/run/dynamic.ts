import type Docker from 'dockerode';
import type { CriterionId } from '../model/criteria.ts';
import type { Finding } from '../model/result.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import { buildImage } from '../docker/build/build-image.ts';
import { finalStageBase, measureAddedLayers } from '../docker/build/layers.ts';
import { removeUntilGone } from '../docker/cleanup/reaper.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import { answersHttp, startApiContainer, timeGracefulStop, waitForHealth, type HealthObservation, type StopObservation } from '../docker/container/run-api.ts';
import { Stack, type PersistenceObservation, type PsqlObservation } from '../docker/compose/stack.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { imageBuild } from '../checks/dynamic/image-build.ts';
import { imageSize } from '../checks/dynamic/image-size.ts';
import { containerHealth } from '../checks/dynamic/container-health.ts';
import { containerGracefulStop } from '../checks/dynamic/container-graceful-stop.ts';
import { stackUp, type StackUpInput } from '../checks/dynamic/stack-up.ts';
import { stackPsql } from '../checks/dynamic/stack-psql.ts';
import { stackPersistence } from '../checks/dynamic/stack-persistence.ts';
import { parseCompose } from '../checks/compose/compose-file.ts';

const MAX_COMPOSE_BYTES = 256 * 1024;

export type DynamicFindings = Map<CriterionId, { finding: Finding; durationMs: number }>;

export interface DynamicRunOptions {
  docker: Docker;
  submission: Submission;
  settings: RubricSettings;
  run: RunIdentity;
  teardown: Teardown;
  signal?: AbortSignal;
  /** Called when a phase starts or ends, for progress output and the benchmark. */
  onPhase?: (phase: string, event: 'start' | 'end') => void;
}

/**
 * Builds the image once, then runs the container phase and the Compose phase side by side (both use
 * that image), and judges the seven dynamic criteria from what was observed.
 */
export async function runDynamic(options: DynamicRunOptions): Promise<DynamicFindings> {
  const { docker, submission, settings, run, teardown } = options;
  const findings: DynamicFindings = new Map();
  const record = (id: CriterionId, finding: Finding, startedAt: number) => findings.set(id, { finding, durationMs: Date.now() - startedAt });
  const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
    options.onPhase?.(name, 'start');
    try {
      return await body();
    } finally {
      options.onPhase?.(name, 'end');
    }
  };
  teardown.add('docker resources of the run', () => removeUntilGone(docker, run.id));

  const buildStart = Date.now();
  const starter = await submission.resolve('starter');
  const dockerfile = await submission.read('starter/Dockerfile');
  const dockerfileText = dockerfile.state === 'ok' ? dockerfile.bytes.toString('utf8') : undefined;
  const build = starter.state === 'ok'
    ? await phase('build', () => buildImage(docker, { contextDir: starter.abs, tag: run.imageTag, labels: run.labels, timeoutMs: settings.buildTimeoutSeconds * 1000, network: process.env.DOCKER_LAB_BUILD_NETWORK, signal: options.signal }))
    : ({ state: 'no-context', reason: starter.state, durationMs: 0 } as const);
  record('image.build', imageBuild.judge({ build, dockerfileText, timeoutSeconds: settings.buildTimeoutSeconds }, settings), buildStart);
  const built = build.state === 'built';

  const sizeStart = Date.now();
  const size = built
    ? await measureAddedLayers(docker, run.imageTag, finalStageBase(dockerfileText ?? '', build.log.stageBases)).catch((error: Error) => ({ state: 'unknown-base' as const, reason: error.message }))
    : { state: 'not-built' as const };
  record('image.size', imageSize.judge(size, settings), sizeStart);

  const containerPhase = async () => {
    const start = Date.now();
    let health: HealthObservation | { state: 'not-built' } = { state: 'not-built' };
    let stop: StopObservation | { state: 'not-built' } = { state: 'not-built' };
    if (built) {
      await phase('container', async () => {
        try {
          const api = await startApiContainer(docker, { image: run.imageTag, name: `${run.namePrefix}-api`, labels: run.labels });
          health = await waitForHealth(docker, api, settings.startupTimeoutSeconds * 1000, options.signal);
          stop = answersHttp(health) ? await timeGracefulStop(docker, api, settings.stopLimitSeconds) : { state: 'not-judged', reason: 'no-http' };
          await docker.getContainer(api.id).remove({ force: true, v: true }).catch(() => undefined);
        } catch (error) {
          health = { state: 'start-failed', reason: (error as Error).message };
          stop = { state: 'not-judged', reason: 'no-http' };
        }
      });
    }
    record('container.health', containerHealth.judge(health, settings), start);
    record('container.graceful-stop', containerGracefulStop.judge(stop, settings), start);
  };

  const stackPhase = async () => {
    const start = Date.now();
    let up: StackUpInput = { state: 'not-built' };
    let psql: PsqlObservation = { state: 'not-judged', reason: "l'image de l'API ne se construit pas (voir image.build)." };
    let persistence: PersistenceObservation = { state: 'not-judged', reason: "l'image de l'API ne se construit pas (voir image.build)." };
    // Bounded like the static loader: a compose file of megabytes is not handed to Compose.
    if (built && (await submission.read('docker-compose.yml', MAX_COMPOSE_BYTES)).state !== 'ok') {
      up = { state: 'no-compose-file' };
      psql = persistence = { state: 'not-judged', reason: 'docker-compose.yml est absent ou inutilisable (voir compose.valid).' };
    } else if (built) {
      const stack = new Stack(submission.root, { project: run.project, labels: run.labels, image: run.imageTag }, {
        stackTimeoutMs: settings.stackTimeoutSeconds * 1000,
        startupTimeoutMs: settings.startupTimeoutSeconds * 1000,
      });
      teardown.add('compose project', () => stack.destroy());
      try {
        up = await phase('stack-up', () => stack.up(options.signal));
        if (up.state === 'refused') up = { ...up, line: await lineOfComposePath(submission, up.problems[0]?.path ?? []) };
        const started = up.state === 'healthy' || up.state === 'unhealthy' || up.state === 'up-failed';
        if (started) {
          psql = await phase('psql', () => stack.checkPsql(options.signal));
          persistence = psql.state === 'ok'
            ? await phase('persistence', () => stack.checkPersistence(options.signal))
            : { state: 'not-judged', reason: 'psql ne fonctionne pas (voir stack.psql).' };
        } else {
          psql = persistence = { state: 'not-judged', reason: 'la pile ne démarre pas (voir stack.up).' };
        }
      } finally {
        await phase('stack-down', () => stack.destroy());
      }
    }
    record('stack.up', stackUp.judge(up, settings), start);
    record('stack.psql', stackPsql.judge(psql, settings), start);
    record('stack.persistence', stackPersistence.judge(persistence, settings), start);
  };

  await Promise.all([containerPhase(), stackPhase()]);
  return findings;
}

/** Line in the student's docker-compose.yml of a key of the normalised model (e.g. services.db.privileged). */
async function lineOfComposePath(submission: Submission, path: string[]): Promise<number | undefined> {
  const read = await submission.read('docker-compose.yml');
  if (read.state !== 'ok') return undefined;
  const load = parseCompose(read.bytes);
  return load.state === 'ok' ? load.file.lineOf(path.map((key) => (/^\d+$/.test(key) ? Number(key) : key))) : undefined;
}

export const DYNAMIC_IDS: CriterionId[] = ['image.build', 'image.size', 'container.health', 'container.graceful-stop', 'stack.up', 'stack.psql', 'stack.persistence'];

