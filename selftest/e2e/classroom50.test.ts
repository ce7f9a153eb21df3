import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportTemplate } from '../../grader/src/export/template.ts';
import { MAX_BUNDLE_BYTES } from '../../grader/src/export/classroom50.ts';
import { applyOverlay, REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';

// End to end, the way Classroom 50 grades a submission (its runner, runner.py, read at revision
// 0c499034): the instructor's bundle, written by `npm run export:classroom50`, packed as
// publish-pages.yaml packs it (`tar -czf ASSIGNMENT.tar.gz -C parent ASSIGNMENT`, at most 10 MiB)
// and extracted into a runtime folder; then `python3 <bundle>/autograder.py`, no arguments, cwd =
// a student checkout made from the exported template plus the platform's accept-commit files, the
// runner's environment, GITHUB_ACTIONS=true with a step summary and an output file. No npm install
// anywhere: the runtime folder is outside this repository, far from any node_modules.

const ROOT = TEMPLATE_DIR;
const ASSIGNMENT = 'docker-lab';
let tmp: string;
let bundle: string;
let template: string;
let archiveBytes: number;
let serial = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'classroom50-e2e-'));
  const exported = join(tmp, 'classroom/autograders', ASSIGNMENT);
  const run = await execa(process.execPath, ['--experimental-strip-types', '--no-warnings', join(ROOT, 'grader/src/export/classroom50-cli.ts'), exported], { cwd: ROOT, reject: false, stdin: 'ignore' });
  expect(run.exitCode, run.stderr).toBe(0);
  const archive = join(tmp, `${ASSIGNMENT}.tar.gz`);
  await execa('tar', ['-czf', archive, '-C', dirname(exported), ASSIGNMENT]);
  archiveBytes = (await stat(archive)).size;
  const runtime = join(tmp, 'runner-temp/classroom50-runtime');
  await mkdir(runtime, { recursive: true });
  // The runner extracts with tarfile's 'data' filter on Python 3.12+ (extract_tarball).
  const extract = 'import sys, tarfile; t = tarfile.open(sys.argv[1], "r:gz"); t.extractall(sys.argv[2], **({"filter": "data"} if sys.version_info >= (3, 12) else {}))';
  await execa('python3', ['-c', extract, archive, runtime]);
  bundle = join(runtime, ASSIGNMENT);
  template = join(tmp, 'template');
  await exportTemplate(template);
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** What the platform's accept commit adds to the student's repository (runner.py, ACCEPT_COMMIT_PATHS). */
const ACCEPT_COMMIT = {
  '.classroom50.yaml': `schema: "classroom50/repo-config/v1"\nclassroom: "ml-systems"\nassignment: "${ASSIGNMENT}"\nowner:\n  username: "alice"\n  id: 1\n  accepted_at: "2026-11-20T09:00:00Z"\n`,
  '.github/workflows/autograde.yaml': 'name: Autograde\n\non:\n  push:\n    branches: ["main"]\n    tags: ["submit/*"]\n\njobs:\n  grade:\n    uses: "ml-org/classroom50/.github/workflows/autograde-runner.yaml@main"\n    secrets: inherit\n',
};

/** A student checkout: the exported template, the accept-commit files, then the student's work. */
async function checkout(work: 'template' | 'reference', forged: Record<string, string> = {}): Promise<string> {
  const dir = join(tmp, `checkout-${++serial}`);
  await cp(template, dir, { recursive: true, verbatimSymlinks: true });
  await applyOverlay(dir, ACCEPT_COMMIT);
  if (work === 'reference') {
    for (const entry of ['starter', 'docker-compose.yml', 'REPORT.md', 'captures']) {
      await rm(join(dir, entry), { recursive: true, force: true });
      await cp(join(REFERENCE_DIR, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true });
    }
  }
  await applyOverlay(dir, forged);
  return dir;
}

interface RunnerRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  summary: string;
  result?: Record<string, unknown> & { score: number; 'max-score': number; tests: { 'test-name': string; passed: boolean; score: number; 'max-score': number }[] };
  body?: string;
}

