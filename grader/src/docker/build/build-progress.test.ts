import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BuildProgressEvent } from '../../model/progress.ts';
import { createBuildLog, progressReader, type SolveStatus } from './build-log.ts';
import { buildProgress } from './build-progress.ts';

function events(statuses: SolveStatus[]): BuildProgressEvent[] {
  const seen: BuildProgressEvent[] = [];
  const feed = buildProgress((event) => seen.push(event));
  for (const status of statuses) feed(status);
  return seen;
}

const FROM = { digest: 'sha256:from', name: '[1/4] FROM docker.io/library/python:3.13-slim@sha256:abc', started: 't0' };
const layer = (id: string, current: number, total: number, completed = false) => ({ id, vertex: 'sha256:from', name: id, current, total, ...(completed ? { completed: 't' } : {}) });

describe('build progress events from BuildKit statuses', () => {
  test('a real build (rawjson of Docker 26.1): each step that runs once, when it starts, in order; the cached WORKDIR not', () => {
    const text = readFileSync(new URL('./fixtures/failing-run-26.1.rawjson', import.meta.url), 'utf8');
    const seen: BuildProgressEvent[] = [];
    const reader = progressReader(createBuildLog(), buildProgress((event) => seen.push(event)));
    reader.write(text);
    reader.end();
    expect(seen.filter((e) => e.kind === 'build-step').map((e) => `${e.stage} ${e.index}/${e.total}`)).toEqual(['stage-1 1/3', 'stage-1 3/3']);
    expect(seen.some((e) => e.kind === 'pull')).toBe(false); // context transfers have no size: no download
  });

  test('layer downloads: bytes and layers summed over the base image, done layers counted in full, repeats dropped', () => {
    const seen = events([
      { vertexes: [FROM] },
      { statuses: [layer('sha256:l1', 0, 1000), layer('sha256:l2', 0, 3000)] },
      { statuses: [layer('sha256:l1', 500, 1000)] },
      { statuses: [layer('sha256:l1', 500, 1000)] },
      { statuses: [layer('sha256:l1', 900, 1000, true), layer('sha256:l2', 3000, 3000)] },
    ]);
    expect(seen[0]).toMatchObject({ kind: 'build-step', index: 1, total: 4 });
    expect(seen.slice(1)).toEqual([
      { kind: 'pull', image: 'docker.io/library/python:3.13-slim', currentBytes: 0, totalBytes: 4000, layers: 2, layersDone: 0 },
      { kind: 'pull', image: 'docker.io/library/python:3.13-slim', currentBytes: 500, totalBytes: 4000, layers: 2, layersDone: 0 },
      { kind: 'pull', image: 'docker.io/library/python:3.13-slim', currentBytes: 4000, totalBytes: 4000, layers: 2, layersDone: 1 },
    ]);
  });

  test('a cached step is not announced as running', () => {
    const seen = events([{ vertexes: [{ digest: 'sha256:a', name: '[2/4] WORKDIR /app', started: 't', completed: 't', cached: true }] }]);
    expect(seen).toEqual([]);
  });
});
