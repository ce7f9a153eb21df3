// The class comparison end to end: real student repositories regraded by the batch (static
// criteria) with the handout passed as base text, in one job and split across two jobs merged
// afterwards; the class overview read in headless Chromium (pairs to examine, review list).
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRubric, type Rubric } from '../../grader/src/rubric/rubric.ts';
import { runBatch } from '../../grader/src/batch/run.ts';
import { mergeGradebooks } from '../../grader/src/batch/merge.ts';
import { loadBaseText } from '../../grader/src/batch/base-text.ts';
import type { Gradebook } from '../../grader/src/batch/gradebook.ts';
import { HANDOUT, syntheticClass } from '../../grader/src/batch/testing.ts';
import type { GradeReport, ReviewItem } from '../../grader/src/model/result.ts';
import { exportedTemplate, haveChromium, makeClass, NEED_CHROMIUM, renderedDom, skipBrowser, type StudentRepo } from './batch-fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'grader/src/cli.ts');
// Markdown decodes the entities: the answer's text holds a real tag, which the overview must escape.
const HOSTILE_SOURCE = '&lt;img src=x onerror=alert(1)&gt;';
const HOSTILE = '<img src=x onerror=alert(1)>';
const withHostile = (report: string) => report.replace('Une image est un modèle figé', `Une image ${HOSTILE_SOURCE} est un modèle figé`);
const CLASS = syntheticClass();
const STUDENTS: StudentRepo[] = Object.entries(CLASS).map(([name, report]) => ({ name, overlay: { 'REPORT.md': name === 'camille' || name === 'dominique' ? withHostile(report) : report } }));
const student = (name: string) => STUDENTS.find((s) => s.name === name)!;

