import { describe, expect, test } from 'vitest';
import { newRunIdentity } from '../../docker/labels.ts';
import type { Observations } from '../../checks/observations.ts';
import { parseRecording, RECORDING_FORMAT, serializeRecording, type Recording } from './recording.ts';

describe('recordings of the dynamic run', () => {
  const run = newRunIdentity();
  const where = { run, submissionRoot: '/home/student/tp' };
  const observations: Partial<Observations> = {
    size: { state: 'unknown-base', why: { kind: 'engine-error', message: `No such image: ${run.imageTag}` } },
    program: {
      plain: { state: 'ran', run: { shown: 'docker run --rm welcome:1.0.0', expect: [{ pattern: /linux/i, describe: 'le système' }] }, outcome: { state: 'start-failed', step: 'start', reason: `container ${run.namePrefix}-program-plain: exec /home/student/tp/x` } },
      env: { state: 'not-built' },
      override: { state: 'not-built' },
    },
  };
  const recording: Recording = { format: RECORDING_FORMAT, lab: 'docker-basic-1', observations };

  test("the run's id and the submission's path are replaced, nothing else", () => {
    const text = serializeRecording(recording, where);
    expect(text).not.toContain(run.id);
    expect(text).not.toContain('/home/student');
    expect(text).toContain('No such image: docker-lab-grade/api:<run>');
    expect(text).toContain('exec <submission>/x');
  });

  test('maps and regular expressions come back as they were', () => {
    const built: Partial<Observations> = { build: { build: { state: 'failed', log: { lines: [], stageBases: new Map([['', 'python:3.13-slim']]), vertexes: new Map(), starts: 0 }, durationMs: 3 }, timeoutSeconds: 300 } };
    const parsed = parseRecording(serializeRecording({ ...recording, observations: { ...built, program: observations.program } }, where));
    expect(parsed.observations.build).toEqual(built.build);
    const plain = parsed.observations.program?.plain;
    expect(plain?.state === 'ran' && plain.run.expect[0]).toEqual({ pattern: /linux/i, describe: 'le système' });
  });

  test('a file of another format is refused', () => {
    expect(() => parseRecording('{"lab": "docker-basic-1"}')).toThrow(/not a recording/);
  });
});
