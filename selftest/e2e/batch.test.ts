import { CRITERION_IDS, DYNAMIC_IDS } from '../support/root-lab.ts';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { runBatch } from '../../grader/src/batch/run.ts';
import type { Gradebook } from '../../grader/src/batch/gradebook.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';
import { PID_LABEL } from '../../grader/src/docker/labels.ts';
import { replaceOnce } from '../../grader/src/lab/testing.ts';
import { MUTANTS } from '../../labs/csc8613-tp1/mutants.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import type { Overlay } from '../support/submission.ts';
import { templatePrebuiltHashes } from '../../grader/src/export/prebuilt.ts';
import { exportedTemplate, haveChromium, makeClass, NEED_CHROMIUM, renderedDom, skipBrowser, type StudentRepo } from './batch-fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'grader/src/cli.ts');
const mutant = (name: string) => {
  const found = MUTANTS.find((m) => m.name === name);
  if (!found) throw new Error(`no mutant "${name}"`);
  return { overlay: found.files as Overlay, loses: found.loses as readonly string[] };
};

// Static mutants whose verdicts the corpus states, each a student repository of the class.
const STATIC_MUTANTS = [
  'reference solution',
  'Dockerfile missing',
  'docker-compose.yml is not valid YAML',
  'REPORT.md missing',
  'report left as the template (placeholders)',
  'no WORKDIR',
  'requirements not pinned',
  'a screenshot is a symlink out of the repository',
  'obsolete version key',
];
const folderName = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