let rubric: Rubric;
let template: Awaited<ReturnType<typeof exportedTemplate>>;
let work: string;
let handout: string;
let out: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  rubric = await loadRubric();
  template = await exportedTemplate();
  cleanups.push(template.cleanup);
  work = await mkdtemp(join(tmpdir(), 'similar-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  handout = join(work, 'polycopie.md');
  await writeFile(handout, HANDOUT);
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('class comparison in the batch regrade', () => {
  test('one job with --base-text: of a copied pair, a pair who pasted the handout and a pair sharing standard definitions, only the copied pair is listed', async () => {
    expect(withHostile(CLASS.dominique!)).toContain(HOSTILE_SOURCE);
    const cls = await makeClass(template.dir, STUDENTS);
    cleanups.push(cls.cleanup);
    out = join(work, 'out');
    const run = await execa('node', ['--experimental-strip-types', '--no-warnings', CLI, '--batch', cls.dir, '--out', out, '--static-only', '--concurrency', '2', '--base-text', handout], { stdin: 'ignore', reject: false, cwd: ROOT });
    expect(run.exitCode, run.stderr).toBe(0);
    const book = JSON.parse(await readFile(join(out, 'grades.json'), 'utf8')) as Gradebook;
    expect(book.baseText).toEqual(['polycopie.md']);
    expect(book.similarities!.map((s) => [s.a, s.b])).toEqual([['camille', 'dominique']]);
    const pair = book.similarities![0]!;
    expect(pair.questions.length).toBeGreaterThanOrEqual(15);
    expect(pair.score).toBeGreaterThan(rubric.settings.similarityMinScore);
    expect(pair.answers!.map((a) => a.question)).toEqual(pair.questions);
    // A lead, never a penalty: the copier's report points are those of the original.
    const row = (name: string) => book.rows.find((r) => r.name === name)!;
    expect(row('dominique').points['report.ex1-2']).toBe(row('camille').points['report.ex1-2']);

    const csv = (await readFile(join(out, 'grades.csv'), 'utf8')).slice(1).split('\r\n');
    const cell = (name: string) => csv.find((line) => line.startsWith(`${name},`))!;
    expect(cell('camille')).toContain(`dominique (${pair.questions.join(', ')}; ${pair.score.toFixed(2)})`);
    for (const name of ['hana', 'ilan', 'jo', 'kim', 'lou', 'max']) expect(cell(name)).not.toMatch(/\(\d\.[a-e]/);

    const carried = JSON.parse(await readFile(join(out, 'submissions', 'hana.json'), 'utf8')) as GradeReport;
    expect(carried.answers!.length).toBeGreaterThan(15);
  }, 120_000);

  test.skipIf(skipBrowser)('the overview in headless Chromium: the review list per student and the pair\'s answers side by side, matching passages marked', async () => {
    expect(haveChromium, NEED_CHROMIUM).toBe(true);
    // Reports whose checks put answers on the review list (as the report criteria do when unsure).
    const items: Record<string, ReviewItem[]> = {
      lou: [{ question: '7.d', answer: 'les logs affichent <script>la cause</script>', reason: 'aucune notion attendue reconnue ; les points sont gardés' }],
      kim: [
        { question: '2.c', answer: 'Le conteneur est Exited car il a fini.', reason: 'réponse brève : à confirmer' },
        { question: '8.a', answer: 'pas de versions, pas de BDD', reason: 'aspects comptés : 1 sur 2 attendus' },
      ],
    };
    for (const [name, review] of Object.entries(items)) {
      const path = join(out, 'submissions', `${name}.json`);
      const report = JSON.parse(await readFile(path, 'utf8')) as GradeReport;
      report.criteria.find((c) => c.group === 'report' && c.id !== 'report.present')!.review = review;
      await writeFile(path, JSON.stringify(report));
    }
    const merged = join(work, 'merged');
    await mergeGradebooks(out, merged, rubric, await loadBaseText([handout]));
    const dom = await renderedDom(join(merged, 'index.html'));

    expect(/id="review-count">(\d+)</.exec(dom)?.[1]).toBe('3');
    const rows = [...dom.matchAll(/<tr class="review-item" data-name="([^"]*)" data-question="([^"]*)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((m) => `${m[1]} ${m[2]}`)).toEqual(['kim 2.c', 'kim 8.a', 'lou 7.d']);
    expect(rows[2]![3]).toContain('les logs affichent &lt;script&gt;la cause&lt;/script&gt;');
    expect(rows[2]![3]).toContain('aucune notion attendue reconnue ; les points sont gardés');
    expect(dom).toMatch(/<tr data-name="kim">[\s\S]*?<td class="num" data-value="2">2<\/td>/);

    expect(dom).toContain('Réponses très proches, à examiner');
    expect(dom).toContain('<span id="base-text">polycopie.md</span>');
    const pairs = [...dom.matchAll(/<details class="pair" data-a="([^"]*)" data-b="([^"]*)"/g)].map((m) => `${m[1]}~${m[2]}`);
    expect(pairs).toEqual(['camille~dominique']);
    const side = /<div class="side" data-question="2\.a"><div><h4>camille<\/h4><p>([\s\S]*?)<\/p><\/div><div><h4>dominique<\/h4><p>([\s\S]*?)<\/p><\/div><\/div>/.exec(dom);
    expect(side, 'answers to 2.a side by side').not.toBeNull();
    for (const text of [side![1]!, side![2]!]) {
      const marked = [...text.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
      expect(marked.join(' ').split(/\s+/).length, text).toBeGreaterThan(10);
    }
    expect(side![1]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).not.toContain('<img src="x"');
    expect(dom).not.toContain(HOSTILE);
  }, 120_000);

  test('split across two jobs, --merge compares across them from the answers each report carries', async () => {
    const jobs = [
      [student('camille'), student('lou')],
      [student('dominique'), student('max')],
    ];
    const artifacts = join(work, 'artifacts');
    for (const [i, repos] of jobs.entries()) {
      const cls = await makeClass(template.dir, repos);
      cleanups.push(cls.cleanup);
      const { book } = await runBatch({ folder: cls.dir, out: join(artifacts, `grades-${i}`), rubric, staticOnly: true, concurrency: 2, progress: null });
      expect(book.similarities).toEqual([]);
    }
    const { book } = await mergeGradebooks(artifacts, join(work, 'merged-jobs'), rubric);
    expect(book.similarities!.map((s) => [s.a, s.b])).toEqual([['camille', 'dominique']]);
    const html = await readFile(join(work, 'merged-jobs', 'index.html'), 'utf8');
    expect(html).toContain('data-question="2.a"');
    expect(html).toContain('<mark>');
  }, 120_000);
});
