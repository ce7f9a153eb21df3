import type Docker from 'dockerode';
import type { CriterionId } from '../model/criteria.ts';
import type { Finding } from '../model/result.ts';
import type { ProgressListener, RunPhase } from '../model/progress.ts';
import type { HttpServiceContract, Lab, ProgramContract, StackContract } from '../lab/lab.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import { buildImage } from '../docker/build/build-image.ts';
import { finalStageBase, measureAddedLayers } from '../docker/build/layers.ts';
import { removeUntilGone } from '../docker/cleanup/reaper.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { DYNAMIC_CRITERIA } from '../checks/catalogue.ts';
import type { ObservedPhase, Observations } from '../checks/observations.ts';
import { observeContainer } from './container-phase.ts';
import { observeProgram } from './program-phase.ts';
import { observeStack, type Phase } from './stack-phase.ts';
import { reportPhase } from './report-phase.ts';

export type DynamicFindings = Map<CriterionId, { finding: Finding; durationMs: number }>;

export interface DynamicRunOptions {
  docker: Docker;
  submission: Submission;
  settings: RubricSettings;
  /** The lab graded: where the image is built from, and the contracts of its phases. */
  lab: Lab;
  run: RunIdentity;
  teardown: Teardown;
  signal?: AbortSignal;
  /** Called when a phase starts or ends, for progress output and the benchmark. */
  onPhase?: (phase: string, event: 'start' | 'end') => void;
  /** Phases, build steps and base image download, for the progress a student reads. */
  onProgress?: ProgressListener;
  /** Only these criteria are judged, and only the phases they observe run (the build always). */
  only?: readonly CriterionId[];
}

/**
 * Builds the image once, then runs the container phase and the Compose phase side by side (both use
 * that image) while the image's size is measured, and judges every dynamic criterion of the
 * registry (or those of `only`, running only the phases they observe) from what was observed: each one reads its part of the observations, and its duration
 * is that of the phase it observes.
 */
export async function runDynamic(options: DynamicRunOptions): Promise<DynamicFindings> {
  const { docker, submission, settings, lab, run, teardown } = options;
  const observed: Partial<Observations> = {};
  const durations: Partial<Record<ObservedPhase, number>> = {};
  const observe = <P extends ObservedPhase>(name: P, observation: Observations[P], startedAt: number) => {
    observed[name] = observation;
    durations[name] = Date.now() - startedAt;
  };
  const phase: Phase = async (name, body) => {
    options.onPhase?.(name, 'start');
    try {
      return await reportPhase(options.onProgress, name as RunPhase, body);
    } finally {
      options.onPhase?.(name, 'end');
    }
  };
  teardown.add('docker resources of the run', () => removeUntilGone(docker, run.id));

  const buildStart = Date.now();
  const starter = await submission.resolve(lab.imageContext);
  const dockerfile = await submission.read(`${lab.imageContext}/Dockerfile`);
  const dockerfileText = dockerfile.state === 'ok' ? dockerfile.bytes.toString('utf8') : undefined;
  const build = starter.state === 'ok'
    ? await phase('build', () => buildImage(docker, { contextDir: starter.abs, tag: run.imageTag, labels: run.labels, timeoutMs: settings.buildTimeoutSeconds * 1000, network: process.env.DOCKER_LAB_BUILD_NETWORK, signal: options.signal, onProgress: options.onProgress }))
    : ({ state: 'no-context', reason: starter.state, durationMs: 0 } as const);
  observe('build', { build, dockerfileText, timeoutSeconds: settings.buildTimeoutSeconds }, buildStart);
  const built = build.state === 'built';

  // The image's size is read from the engine beside the two phases: they do not wait for it.
  const sizePhase = async () => {
    const sizeStart = Date.now();
    const size = built
      ? await measureAddedLayers(docker, run.imageTag, finalStageBase(dockerfileText ?? '', build.log.stageBases)).catch((error: Error) => ({ state: 'unknown-base' as const, why: { kind: 'engine-error' as const, message: error.message } }))
      : { state: 'not-built' as const };
    observe('size', size, sizeStart);
  };

  const containerPhase = async (service: HttpServiceContract) => {
    const start = Date.now();
    const { health, stop, server = { state: 'not-judged', reason: 'no-server' } } = built
      ? await phase('container', () => observeContainer(docker, { run, settings, service, signal: options.signal }))
      : { health: { state: 'not-built' } as const, stop: { state: 'not-built' } as const, server: { state: 'not-built' } as const };
    observe('container', { health, stop, server }, start);
  };

  const programPhase = async (program: ProgramContract) => {
    const start = Date.now();
    const all = <T>(input: T) => ({ plain: input, env: input, override: input });
    observe(
      'program',
      built ? await phase('program', () => observeProgram(docker, { run, settings, program, signal: options.signal })) : all({ state: 'not-built' } as const),
      start,
    );
  };

  const stackPhase = async (stack: StackContract) => {
    const start = Date.now();
    observe('stack', await observeStack({ submission, settings, stack, imageContext: lab.imageContext, run, teardown, built, phase, signal: options.signal }), start);
  };

  const criteria = DYNAMIC_CRITERIA.filter((criterion) => !options.only || options.only.includes(criterion.id));
  const needed = new Set<ObservedPhase>(criteria.map((criterion) => criterion.observes));
  await Promise.all([
    needed.has('size') && sizePhase(),
    needed.has('container') && lab.service && containerPhase(lab.service),
    needed.has('program') && lab.program && programPhase(lab.program),
    needed.has('stack') && lab.stack && stackPhase(lab.stack),
  ]);
  const observations = observed as Observations;
  const findings: DynamicFindings = new Map();
  for (const criterion of criteria) {
    // A criterion of a phase the lab has no contract for is not judged (grade.ts reports it as such).
    if (!(criterion.observes in observed)) continue;
    findings.set(criterion.id, { finding: criterion.judge(observations, settings, lab), durationMs: durations[criterion.observes] ?? 0 });
  }
  return findings;
}