const IDENTITY = {
  CLASSROOM: 'ml-systems',
  ASSIGNMENT,
  SUBMISSION_TAG: 'submit/2026-11-29T10-00-00Z-abc1234',
  COMMIT_URL: 'https://github.com/ml-org/ml-systems-docker-lab-alice/commit/abc1234',
  RELEASE_URL: 'https://github.com/ml-org/ml-systems-docker-lab-alice/releases/tag/submit%2F2026-11-29T10-00-00Z-abc1234',
  REVIEW_URL: 'https://github.com/ml-org/ml-systems-docker-lab-alice/compare/0000000...abc1234',
};

/** `python3 <bundle>/autograder.py` as the runner calls it (run_entrypoint): its env, no arguments. */
async function runAutograder(dir: string, extra: Record<string, string> = {}): Promise<RunnerRun> {
  const github = join(tmp, `github-${serial}`);
  await mkdir(github, { recursive: true });
  const summaryFile = join(github, 'step-summary.md');
  const outputFile = join(github, 'output');
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GITHUB_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  Object.assign(env, IDENTITY, {
    // Node 24 first on the PATH, as the assignment's "runtime": {"node": "24"} sets it up.
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    DOCKER_LAB_BUILD_NETWORK: process.env.DOCKER_LAB_BUILD_NETWORK ?? 'none',
    CLASSROOM50_BUNDLE_DIR: bundle,
    USERNAME: 'alice',
    OWNER: 'alice',
    ASSIGNMENT_TYPE: 'individual',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'ml-org/ml-systems-docker-lab-alice',
    GITHUB_SHA: 'abc1234',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: join(tmp, 'runner-temp'),
    ...extra,
  });
  const run = await execa('python3', [join(bundle, 'autograder.py')], { cwd: dir, env, extendEnv: false, reject: false, stdin: 'ignore' });
  const resultPath = join(dir, 'result.json');
  return {
    exitCode: run.exitCode,
    stdout: run.stdout,
    stderr: run.stderr,
    summary: await readFile(summaryFile, 'utf8'),
    result: existsSync(resultPath) ? JSON.parse(await readFile(resultPath, 'utf8')) : undefined,
    body: existsSync(join(dir, 'release-body.md')) ? await readFile(join(dir, 'release-body.md'), 'utf8') : undefined,
  };
}

/** The runner's checks of the fields we write (its validate_result; the full rule set is in classroom50/test_autograder.py). */
function expectAcceptedByTheRunner(run: RunnerRun): NonNullable<RunnerRun['result']> {
  expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
  const result = run.result!;
  expect(result).toMatchObject({
    schema: 'classroom50/result/v1',
    classroom: IDENTITY.CLASSROOM,
    assignment: IDENTITY.ASSIGNMENT,
    submission: IDENTITY.SUBMISSION_TAG,
    commit: IDENTITY.COMMIT_URL,
    release: IDENTITY.RELEASE_URL,
    review: IDENTITY.REVIEW_URL,
  });
  for (const stamped of ['owner', 'assignment_type', 'datetime', 'graded_at', 'submitted_by']) expect(result).not.toHaveProperty(stamped);
  expect(Number.isInteger(result.score) && Number.isInteger(result['max-score'])).toBe(true);
  expect(result.score).toBeLessThanOrEqual(result['max-score']);
  for (const t of result.tests) {
    expect(t['test-name']).toMatch(/^\S.* \([a-z0-9.-]+\)$/);
    expect(typeof t.passed).toBe('boolean');
    expect(Number.isInteger(t.score) && t.score >= 0 && t.score <= t['max-score']).toBe(true);
  }
  expect(result.tests.reduce((s, t) => s + t.score, 0)).toBe(result.score);
  return result;
}

let templateScore: Map<string, number> | undefined;

