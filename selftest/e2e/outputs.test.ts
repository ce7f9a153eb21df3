import { execa } from 'execa';
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, test } from 'vitest';
import { makeSubmission, REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';
import { FAKE, processedCommands } from '../../grader/src/output/testing.ts';
import type { GradeReport } from '../../grader/src/model/result.ts';
import type { ReporterResult } from '../../grader/src/output/reporter-results.ts';

// End to end: the CLI as GitHub Actions runs it (every view from one run), the npm test path in
// Actions, and the Classroom 50 entry point, on real submission folders and the real engine.

const ROOT = TEMPLATE_DIR;
const CLI = join(ROOT, 'grader/src/cli.ts');
const AUTOGRADER = join(ROOT, 'classroom50/autograder.py');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function submission(overlay: Parameters<typeof makeSubmission>[0] = {}): Promise<string> {
  const { dir, cleanup } = await makeSubmission(overlay);
  cleanups.push(cleanup);
  return dir;
}

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'outputs-e2e-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The environment of a child process, without whatever GitHub Actions variables the self-tests run under. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GITHUB_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, DOCKER_LAB_BUILD_NETWORK: process.env.DOCKER_LAB_BUILD_NETWORK ?? 'none', ...extra };
}

interface ActionsRun {
  stdout: string;
  exitCode: number | undefined;
  summary: string;
  outputs: Map<string, string>;
  report: GradeReport;
  junit: string;
}

