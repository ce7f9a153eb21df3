import type { ProgressListener } from '../../model/progress.ts';
import type { HttpServiceContract, ProgramContract, StackContract } from '../../lab/lab.ts';
import type { RubricSettings } from '../../rubric/rubric.ts';
import type { Submission } from '../../submission/submission.ts';
import type { FinalBase } from '../../docker/build/layers.ts';
import type { Teardown } from '../../docker/cleanup/teardown.ts';
import type { RunIdentity } from '../../docker/labels.ts';
import type { Observations } from '../../checks/observations.ts';

// The one interface between the dynamic run (run/dynamic.ts) and whatever observes the image
// (modelled on container-structure-test's drivers): one method per observed phase, each returning
// that phase's observation as the criteria judge it. `dockerDriver` observes a real engine;
// `recordedDriver` replays a run recorded as JSON, so the dynamic run and its criteria are
// unit-tested without an engine.

/** Runs `body` as a named phase (progress output and the benchmark see its start and end). */
export type Phase = <T>(name: string, body: () => Promise<T>) => Promise<T>;

/** What every phase is given: the run's identity and settings, how to stop, how to report progress. */
export interface PhaseRequest {
  run: RunIdentity;
  settings: RubricSettings;
  signal?: AbortSignal;
  phase: Phase;
  /** Build steps and base image download, for the progress a student reads. */
  onProgress?: ProgressListener;
}

export interface BuildRequest extends PhaseRequest {
  submission: Submission;
  /** The student-owned folder the image is built from (holds the Dockerfile). */
  imageContext: string;
}

export interface SizeRequest extends PhaseRequest {
  /** The final stage's base image, as the Dockerfile and the build log name it. */
  base: FinalBase;
}

export interface ContainerRequest extends PhaseRequest {
  service: HttpServiceContract;
}

export interface ProgramRequest extends PhaseRequest {
  program: ProgramContract;
}

export interface StackRequest extends PhaseRequest {
  submission: Submission;
  stack: StackContract;
  imageContext: string;
  teardown: Teardown;
}

/**
 * Observes one grading run, phase by phase. The dynamic run calls `build` first, then, only for a
 * built image, the other phases its criteria and the lab's contracts need, side by side.
 */
export interface ObservationDriver {
  build(request: BuildRequest): Promise<Observations['build']>;
  size(request: SizeRequest): Promise<Observations['size']>;
  /** The image run alone as an HTTP service. */
  container(request: ContainerRequest): Promise<Observations['container']>;
  /** The image run to completion as a program, three ways. */
  program(request: ProgramRequest): Promise<Observations['program']>;
  /** The student's Compose stack with the built image. */
  stack(request: StackRequest): Promise<Observations['stack']>;
  /** Removes what the run left behind (the run's teardown calls it). */
  cleanUp(run: RunIdentity): Promise<void>;
}