describe('Classroom 50: the bundle under the runner’s calling convention', () => {
  test('the bundle: autograder.py at its top, the grader prebuilt, rubric, manifest; under 10 MiB packed', async () => {
    for (const file of ['autograder.py', 'grader.mjs', 'rubric.yml', 'manifest.json']) expect(existsSync(join(bundle, file)), file).toBe(true);
    expect(existsSync(join(bundle, 'node_modules'))).toBe(false);
    expect(archiveBytes).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  test('the reference solution: 100/100, every test passed, the French report as release body, no tamper warning, summary left to the runner', { timeout: 600_000 }, async () => {
    const run = await runAutograder(await checkout('reference'));
    const result = expectAcceptedByTheRunner(run);
    expect(result['max-score']).toBe(100);
    expect(result.tests.filter((t) => !t.passed), run.body).toEqual([]);
    expect(result.score).toBe(100);
    expect(run.body).toMatch(/^## Correction automatique — Note : 100\/100$/m);
    expect(run.body).not.toContain('Fichiers du correcteur modifiés');
    expect(run.summary).toBe('');
  });

  test('the untouched template with the accept-commit files: a low score, published, and no tamper warning', { timeout: 600_000 }, async () => {
    const run = await runAutograder(await checkout('template'));
    const result = expectAcceptedByTheRunner(run);
    expect(result['max-score']).toBe(100);
    expect(result.score).toBeLessThan(50);
    expect(run.body).toContain('### À corriger');
    expect(run.body).not.toContain('Fichiers du correcteur modifiés');
    templateScore = new Map(result.tests.map((t) => [t['test-name'], t.score]));
  });

  test('grader files forged in the checkout to claim full marks change nothing: the pristine grader’s score, the forgery reported', { timeout: 600_000 }, async () => {
    const rubric = await readFile(join(template, '.github/classroom/rubric.yml'), 'utf8');
    const forged = {
      'package.json': JSON.stringify({ name: 'x', type: 'module', scripts: { grade: 'echo "Note : 100/100"', test: 'echo ok' } }),
      'grader/src/cli.ts': "import { writeFileSync } from 'node:fs';\nconst a = process.argv; const at = a.indexOf('--json');\nif (at > 0) writeFileSync(a[at + 1], JSON.stringify({ schema: 'docker-lab-grade/v1', submission: '.', score: 100, maxScore: 100, criteria: [{ id: 'x', title: 'Tout', group: 'g', points: 100, maxPoints: 100, status: 'pass', message: '', durationMs: 0 }] }));\n",
      'grader/src/run/grade.ts': 'export async function grade() { return { score: 100, maxScore: 100, criteria: [] }; }\n',
      '.github/classroom/rubric.yml': rubric.replace(/points: \d+/g, 'points: 0'),
      'tests/bonus.test.ts': "import { test } from 'vitest';\ntest('100/100', () => {});\n",
      'grader/manifest.json': '{"schema":"docker-lab-manifest/v1","files":{}}\n',
    };
    const run = await runAutograder(await checkout('template', forged));
    const result = expectAcceptedByTheRunner(run);
    expect(result['max-score']).toBe(100);
    expect(result.score).toBeLessThan(50);
    if (templateScore) expect(new Map(result.tests.map((t) => [t['test-name'], t.score]))).toEqual(templateScore);
    // The bundle's grader is the instructor's: the forgery did not count, and the report says so.
    expect(run.body).toMatch(/Fichiers du correcteur modifiés dans le dépôt .*Ils n'ont pas servi \\?: cette note vient du correcteur d'origine\./);
    expect(run.body).not.toContain('sera recalculée');
    for (const path of ['package.json', 'grader/src/cli.ts', 'grader/src/run/grade.ts', '.github/classroom/rubric.yml', 'tests/bonus.test.ts']) {
      expect(run.body).toContain(path);
    }
  });

  test('no Docker engine: no score is published, the autograder exits non-zero with one clear line', { timeout: 120_000 }, async () => {
    const dir = await checkout('reference');
    const run = await runAutograder(dir, { DOCKER_HOST: `unix://${join(tmp, 'no-engine.sock')}` });
    expect(run.exitCode).not.toBe(0);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors, run.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error title=Docker lab autograder::no usable Docker engine on the runner/);
    expect(existsSync(join(dir, 'result.json'))).toBe(false);
  });

  test('autograder.py’s own tests: the runner’s validation rules, node, engine, deadline', { timeout: 120_000 }, async () => {
    const run = await execa('python3', ['-B', '-m', 'unittest', 'discover', '-s', join(ROOT, 'classroom50'), '-p', 'test_*.py'], { reject: false, all: true, stdin: 'ignore' });
    expect(run.exitCode, run.all).toBe(0);
  });
});