/** Runs the CLI as in the workflow's grading step, with temporary summary and output files. */
async function gradeInActions(dir: string, args: string[] = []): Promise<ActionsRun> {
  const tmp = await scratch();
  const files = { summary: join(tmp, 'summary.md'), output: join(tmp, 'output'), json: join(tmp, 'report.json'), junit: join(tmp, 'junit.xml') };
  await writeFile(files.summary, '');
  await writeFile(files.output, '');
  const result = await execa(process.execPath, ['--experimental-strip-types', '--no-warnings', CLI, dir, '--json', files.json, '--junit', files.junit, ...args], {
    cwd: ROOT,
    env: cleanEnv({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, GITHUB_WORKSPACE: dir }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  const outputs = new Map<string, string>();
  for (const line of (await readFile(files.output, 'utf8')).split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    outputs.set(line.slice(0, at), line.slice(at + 1));
  }
  return {
    stdout: result.stdout,
    exitCode: result.exitCode,
    summary: await readFile(files.summary, 'utf8'),
    outputs,
    report: JSON.parse(await readFile(files.json, 'utf8')) as GradeReport,
    junit: await readFile(files.junit, 'utf8'),
  };
}

function notices(stdout: string): string[] {
  return processedCommands(stdout).filter((c) => c.startsWith('::notice'));
}

function expectScoreAnnounced(run: ActionsRun): void {
  const { score, maxScore } = run.report;
  expect(notices(run.stdout)).toEqual([
    `::notice title=Autograding complete::Points ${score}/${maxScore}`,
    `::notice title=Autograding report::{"totalPoints":${score},"maxPoints":${maxScore}}`,
  ]);
}

function decodedResults(outputs: Map<string, string>): ReporterResult[] {
  return [...outputs].filter(([name]) => name.endsWith('_RESULTS')).map(([, value]) => JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as ReporterResult);
}

/** Every processed command a submission's text could have planted: none may carry the fake score. */
function expectFakeInert(run: ActionsRun): void {
  expect(run.stdout).toContain(FAKE); // it is shown to the student…
  expect(processedCommands(run.stdout).some((c) => c.includes('Points 100/100'))).toBe(false); // …and inert
}

describe('GitHub Actions, one run', () => {
  test('the reference: summary, two notices once with the full score, per-group outputs summing to it, JUnit, JSON', { timeout: 300_000 }, async () => {
    const run = await gradeInActions(REFERENCE_DIR);
    expect(run.exitCode).toBe(0);
    const { score, maxScore } = run.report;
    expect(run.report.schema).toBe('docker-lab-grade/v1');
    expect(maxScore).toBe(100);
    expect(score).toBe(maxScore);
    expectScoreAnnounced(run);
    expect(run.stdout).toContain(`Note : ${score}/${maxScore}`);
    expect(run.summary).toContain(`Note : ${score}/${maxScore}`);
    const results = decodedResults(run.outputs);
    expect(results.length).toBe(5);
    for (const r of results) {
      expect(r.version).toBe(1);
      expect(r.max_score).toBeGreaterThan(0);
      for (const t of r.tests) expect(Number.isInteger(t.score)).toBe(true);
    }
    expect(results.flatMap((r) => r.tests).reduce((s, t) => s + t.score, 0)).toBe(score);
    expect(results.reduce((s, r) => s + r.max_score, 0)).toBe(maxScore);
    expect(run.outputs.get('score')).toBe(String(score));
    expect(run.outputs.get('max_score')).toBe(String(maxScore));
    expect(run.junit).toMatch(/<testsuites name="Note 100\/100" tests="\d+" failures="0" errors="0"/);
  });

  test('a fake notice printed by the build stays inert; the real score is announced once', { timeout: 300_000 }, async () => {
    const dockerfile = (await readFile(join(REFERENCE_DIR, 'starter/Dockerfile'), 'utf8')).replace(
      'COPY app.py .',
      `RUN echo "${FAKE}" && echo "${FAKE.replace('complete', 'report')}"\nRUN echo "::stop-commands::x" && exit 3\nCOPY app.py .`,
    );
    const run = await gradeInActions(await submission({ 'starter/Dockerfile': dockerfile }));
    expect(run.exitCode).toBe(0);
    const build = run.report.criteria.find((c) => c.id === 'image.build')!;
    expect(build.status).toBe('fail');
    expect(build.excerpt).toContain(FAKE);
    expect(run.report.score).toBeLessThan(100);
    expectFakeInert(run);
    expectScoreAnnounced(run);
    expect(processedCommands(run.stdout).some((c) => c.startsWith('::error file=starter/Dockerfile,line='))).toBe(true);
  });

  test('a fake notice printed by the app in its logs stays inert; the real score is announced once', { timeout: 300_000 }, async () => {
    const app = `import sys\nprint(${JSON.stringify(FAKE)}, flush=True)\nprint(${JSON.stringify(`::notice title=Autograding report::{"totalPoints":100,"maxPoints":100}`)}, flush=True)\nsys.exit(3)\n`;
    const run = await gradeInActions(await submission({ 'starter/app.py': app }));
    expect(run.exitCode).toBe(0);
    const health = run.report.criteria.find((c) => c.id === 'container.health')!;
    expect(health.status).toBe('fail');
    expect(health.excerpt).toContain(FAKE);
    expectFakeInert(run);
    expectScoreAnnounced(run);
    expect(run.report.score).toBeLessThan(100);
  });

  test('a partial run (--group) announces no score; --require-full fails it when points are missing', { timeout: 60_000 }, async () => {
    const dir = await submission({ 'starter/Dockerfile': 'FROM python:latest\n' });
    const run = await gradeInActions(dir, ['--group', 'dockerfile', '--require-full']);
    expect(run.exitCode).toBe(1);
    expect(notices(run.stdout)).toEqual([]);
    expect(new Set(run.report.criteria.map((c) => c.group))).toEqual(new Set(['dockerfile']));
    const ok = await gradeInActions(REFERENCE_DIR, ['--group', 'report', '--require-full']);
    expect(ok.exitCode).toBe(0);
  });
});

describe('npm test in GitHub Actions', () => {
  test('the suite’s output stays inert and the notices come once, from the global setup', { timeout: 300_000 }, async () => {
    const dir = await submission({ 'starter/app.py': `print(${JSON.stringify(FAKE)}, flush=True)\nraise SystemExit(3)\n` });
    const tmp = await scratch();
    const summary = join(tmp, 'summary.md');
    const output = join(tmp, 'output');
    const result = await execa(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/vitest.config.ts'], {
      cwd: ROOT,
      env: cleanEnv({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, GRADE_DIR: dir, CI: 'true' }),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      all: true,
    });
    expect(result.exitCode).toBe(1); // criteria fail
    const log = result.all ?? '';
    const announced = processedCommands(log).filter((c) => c.startsWith('::notice'));
    expect(announced).toHaveLength(2);
    expect(announced[0]).toMatch(/^::notice title=Autograding complete::Points \d+\/100$/);
    expect(announced[0]).not.toContain('100/100');
    expect(await readFile(summary, 'utf8')).toMatch(/Note : \d+\/100/);
    expect(await readFile(output, 'utf8')).toMatch(/^score=\d+$/m);
  });
});

// Classroom 50 contract (spec §3), as a JSON schema.
const RESULT_SCHEMA = {
  type: 'object',
  required: ['schema', 'score', 'max-score', 'tests'],
  properties: {
    schema: { const: 'classroom50/result/v1' },
    score: { type: 'integer', minimum: 0 },
    'max-score': { type: 'integer', minimum: 0 },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        required: ['test-name', 'passed', 'score', 'max-score'],
        properties: {
          'test-name': { type: 'string', minLength: 1 },
          passed: { type: 'boolean' },
          score: { type: 'integer', minimum: 0 },
          'max-score': { type: 'integer', minimum: 0 },
        },
      },
    },
  },
} as const;
const validate = new Ajv({ allErrors: true }).compile(RESULT_SCHEMA);

