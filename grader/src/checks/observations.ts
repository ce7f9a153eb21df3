import type { BuildOutcome } from '../docker/build/build-image.ts';
import type { HealthObservation, StopObservation } from '../docker/container/run-api.ts';
import type { LayerMeasurement } from '../docker/build/layers.ts';
import type { HostSafetyProblem } from '../docker/compose/host-safety.ts';
import type { ServiceReport } from '../docker/compose/stack.ts';

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

export type StackUpObservation =
  | { state: 'refused'; problems: HostSafetyProblem[] }
  | { state: 'config-failed'; error: string }
  | { state: 'unparsable'; error: string }
  | { state: 'no-api'; services: string[] }
  | { state: 'up-failed'; error: string; timedOut: boolean; services: ServiceReport[] }
  | { state: 'unhealthy'; seen: string; answer?: { status: number; body: string }; services: ServiceReport[] }
  | { state: 'healthy'; apiPort: number; elapsedMs: number };

export type PsqlObservation =
  | { state: 'ok'; output: string }
  | { state: 'no-db' }
  /** `notReady`: what was seen when the wait for the final server ended without it (French). */
  | { state: 'failed'; error: string; notReady?: string; services: ServiceReport[] }
  | { state: 'not-judged'; reason: string };

export type PersistenceObservation =
  | { state: 'kept' }
  | { state: 'lost'; seen: string }
  | { state: 'failed'; step: string; error: string }
  /** The database did not finish starting again after `down` then `up`. */
  | { state: 'not-restarted'; seen: string; error: string }
  | { state: 'not-judged'; reason: string };

export type StackUpInput =
  | Exclude<StackUpObservation, { state: 'refused' }>
  | (Extract<StackUpObservation, { state: 'refused' }> & { line?: number })
  | { state: 'not-built' }
  | { state: 'no-compose-file' };

/** One entry per phase of the dynamic run; a dynamic criterion names the phase it `observes`. */
export interface Observations {
  /** The image build (`image.build`). */
  build: BuildInput;
  /** The layers the student's Dockerfile adds to its base image. */
  size: SizeObservation;
  /** The built image run alone: /health, then `docker stop`. */
  container: { health: ContainerHealthInput; stop: GracefulStopInput };
  /** The Compose stack: up, psql, then down and up again. */
  stack: { up: StackUpInput; psql: PsqlObservation; persistence: PersistenceObservation };
}

export type ObservedPhase = keyof Observations;
