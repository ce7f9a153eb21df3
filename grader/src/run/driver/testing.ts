// Test support of the dynamic run: a driver that replays a recorded run (selftest/recordings/),
// so that runDynamic and the dynamic criteria are unit-tested without an engine.
import { readFile } from 'node:fs/promises';
import type { ObservedPhase, Observations } from '../../checks/observations.ts';
import type { ObservationDriver } from './driver.ts';
import { parseRecording, type Recording } from './recording.ts';

/** A recording written by DOCKER_LAB_RECORD. */
export async function readRecording(path: string): Promise<Recording> {
  return parseRecording(await readFile(path, 'utf8'));
}

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
