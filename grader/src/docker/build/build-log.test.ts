import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createBuildLog, failedVertexNames, parseStep, progressReader, tail } from './build-log.ts';

/** Real stderr of `docker buildx build --progress=rawjson` on a multi-stage Dockerfile whose RUN exits 3. */
const fixture = (engine: string) => readFileSync(new URL(`./fixtures/failing-run-${engine}.rawjson`, import.meta.url), 'utf8');

function read(text: string, chunk = 97) {
  const log = createBuildLog();
  const reader = progressReader(log);
  for (let i = 0; i < text.length; i += chunk) reader.write(text.slice(i, i + chunk));
  reader.end();
  return log;
}

describe('BuildKit rawjson progress', () => {
  test.each(['20.10', '26.1'])('Docker %s: the failed step, its stage and the base image of the stage', (engine) => {
    const log = read(fixture(engine));
    expect(log.lastStep).toEqual({ stage: 'stage-1', index: 3, total: 3, instruction: 'RUN echo "compiling" && exit 3' });
    expect(log.stageBases.get('stage-1')).toBe('docker.io/library/python:3.13-slim');
    expect(log.error).toMatch(/^failed to solve: .*exit code: 3$/);
    expect(failedVertexNames(log)).toEqual(['[stage-1 3/3] RUN echo "compiling" && exit 3']);
    // The log reads like `docker build --progress=plain`: numbered vertexes, their output, the error.
    expect(tail(log.lines)).toMatch(/#\d+ \[stage-1 3\/3\] RUN echo "compiling" && exit 3\n#\d+ compiling\n/);
    expect(log.lines.at(-1)).toMatch(/^ERROR: failed to solve:/);
    expect(log.lines.join('\n')).not.toMatch(/Step \d+\/\d+/);
  });

  test('Docker 26.1: the CLI points at the Dockerfile line', () => {
    expect(read(fixture('26.1')).sourceLine).toBe(5);
    expect(read(fixture('20.10')).sourceLine).toBeUndefined();
  });

  test('the same log whatever the chunking', () => {
    const whole = read(fixture('26.1'), 1_000_000);
    expect(read(fixture('26.1'), 1).lines).toEqual(whole.lines);
  });

  test('Docker 26.1, build stopped at its deadline: the cancelled RUN, not the FROM listed after it', () => {
    // Real stderr of a build whose CLI got SIGTERM while `RUN while true; do :; done` ran.
    const log = read(readFileSync(new URL('./fixtures/cancelled-loop-26.1.rawjson', import.meta.url), 'utf8'));
    expect(log.lastStep).toEqual({ index: 3, total: 3, instruction: 'RUN while true; do :; done' });
    expect(log.error).toBe('failed to solve: Canceled: context canceled');
  });

  test('a running step is the step of interest when nothing failed (deadline)', () => {
    const log = createBuildLog();
    const reader = progressReader(log);
    const vertex = (digest: string, name: string, extra: object) => `{\n  "vertexes": [\n    ${JSON.stringify({ digest, name, ...extra })}\n  ]\n}\n`;
    reader.write(vertex('a', '[1/3] FROM docker.io/library/python:3.13-slim', { started: 't', completed: 't', cached: true }));
    reader.write(vertex('b', '[2/3] WORKDIR /app', { started: 't', completed: 't' }));
    reader.write(vertex('c', '[3/3] RUN while true; do :; done', { started: 't' }));
    reader.end();
    expect(log.lastStep).toEqual({ index: 3, total: 3, instruction: 'RUN while true; do :; done' });
    expect(log.stageBases.get('')).toBe('docker.io/library/python:3.13-slim');
  });

  test('an oversized object is dropped, the next one is read, memory stays bounded', () => {
    const log = createBuildLog();
    const reader = progressReader(log);
    reader.write(`{\n  "logs": [\n${'    "x",\n'.repeat(200_000)}  ]\n}\n`);
    reader.write('{\n  "vertexes": [{"digest": "d", "name": "[1/1] RUN true", "started": "t"}]\n}\n');
    reader.end();
    expect(log.lastStep?.instruction).toBe('RUN true');
  });

  test('output lines are cut and the log keeps its last 2000 lines', () => {
    const log = createBuildLog();
    const reader = progressReader(log);
    const data = Buffer.from(`${'A'.repeat(10_000)}\n${Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n')}\n`).toString('base64');
    reader.write(`{\n  "vertexes": [{"digest": "d", "name": "[1/1] RUN flood", "started": "t"}]\n}\n{\n  "logs": [{"vertex": "d", "stream": 1, "data": "${data}"}]\n}\n`);
    reader.end();
    expect(log.lines.length).toBe(2000);
    expect(log.lines.at(-1)).toBe('#1 line 2999');
  });

  test('step names', () => {
    expect(parseStep('[builder 2/4] RUN pip install -r requirements.txt')).toEqual({ stage: 'builder', index: 2, total: 4, instruction: 'RUN pip install -r requirements.txt' });
    expect(parseStep('[internal] load metadata for docker.io/library/python:3.13-slim')).toBeUndefined();
    expect(parseStep('[2/3] RUN <<EOF\necho hi\nEOF')?.instruction).toBe('RUN <<EOF\necho hi\nEOF');
  });
});
