import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeSubmission, REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';
import { FAKE, processedCommands } from '../../grader/src/output/testing.ts';
import { parseOutputFile } from '../support/workflow-runner.ts';
import type { GradeReport } from '../../grader/src/model/result.ts';
import type { ReporterResult } from '../../grader/src/output/reporter-results.ts';

// End to end: the CLI as GitHub Actions runs it (every view from one run) and the npm test path in
// Actions, on real submission folders and the real engine (Classroom 50: classroom50.test.ts).

const ROOT = TEMPLATE_DIR;
const CLI = join(ROOT, 'grader/src/cli.ts');
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
  const outputs = parseOutputFile(await readFile(files.output, 'utf8'));
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
    expect(processedCommands(run.stdout).some((c) => /^::error title=[^:]*,file=starter\/Dockerfile,line=\d+::/.test(c))).toBe(true);
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
  test('the suite’s output stays inert and the notices come once, from the reporter', { timeout: 300_000 }, async () => {
    const dir = await submission({ 'starter/app.py': `print(${JSON.stringify(FAKE)}, flush=True)\nraise SystemExit(3)\n` });
    const tmp = await scratch();
    const summary = join(tmp, 'summary.md');
    const output = join(tmp, 'output');
    await writeFile(summary, ''); // the runner creates both files before the step
    await writeFile(output, '');
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
    expect(parseOutputFile(await readFile(output, 'utf8')).get('score')).toMatch(/^\d+$/);
  });
});
