// Copied answers across a class, end to end: real student repositories regraded by the batch
// (static criteria), in one job and split across two jobs merged afterwards.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRubric, type Rubric } from '../../grader/src/rubric/rubric.ts';
import { runBatch } from '../../grader/src/batch/run.ts';
import { mergeGradebooks } from '../../grader/src/batch/merge.ts';
import type { Gradebook } from '../../grader/src/batch/gradebook.ts';
import { corpusReport, lightEdit } from '../../grader/src/batch/testing.ts';
import { referenceReport } from '../corpus/sources.ts';
import { exportedTemplate, makeClass, type StudentRepo } from './batch-fixtures.ts';

// Markdown decodes the entities: the answer's text holds a real tag, which the overview must escape.
const HOSTILE_SOURCE = '&lt;img src=x onerror=alert(1)&gt;';
const HOSTILE = '<img src=x onerror=alert(1)>';
const STUDENTS: StudentRepo[] = [
  { name: 'camille', overlay: { 'REPORT.md': referenceReport.replace("Une image est un modèle figé", `Une image ${HOSTILE_SOURCE} est un modèle figé`) } },
  { name: 'dominique', overlay: { 'REPORT.md': lightEdit(referenceReport.replace("Une image est un modèle figé", `Une image ${HOSTILE_SOURCE} est un modèle figé`)) } },
  { name: 'eden', overlay: { 'REPORT.md': corpusReport(1) } },
  { name: 'frankie', overlay: { 'REPORT.md': corpusReport(2) } },
];

let rubric: Rubric;
let template: Awaited<ReturnType<typeof exportedTemplate>>;
const cleanups: Array<() => Promise<void>> = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'similar-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

beforeAll(async () => {
  rubric = await loadRubric();
  template = await exportedTemplate();
  cleanups.push(template.cleanup);
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('class comparison in the batch regrade', () => {
  test('one job: exactly the copied pair is listed in grades.json, grades.csv and index.html; scores are untouched', async () => {
    const cls = await makeClass(template.dir, STUDENTS);
    cleanups.push(cls.cleanup);
    const out = await temp();
    const { book } = await runBatch({ folder: cls.dir, out, rubric, staticOnly: true, concurrency: 2, progress: null });
    const json = JSON.parse(await readFile(join(out, 'grades.json'), 'utf8')) as Gradebook;
    expect(json.similarities!.map((s) => [s.a, s.b])).toEqual([['camille', 'dominique']]);
    const pair = json.similarities![0]!;
    expect(pair.questions).toContain('2.a');
    expect(pair.score).toBeGreaterThan(rubric.settings.similarityMinScore);
    expect(pair.score).toBeLessThanOrEqual(1);
    // A review aid, never a penalty: the copier's report points are those of the original.
    const row = (name: string) => book.rows.find((r) => r.name === name)!;
    expect(row('dominique').points['report.ex1-2']).toBe(row('camille').points['report.ex1-2']);

    const csv = (await readFile(join(out, 'grades.csv'), 'utf8')).slice(1).split('\r\n');
    const header = csv[0]!.split(',');
    const column = header.indexOf('similar_to');
    expect(column).toBeGreaterThan(0);
    const cell = (name: string) => csv.find((line) => line.startsWith(`${name},`))!;
    expect(cell('camille')).toContain(`dominique (${pair.questions.join(', ')}; ${pair.score.toFixed(2)})`);
    expect(cell('eden')).not.toContain('(');

    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('id="similar-answers"');
    expect(html).toMatch(/<details class="pair" data-a="camille" data-b="dominique"/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE);
    expect(html).toMatch(/never a penalty/);

    const carried = JSON.parse(await readFile(join(out, 'submissions', 'eden.json'), 'utf8'));
    expect(carried.answers.length).toBeGreaterThan(15);
    expect(carried.answers[0]).toMatchObject({ id: expect.any(String), text: expect.any(String), words: expect.any(Number), prints: expect.any(Array) });
  }, 120_000);

  test('split across two jobs, --merge compares across them from the fingerprints each report carries', async () => {
    const jobs = [
      [STUDENTS[0]!, STUDENTS[2]!],
      [STUDENTS[1]!, STUDENTS[3]!],
    ];
    const artifacts = await temp();
    for (const [i, repos] of jobs.entries()) {
      const cls = await makeClass(template.dir, repos);
      cleanups.push(cls.cleanup);
      const { book } = await runBatch({ folder: cls.dir, out: join(artifacts, `grades-${i}`), rubric, staticOnly: true, concurrency: 2, progress: null });
      expect(book.similarities).toEqual([]);
    }
    const merged = await temp();
    const { book } = await mergeGradebooks(artifacts, merged, rubric);
    expect(book.similarities!.map((s) => [s.a, s.b])).toEqual([['camille', 'dominique']]);
    const html = await readFile(join(merged, 'index.html'), 'utf8');
    expect(html).toContain('data-question="2.a"');
  }, 120_000);
});
