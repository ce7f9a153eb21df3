import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../model/result.ts';
import { loadRubric, type Rubric } from '../rubric/rubric.ts';
import { defaultConcurrency, runBatch, type GradeFunction } from './run.ts';

let rubric: Rubric;
let tmp: string;
let folder: string;
beforeAll(async () => {
  rubric = await loadRubric();
  tmp = await mkdtemp(join(tmpdir(), 'batch-run-'));
  folder = join(tmp, 'class');
  for (const name of ['a-hangs', 'b-throws', 'c-ok', 'd-ok', 'e-ok']) {
    await mkdir(join(folder, name, 'starter'), { recursive: true });
    await writeFile(join(folder, name, 'REPORT.md'), name);
  }
  await mkdir(join(folder, '.hidden'));
  await writeFile(join(folder, 'not-a-folder.txt'), '');
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const report = (score: number): GradeReport => ({
  schema: 'docker-lab-grade/v1',
  submission: '',
  score,
  maxScore: 10,
  criteria: [{ id: 'report.present', title: 'Rapport', group: 'report', points: score, maxPoints: 10, status: score === 10 ? 'pass' : 'fail', message: '', durationMs: 1 }],
});

/** A stand-in grader: reads the workspace's REPORT.md to decide how to behave. */
function fakeGrader(track: { running: number; peak: number; aborted: string[] }): GradeFunction {
  return async (dir, options) => {
    const name = await readFile(join(dir, 'REPORT.md'), 'utf8');
    track.running++;
    track.peak = Math.max(track.peak, track.running);
    try {
      if (name === 'b-throws') throw new Error('boom');
      if (name === 'a-hangs') {
        await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
        track.aborted.push(name);
        return report(0);
      }
      await new Promise((r) => setTimeout(r, 150));
      return report(name === 'c-ok' ? 10 : 5);
    } finally {
      track.running--;
    }
  };
}

describe('runBatch', () => {
  test('one row per subfolder; a hanging run hits its deadline, an exception becomes an error row; the rest is graded', async () => {
    const track = { running: 0, peak: 0, aborted: [] as string[] };
    const lines: string[] = [];
    const out = join(tmp, 'out1');
    const { book } = await runBatch({ folder, out, rubric, concurrency: 2, deadlineSeconds: 1, gradeFn: fakeGrader(track), progress: { isTTY: false, write: (t: string) => lines.push(t) } });
    expect(book.rows.map((r) => [r.name, r.status, r.score])).toEqual([
      ['a-hangs', 'error', null],
      ['b-throws', 'error', null],
      ['c-ok', 'graded', 10],
      ['d-ok', 'graded', 5],
      ['e-ok', 'graded', 5],
    ]);
    expect(book.rows[0]!.error).toMatch(/^délai dépassé/);
    expect(book.rows[1]!.error).toBe('erreur du correcteur : boom');
    expect(book.lab).toEqual({ id: rubric.lab, title: 'Conteneurisation avec Docker' });
    expect(track.aborted).toEqual(['a-hangs']);
    expect(track.peak).toBe(2);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^\[5\/5\] errors: 2 — elapsed .* left ~0 s/);
    expect((await readdir(join(out, 'submissions'))).sort()).toEqual(
      ['a-hangs', 'b-throws', 'c-ok', 'd-ok', 'e-ok'].flatMap((n) => [`${n}.html`, `${n}.json`, `${n}.md`]).sort(),
    );
    expect(await readFile(join(out, 'submissions/a-hangs.md'), 'utf8')).toMatch(/Correction impossible/);
    const json = JSON.parse(await readFile(join(out, 'grades.json'), 'utf8'));
    expect(json.rows).toHaveLength(5);
    expect(await readFile(join(out, 'grades.csv'), 'utf8')).toMatch(/^\uFEFFname,/);
  });

  test('concurrency 1 grades one at a time; an aborted batch leaves error rows', async () => {
    const track = { running: 0, peak: 0, aborted: [] as string[] };
    const stop = new AbortController();
    stop.abort();
    const { book } = await runBatch({ folder, out: join(tmp, 'out2'), rubric, concurrency: 1, gradeFn: fakeGrader(track), progress: null, signal: stop.signal });
    expect(book.rows.every((r) => r.status === 'error' && r.error === 'correction interrompue (batch arrêté)')).toBe(true);
    const { book: again } = await runBatch({ folder, out: join(tmp, 'out3'), rubric, concurrency: 1, deadlineSeconds: 1, gradeFn: fakeGrader(track), progress: null, teardownGraceMs: 10 });
    expect(again.rows.filter((r) => r.status === 'graded')).toHaveLength(3);
    expect(track.peak).toBe(1);
  });

  test('default concurrency: one worker per two cores, 1 to 4, bounded by memory', () => {
    expect(defaultConcurrency(1, 64 * 2 ** 30)).toBe(1);
    expect(defaultConcurrency(2, 64 * 2 ** 30)).toBe(1);
    expect(defaultConcurrency(4, 64 * 2 ** 30)).toBe(2);
    expect(defaultConcurrency(64, 64 * 2 ** 30)).toBe(4);
    expect(defaultConcurrency(64, 3 * 2 ** 30)).toBe(2);
    expect(defaultConcurrency(64, 2 ** 30)).toBe(1);
  });
});
