import type Docker from 'dockerode';
import type { CriterionId } from '../model/criteria.ts';
import type { Finding } from '../model/result.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import { buildImage } from '../docker/build/build-image.ts';
import { finalStageBase, measureAddedLayers } from '../docker/build/layers.ts';
import { removeUntilGone } from '../docker/cleanup/reaper.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { imageBuild } from '../checks/dynamic/image-build.ts';
import { imageSize } from '../checks/dynamic/image-size.ts';
import { containerHealth } from '../checks/dynamic/container-health.ts';
import { containerGracefulStop } from '../checks/dynamic/container-graceful-stop.ts';
import { stackUp } from '../checks/dynamic/stack-up.ts';
import { stackPsql } from '../checks/dynamic/stack-psql.ts';
import { stackPersistence } from '../checks/dynamic/stack-persistence.ts';
import { observeContainer } from './container-phase.ts';
import { observeStack, type Phase } from './stack-phase.ts';

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
  const phase: Phase = async (name, body) => {
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
    const { health, stop } = built
      ? await phase('container', () => observeContainer(docker, { run, settings, signal: options.signal }))
      : { health: { state: 'not-built' } as const, stop: { state: 'not-built' } as const };
    record('container.health', containerHealth.judge(health, settings), start);
    record('container.graceful-stop', containerGracefulStop.judge(stop, settings), start);
  };

  const stackPhase = async () => {
    const start = Date.now();
    const { up, psql, persistence } = await observeStack({ submission, settings, run, teardown, built, phase, signal: options.signal });
    record('stack.up', stackUp.judge(up, settings), start);
    record('stack.psql', stackPsql.judge(psql, settings), start);
    record('stack.persistence', stackPersistence.judge(persistence, settings), start);
  };

  await Promise.all([containerPhase(), stackPhase()]);
  return findings;
}

export const DYNAMIC_IDS: CriterionId[] = ['image.build', 'image.size', 'container.health', 'container.graceful-stop', 'stack.up', 'stack.psql', 'stack.persistence'];