interface ClassroomResult {
  score: number;
  'max-score': number;
  tests: { 'test-name': string; passed: boolean; score: number; 'max-score': number }[];
}

function expectValidResult(value: unknown): ClassroomResult {
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  const result = value as ClassroomResult;
  expect(result.score).toBeLessThanOrEqual(result['max-score']);
  for (const t of result.tests) expect(t.score).toBeLessThanOrEqual(t['max-score']);
  expect(result.tests.reduce((s, t) => s + t.score, 0)).toBe(result.score);
  expect(result.tests.reduce((s, t) => s + t['max-score'], 0)).toBe(result['max-score']);
  return result;
}

async function autograder(cwd: string, args: string[] = [], env: Record<string, string> = {}, script = AUTOGRADER) {
  return execa('python3', [script, ...args], { cwd, env: cleanEnv(env), extendEnv: false, reject: false, stdin: 'ignore', all: true });
}

describe('Classroom 50 autograder.py', () => {
  test('a passing submission, fully graded: result.json valid, full score; release-body.md is the summary', { timeout: 300_000 }, async () => {
    const dir = await submission();
    const run = await autograder(dir);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectValidResult(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')));
    expect(result['max-score']).toBe(100);
    expect(result.score).toBe(100);
    expect(result.tests.every((t) => t.passed)).toBe(true);
    const body = await readFile(join(dir, 'release-body.md'), 'utf8');
    expect(body).toMatch(/^## Correction automatique — Note : 100\/100$/m);
  });

  test('a failing submission: exit 0, result.json valid with the failures', { timeout: 120_000 }, async () => {
    const dir = await submission({ 'starter/Dockerfile': 'FROM python:latest\nCMD uvicorn app:app\n', 'REPORT.md': null });
    const run = await autograder(dir, ['--static-only']);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectValidResult(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')));
    expect(result.score).toBeLessThan(result['max-score']);
    const failed = result.tests.filter((t) => !t.passed).map((t) => t['test-name']);
    expect(failed.some((name) => name.includes('(dockerfile.base-image)'))).toBe(true);
    expect(failed.some((name) => name.includes('(report.present)'))).toBe(true);
    expect(await readFile(join(dir, 'release-body.md'), 'utf8')).toContain('### À corriger');
  });

  test('run from a student checkout holding the whole template, with the script installed elsewhere', { timeout: 120_000 }, async () => {
    const checkout = await submission();
    for (const entry of ['grader', 'package.json', 'package-lock.json', 'node_modules', '.github', 'tsconfig.json']) {
      await symlink(join(ROOT, entry), join(checkout, entry));
    }
    const elsewhere = await scratch();
    await copyFile(AUTOGRADER, join(elsewhere, 'autograder.py'));
    const run = await autograder(checkout, ['--static-only'], {}, join(elsewhere, 'autograder.py'));
    expect(run.exitCode, run.all).toBe(0);
    expectValidResult(JSON.parse(await readFile(join(checkout, 'result.json'), 'utf8')));
  });

  test('grading that cannot run exits non-zero and writes no result', { timeout: 60_000 }, async () => {
    const dir = await submission();
    const empty = await scratch();
    const run = await autograder(dir, [], { DOCKER_LAB_GRADER_ROOT: empty });
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('autograder:');
    expect(existsSync(join(dir, 'result.json'))).toBe(false);
  });

  test('python unit tests of autograder.py', { timeout: 60_000 }, async () => {
    const run = await execa('python3', ['-B', '-m', 'unittest', 'discover', '-s', join(ROOT, 'classroom50'), '-p', 'test_*.py'], { reject: false, all: true, stdin: 'ignore' });
    expect(run.exitCode, run.all).toBe(0);
  });
});
