import type { CriterionId } from '../model/criteria.ts';
import type { Finding } from '../model/result.ts';
import type { ProgressListener, RunPhase } from '../model/progress.ts';
import type { HttpServiceContract, Lab, ProgramContract, StackContract } from '../lab/lab.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import { finalStageBase } from '../docker/build/layers.ts';
import type { Teardown } from '../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { DYNAMIC_CRITERIA } from '../checks/catalogue.ts';
import type { ObservedPhase, Observations } from '../checks/observations.ts';
import type { ObservationDriver, Phase, PhaseRequest } from './driver/driver.ts';
import { NOT_BUILT } from './unobserved.ts';
import { reportPhase } from './report-phase.ts';

export type DynamicFindings = Map<CriterionId, { finding: Finding; durationMs: number }>;

export interface DynamicRunOptions {
  /** What observes the run: a Docker engine (`dockerDriver`), or a recorded run (`recordedDriver`). */
  driver: ObservationDriver;
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
 * is that of the phase it observes. A phase after a build that failed is not run: its criteria
 * judge the image as not built.
 */
export async function runDynamic(options: DynamicRunOptions): Promise<DynamicFindings> {
  const { driver, submission, settings, lab, run, teardown } = options;
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
  const request: PhaseRequest = { run, settings, signal: options.signal, phase, onProgress: options.onProgress };
  teardown.add('docker resources of the run', () => driver.cleanUp(run));

  const buildStart = Date.now();
  const build = await driver.build({ ...request, submission, imageContext: lab.imageContext });
  observe('build', build, buildStart);
  const built = build.build.state === 'built' ? build.build : undefined;

  /** Observes a phase of the built image, or what it is when the image was not built. */
  const afterBuild = async <P extends Exclude<ObservedPhase, 'build'>>(name: P, observation: () => Promise<Observations[P]>) => {
    const start = Date.now();
    observe(name, built ? await observation() : (NOT_BUILT[name] as Observations[P]), start);
  };
  // The image's size is read from the engine beside the other phases: they do not wait for it.
  const sizePhase = () => afterBuild('size', () => driver.size({ ...request, base: finalStageBase(build.dockerfileText ?? '', built!.log.stageBases) }));
  const containerPhase = (service: HttpServiceContract) => afterBuild('container', () => driver.container({ ...request, service }));
  const programPhase = (program: ProgramContract) => afterBuild('program', () => driver.program({ ...request, program }));
  const stackPhase = (stack: StackContract) => afterBuild('stack', () => driver.stack({ ...request, submission, stack, imageContext: lab.imageContext, teardown }));

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