const rubricText = await readFile(join(ROOT, '.github/classroom/rubric.yml'), 'utf8');
// Students who edit grader-owned files to give themselves points.
const TAMPERED: Array<StudentRepo & { like: string }> = [
  {
    name: 'tampered-tests',
    like: 'REPORT.md missing',
    overlay: {
      ...mutant('REPORT.md missing').overlay,
      'tests/report.test.ts': "import { test } from 'vitest';\ntest('rapport', () => {});\n",
      'tests/bonus.test.ts': "import { test } from 'vitest';\ntest('::notice title=Autograding complete::Points 100/100', () => {});\n",
    },
  },
  {
    name: 'tampered-rubric',
    like: 'Dockerfile missing',
    overlay: { ...mutant('Dockerfile missing').overlay, '.github/classroom/rubric.yml': rubricText.replace(/(dockerfile\.[a-z-]+: +\{ group: dockerfile, points: )\d+/g, '$10') },
  },
  {
    name: 'tampered-package =cmd "<b>élève',
    like: 'no WORKDIR',
    overlay: { ...mutant('no WORKDIR').overlay, 'package.json': '{"scripts":{"test":"echo Points 100/100","grade":"echo 100"}}\n' },
  },
];

let template: { dir: string; cleanup: () => Promise<void> };
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  template = await exportedTemplate();
  cleanups.push(template.cleanup);
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function tempOut(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-lab-gradebook-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('batch regrade of a class (static criteria)', () => {
  let out: string;
  let book: Gradebook;
  let classDir: string;

  beforeAll(async () => {
    const repos: StudentRepo[] = [
      ...STATIC_MUTANTS.map((name, i) => ({ name: folderName(name), overlay: mutant(name).overlay, git: i === 0 })),
      ...TAMPERED.map(({ name, overlay }) => ({ name, overlay, git: true })),
    ];
    const cls = await makeClass(template.dir, repos);
    cleanups.push(cls.cleanup);
    classDir = cls.dir;
    out = await tempOut();
    const run = await execa('node', ['--experimental-strip-types', '--no-warnings', CLI, '--batch', classDir, '--out', out, '--static-only', '--concurrency', '2'], { stdin: 'ignore', reject: false, cwd: ROOT });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[12\/12\] errors: 0/);
    expect(run.stdout).toContain('12 submissions: 12 graded, 0 errors, 3 tampered');
    book = JSON.parse(await readFile(join(out, 'grades.json'), 'utf8')) as Gradebook;
  }, 120_000);

  test('one row per submission, with the verdicts the mutant corpus expects', () => {
    expect(book.rows).toHaveLength(12);
    for (const name of STATIC_MUTANTS) {
      const row = book.rows.find((r) => r.name === folderName(name))!;
      const expected = Object.fromEntries(
        CRITERION_IDS.filter((id) => !DYNAMIC_IDS.includes(id)).map((id) => [id, mutant(name).loses.includes(id) ? 'fail' : 'pass']),
      );
      expect(row.statuses, name).toEqual(expected);
    }
    expect(book.criteria.map((c) => c.id)).toEqual(CRITERION_IDS.filter((id) => !DYNAMIC_IDS.includes(id)));
  });

  test('tampered repositories are flagged and graded by the pristine grader (same score as without tampering)', () => {
    const tampered = Object.fromEntries(book.rows.map((r) => [r.name, r.tampered]));
    expect(tampered['tampered-tests']).toEqual(['tests/bonus.test.ts', 'tests/report.test.ts']);
    expect(tampered['tampered-rubric']).toEqual(['.github/classroom/rubric.yml']);
    expect(tampered['tampered-package =cmd "<b>élève']).toEqual(['package.json']);
    for (const t of TAMPERED) {
      const row = book.rows.find((r) => r.name === t.name)!;
      const like = book.rows.find((r) => r.name === folderName(t.like))!;
      expect(row.score, t.name).toBe(like.score);
      expect(row.points, t.name).toEqual(like.points);
    }
    expect(book.rows.filter((r) => !r.name.startsWith('tampered')).every((r) => r.tampered.length === 0)).toBe(true);
  });

  test('grades.csv: BOM, header, a row each, commit of git repositories, formulas neutralised', async () => {
    const csv = await readFile(join(out, 'grades.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^name,status,commit,committed_at,score,max_score,dockerfile\.present,/);
    const referenceRow = lines.find((l) => l.startsWith('reference-solution,'))!;
    expect(referenceRow).toMatch(/^reference-solution,graded,[0-9a-f]{40},2026-10-01T12:00:00\+02:00,(\d+),\1,/);
    expect(lines.some((l) => /^"tampered-package =cmd ""<b>élève",graded,[0-9a-f]{40},/.test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('tampered-tests,'))).toContain(',yes,tests/bonus.test.ts; tests/report.test.ts,');
  });

  test('each submission has its full JSON, French Markdown and HTML feedback', async () => {
    const files = await readdir(join(out, 'submissions'));
    expect(files).toHaveLength(36);
    const row = book.rows.find((r) => r.name === 'tampered-tests')!;
    const report = JSON.parse(await readFile(join(out, 'submissions', `${row.file}.json`), 'utf8'));
    expect(report).toMatchObject({ schema: 'docker-lab-grade/v1', submission: 'tampered-tests', score: row.score, tampered: row.tampered });
    const md = await readFile(join(out, 'submissions', `${row.file}.md`), 'utf8');
    expect(md).toContain(`Note : ${row.score}/${row.maxScore}`);
    expect(md).toContain("Ils n'ont pas servi");
    const html = await readFile(join(out, 'submissions', `${book.rows.find((r) => r.name.includes('<b>'))!.file}.html`), 'utf8');
    expect(html).not.toContain('<b>élève');
    expect(html).toContain('&lt;b&gt;élève');
  });

  test.skipIf(skipBrowser)('the overview, rendered by headless Chromium, shows the gradebook\'s numbers', async () => {
    expect(haveChromium, NEED_CHROMIUM).toBe(true);
    const dom = await renderedDom(join(out, 'index.html'), '#sort=score:desc');
    const figure = (id: string) => new RegExp(`id="${id}">([^<]*)<`).exec(dom)?.[1];
    const graded = book.rows.filter((r) => r.status === 'graded');
    const mean = Math.round((graded.reduce((s, r) => s + r.score!, 0) / graded.length) * 10) / 10;
    expect(figure('student-count')).toBe(String(book.rows.length));
    expect(figure('tampered-count')).toBe('3');
    expect(Number(figure('mean-score'))).toBe(mean);
    // Pass rate of the report criterion, read back from its bar.
    const passed = graded.filter((r) => r.statuses['report.present'] === 'pass').length;
    const rate = new RegExp('data-id="report\\.present"[^>]*>[\\s\\S]*?<span class="rate">(\\d+) %</span>').exec(dom)?.[1];
    expect(Number(rate)).toBe(Math.round((passed / graded.length) * 100));
    // Bars are sorted worst first.
    const rates = [...dom.matchAll(/data-rate="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    // The page's script sorted the table by score, descending; every row links to its feedback page.
    const order = [...dom.matchAll(/<tr data-name="[^"]*">[\s\S]*?<td class="num" data-value="(\d*)">/g)].map((m) => Number(m[1]));
    expect(order).toHaveLength(12);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(dom).toContain('aria-sort="descending"');
    for (const row of book.rows) {
      expect(dom).toContain(`href="submissions/${encodeURIComponent(row.file)}.html"`);
      expect(existsSync(join(out, 'submissions', `${row.file}.html`))).toBe(true);
    }
    // Student-controlled names are text, not markup.
    expect(dom).not.toContain('<b>élève');
  }, 120_000);
});

const engine = await probeEngine();

describe.skipIf(engine.state !== 'ready')('batch regrade with Docker', () => {
  const hanging = { 'starter/Dockerfile': replaceOnce(reference.dockerfile, 'WORKDIR /app', 'WORKDIR /app\nRUN while true; do :; done') };

  async function ownResidue(): Promise<string> {
    const { stdout } = await execa('docker', ['ps', '-aq', '--filter', `label=${PID_LABEL}=${process.pid}`], { stdin: 'ignore' });
    return stdout.trim();
  }

  test('correct, broken and hanging submissions graded side by side; nothing left behind', async () => {
    const rubric = await loadRubric();
    const cls = await makeClass(template.dir, [
      { name: 'correct', git: true },
      { name: 'broken-requirements', overlay: mutant('pip installs a package that does not exist').overlay },
      { name: 'hanging-build', overlay: hanging },
    ]);
    cleanups.push(cls.cleanup);
    const { book } = await runBatch({
      folder: cls.dir,
      out: await tempOut(),
      concurrency: 3,
      rubric: { ...rubric, settings: { ...rubric.settings, buildTimeoutSeconds: 20 } },
      progress: null,
      // As the CLI does: the repositories hold the template's prebuilt grader, compared with a fresh build.
      pristineBuilt: await templatePrebuiltHashes(),
    });
    const byName = Object.fromEntries(book.rows.map((r) => [r.name, r]));
    expect(byName.correct).toMatchObject({ status: 'graded', score: 100, maxScore: 100 });
    expect(byName['broken-requirements']!.statuses['image.build']).toBe('fail');
    expect(byName['hanging-build']!.statuses['image.build']).toBe('fail');
    expect(byName['hanging-build']!.statuses['stack.up']).toBe('fail');
    expect(book.rows.every((r) => r.status === 'graded' && r.tampered.length === 0)).toBe(true);
    expect(await ownResidue()).toBe('');
  }, 240_000);

  test('a submission still running at its deadline is stopped, torn down and gets an error row', async () => {
    const cls = await makeClass(template.dir, [{ name: 'hanging', overlay: hanging }]);
    cleanups.push(cls.cleanup);
    const started = Date.now();
    const { book } = await runBatch({ folder: cls.dir, out: await tempOut(), concurrency: 1, deadlineSeconds: 8, progress: null });
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toMatchObject({ name: 'hanging', status: 'error', score: null });
    expect(book.rows[0]!.error).toMatch(/^délai dépassé : correction arrêtée après 8 s/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await ownResidue()).toBe('');
  }, 120_000);
});

