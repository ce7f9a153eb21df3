import type { BuildOutcome } from '../docker/build/build-image.ts';
import type { HealthObservation } from '../docker/container/run-api.ts';
import type { StopObservation } from '../docker/container/stop-time.ts';
import type { ProcessListing } from '../docker/container/processes.ts';
import type { LayerMeasurement } from '../docker/build/layers.ts';
import type { HostSafetyProblem } from '../docker/compose/host-safety.ts';
import type { ServiceReport } from '../docker/compose/stack.ts';
import type { CompletionOutcome } from '../docker/container/run-to-completion.ts';
import type { ProgramRun } from '../lab/lab.ts';

// What the dynamic run observes, phase by phase: the orchestrator (run/dynamic.ts) fills one
// `Observations` object and every dynamic criterion judges its part of it.

export interface BuildInput {
  build: BuildOutcome;
  dockerfileText?: string;
  timeoutSeconds: number;
}

export type SizeObservation = LayerMeasurement | { state: 'not-built' };

export type ContainerHealthInput = HealthObservation | { state: 'not-built' };

export type GracefulStopInput = StopObservation | { state: 'not-built' };

/**
 * The container's processes, listed while its server served HTTP (answered on the published port, or
 * logged that it listens on the container's loopback; `no-http`: neither); or `no-server`: the lab's
 * service names no server (the grader's configuration).
 */
export type ContainerServerInput = ProcessListing | { state: 'not-judged'; reason: 'no-http' | 'no-server' } | { state: 'not-built' };

/** Why the API service of the stack does not run: never created (`up` failed), or its container's state. */
export type ApiNotRunning = { created: false } | { created: true; state: string; exitCode: number };
/** What the wait for the stack's `/health` ended on, when the API never answered as expected. */
export type ApiHealthFailure =
  | { kind: 'stopped'; api: ApiNotRunning }
  | { kind: 'bad-answer'; status: number; body: string }
  | { kind: 'loopback-only' }
  /** `seen`: the wait's last observation, in the lab's wording (its service's `health.wording`, labs/<id>/). */
  | { kind: 'no-answer'; seen: string };
/** Why psql and persistence could not be observed: no image, no docker-compose.yml, or the stack did not start. */
export type StackNotJudged = 'not-built' | 'no-compose-file' | 'stack-down';
export type StackUpObservation =
  | { state: 'refused'; problems: HostSafetyProblem[] }
  | { state: 'config-failed'; error: string }
  | { state: 'unparsable'; error: string }
  | { state: 'no-api'; services: string[] }
  | { state: 'up-failed'; error: string; timedOut: boolean; services: ServiceReport[] }
  | { state: 'unhealthy'; failure: ApiHealthFailure; services: ServiceReport[] }
  | { state: 'healthy'; apiPort: number; elapsedMs: number };

export type PsqlObservation =
  | { state: 'ok'; output: string }
  | { state: 'no-db' }
  /**
   * `error`: psql's last output lines. `notReady`: what was seen when the wait for the final server
   * ended without it, in the lab's wording (its stack's `postgresWording`, labs/<id>/).
   */
  | { state: 'failed'; error: string; notReady?: string; services: ServiceReport[] }
  | { state: 'not-judged'; because: StackNotJudged };

export type PersistenceObservation =
  | { state: 'kept' }
  /** The row read back after `down` then `up`: the count psql printed, or psql's error. */
  | { state: 'lost'; read: { rows: string } | { error: string } }
  | { state: 'failed'; step: 'insert' | 'down' | 'up'; error: string }
  /** The database did not finish starting again after `down` then `up` (`seen`: as `notReady` above). */
  | { state: 'not-restarted'; seen: string; error: string }
  /** `psql-failed`: persistence is not tried when psql does not work. */
  | { state: 'not-judged'; because: StackNotJudged | 'psql-failed' };

export type StackUpInput =
  | Exclude<StackUpObservation, { state: 'refused' }>
  | (Extract<StackUpObservation, { state: 'refused' }> & { line?: number })
  | { state: 'not-built' }
  | { state: 'no-compose-file' };

/** One `docker run --rm IMAGE [COMMAND…]` of the lab's program: the run asked for, and how it ended. */
export interface ProgramObservation {
  state: 'ran';
  run: ProgramRun;
  outcome: CompletionOutcome;
}

/** `not-judged`: a program criterion was wanted but the lab describes no program (the grader's configuration). */
export type ProgramInput = ProgramObservation | { state: 'not-built' } | { state: 'not-judged'; because: 'no-program' };

/** One entry per phase of the dynamic run; a dynamic criterion names the phase it `observes`. */
export interface Observations {
  /** The image build (`image.build`). */
  build: BuildInput;
  /** The layers the student's Dockerfile adds to its base image. */
  size: SizeObservation;
  /** The built image run alone: /health, the processes serving it, then `docker stop`. */
  container: { health: ContainerHealthInput; stop: GracefulStopInput; server: ContainerServerInput };
  /** The built image run as a program: plainly, with an environment variable, with a command. */
  program: { plain: ProgramInput; env: ProgramInput; override: ProgramInput };
  /** The Compose stack: up, psql, then down and up again. */
  stack: { up: StackUpInput; psql: PsqlObservation; persistence: PersistenceObservation };
}

export type ObservedPhase = keyof Observations;
