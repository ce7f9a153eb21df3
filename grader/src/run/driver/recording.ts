import { writeFile } from 'node:fs/promises';
import type { RunIdentity } from '../../docker/labels.ts';
import type { ObservedPhase, Observations } from '../../checks/observations.ts';
import type { ObservationDriver } from './driver.ts';

// A grading run's observations as a JSON file: what `DOCKER_LAB_RECORD=FILE npm run grade …` writes
// and `recordedDriver` (driver/testing.ts) replays. Only the phases the run observed are in it. The
// run's random id and the submission's absolute path are replaced by placeholders, so that
// recording the same folder twice differs only in what the engine really did differently
// (durations, build output).

export const RECORDING_FORMAT = 'docker-lab-recording/v1';

/** The environment variable naming the file a grading run records its observations to. */
export const RECORD_ENV = 'DOCKER_LAB_RECORD';

export interface Recording {
  format: typeof RECORDING_FORMAT;
  /** The lab graded (`labs/<id>/`). */
  lab: string;
  observations: Partial<Observations>;
}

/** Stand-ins for what differs from one run or one machine to the next. */
export const RUN_PLACEHOLDER = '<run>';
export const SUBMISSION_PLACEHOLDER = '<submission>';

/**
 * Wraps a driver so that every observation it returns is kept: `observations` holds, per phase,
 * what the wrapped driver observed.
 */
export function recordingDriver(driver: ObservationDriver): { driver: ObservationDriver; observations: Partial<Observations> } {
  const observations: Partial<Observations> = {};
  const keep = async <P extends ObservedPhase>(phase: P, observation: Promise<Observations[P]>): Promise<Observations[P]> => (observations[phase] = await observation);
  return {
    observations,
    driver: {
      build: (request) => keep('build', driver.build(request)),
      size: (request) => keep('size', driver.size(request)),
      container: (request) => keep('container', driver.container(request)),
      program: (request) => keep('program', driver.program(request)),
      stack: (request) => keep('stack', driver.stack(request)),
      cleanUp: (run) => driver.cleanUp(run),
    },
  };
}

/** The recording's JSON: maps and regular expressions tagged, the run's id and the submission's path replaced. */
export function serializeRecording(recording: Recording, where: { run: RunIdentity; submissionRoot: string }): string {
  const json = JSON.stringify(recording, (_key, value: unknown) => {
    if (value instanceof Map) return { $map: [...value.entries()] };
    if (value instanceof RegExp) return { $regexp: value.source, flags: value.flags };
    return value;
  }, 2);
  return `${json.replaceAll(where.submissionRoot, SUBMISSION_PLACEHOLDER).replaceAll(where.run.id, RUN_PLACEHOLDER)}\n`;
}

/** A recording from its JSON (maps and regular expressions restored). */
export function parseRecording(text: string): Recording {
  const recording = JSON.parse(text, (_key, value: unknown) => {
    if (isTagged(value, '$map')) return new Map(value.$map as Array<[unknown, unknown]>);
    if (isTagged(value, '$regexp')) return new RegExp(value.$regexp as string, (value as { flags?: string }).flags);
    return value;
  }) as Recording;
  if (recording?.format !== RECORDING_FORMAT) throw new Error(`not a recording of the dynamic run (format ${RECORDING_FORMAT})`);
  return recording;
}

function isTagged(value: unknown, tag: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && tag in value;
}

export async function writeRecording(path: string, recording: Recording, where: { run: RunIdentity; submissionRoot: string }): Promise<void> {
  await writeFile(path, serializeRecording(recording, where));
}
