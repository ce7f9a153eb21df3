import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { GradeReport } from '../model/result.ts';
import { loadRubric } from '../rubric/rubric.ts';
import { BOOK } from './testing.ts';
import { mergeGradebooks, MergeError } from './merge.ts';
import { writeGradebook, writeSubmission } from './write.ts';

const report = (score: number): GradeReport => ({ schema: 'docker-lab-grade/v1', submission: '', score, maxScore: 10, criteria: [] });

test('gradebooks from several jobs merge into one, per-submission files included; duplicate names kept apart', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'merge-'));
  try {
    const rubric = await loadRubric();
    const parts = [[BOOK.rows[0]!, BOOK.rows[3]!], [BOOK.rows[1]!], [{ ...BOOK.rows[0]!, score: 7 }]];
    for (const [i, rows] of parts.entries()) {
      const out = join(tmp, 'artifacts', `grades-${i}`);
      await writeGradebook(out, { ...BOOK, rows });
      for (const row of rows) await writeSubmission(out, row, row.status === 'graded' ? report(row.score!) : undefined, rubric);
    }
    const { book } = await mergeGradebooks(join(tmp, 'artifacts'), join(tmp, 'merged'), rubric);
    expect(book.rows.map((r) => [r.name, r.file, r.score])).toEqual([
      ['alice', 'alice', 10],
      ['alice', 'alice-2', 7],
      ['bob, "the builder"', 'bob_the_builder_', 4],
      ['dave', 'dave', null],
    ]);
    expect((await readdir(join(tmp, 'merged/submissions'))).filter((f) => f.endsWith('.json')).sort()).toEqual(['alice-2.json', 'alice.json', 'bob_the_builder_.json', 'dave.json']);
    expect(JSON.parse(await readFile(join(tmp, 'merged/submissions/alice-2.json'), 'utf8')).score).toBe(7);
    expect((await readFile(join(tmp, 'merged/grades.csv'), 'utf8')).split('\r\n')).toHaveLength(6);
    await expect(mergeGradebooks(join(tmp, 'nothing'), join(tmp, 'm2'), rubric)).rejects.toBeInstanceOf(MergeError);
    expect(book.lab).toEqual({ id: 'csc8613-tp1', title: 'Conteneurisation avec Docker' });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

test('gradebooks of another lab than the rubric’s are not merged: the message names the rubric to use', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'merge-'));
  try {
    const rubric = await loadRubric();
    await writeGradebook(join(tmp, 'artifacts', 'grades-0'), { ...BOOK, lab: { id: 'docker-basics', title: 'Les bases de Docker' } });
    await expect(mergeGradebooks(join(tmp, 'artifacts'), join(tmp, 'merged'), rubric)).rejects.toThrow(
      /grades-0\/grades\.json grades lab docker-basics and the rubric lab csc8613-tp1: merge each lab's gradebooks apart, with that lab's rubric \(--rubric labs\/docker-basics\/rubric\.yml\)$/,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
