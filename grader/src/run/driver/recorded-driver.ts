import type { ObservedPhase, Observations } from '../../checks/observations.ts';
import type { ObservationDriver } from './driver.ts';
import type { Recording } from './recording.ts';

/**
 * Replays a recorded run: each phase returns what the recording observed, without an engine. A
 * phase the recording lacks throws (the run asked for a phase the recorded one did not run).
 */
export function recordedDriver(recording: Recording): ObservationDriver {
  const replay = <P extends ObservedPhase>(phase: P): Promise<Observations[P]> => {
    const observation = recording.observations[phase];
    if (observation === undefined) return Promise.reject(new Error(`the recording of ${recording.lab} has no ${phase} phase`));
    return Promise.resolve(structuredClone(observation) as Observations[P]);
  };
  return {
    build: () => replay('build'),
    size: () => replay('size'),
    container: () => replay('container'),
    program: () => replay('program'),
    stack: () => replay('stack'),
    cleanUp: async () => undefined,
  };
}
