import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';
import { checkoutWorkspace, runJob, type JobRun } from '../support/workflow-runner.ts';
import { machineEnv } from '../support/env.ts';
import { processedCommands } from '../../grader/src/output/testing.ts';
import type { ReporterResult } from '../../grader/src/output/reporter-results.ts';

// The `Autograding Tests` workflow as written: its YAML parsed, its `run:` steps run in order with a
// runner's GITHUB_* environment (selftest/support/workflow-runner.ts), on a checkout of a submission.
// Only the install step is not run (node_modules is linked in); actions (`uses:`) cannot run offline.

const WORKFLOW = join(TEMPLATE_DIR, '.github/workflows/classroom.yml');
const JOB = 'run-autograding-tests';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});


async function runOn(base: string, stepEnv: Record<string, Record<string, string>> = {}): Promise<JobRun> {
  const { dir, cleanup } = await checkoutWorkspace({}, base);
  cleanups.push(cleanup);
  return runJob({ workflow: WORKFLOW, job: JOB, workspace: dir, env: machineEnv(), stepEnv, skipRuns: [/^npm ci\b/] });
}

function decoded(outputs: Map<string, string>): ReporterResult[] {
  return [...outputs].filter(([name]) => name.endsWith('_RESULTS')).map(([, value]) => JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as ReporterResult);
}

/** Every output of one grading run, checked against each other. */
async function expectEveryOutput(run: JobRun): Promise<number> {
  const grade = run.step('grade');
  expect(grade.ran).toBe(true);
  const score = Number(grade.outputs.get('score'));
  expect(grade.outputs.get('max_score')).toBe('100');
  // The two legacy notices, once, exactly; every other processed command is an annotation.
  const commands = processedCommands(grade.log);
  expect(commands.filter((c) => c.startsWith('::notice'))).toEqual([
    `::notice title=Autograding complete::Points ${score}/100`,
    `::notice title=Autograding report::{"totalPoints":${score},"maxPoints":100}`,
  ]);
  expect(commands.filter((c) => !/^::(notice|error|warning) /.test(c))).toEqual([]);
  // The French report is in the log (inside the stop-commands block), and in the job summary.
  expect(grade.log).toMatch(new RegExp(`^Note : ${score}/100$`, 'm'));
  expect(run.summary).toMatch(new RegExp(`^## Correction automatique — Note : ${score}/100$`, 'm'));
  // Reporter outputs: one per group worth points, summing to the score and the maximum.
  const results = decoded(grade.outputs);
  expect(results).toHaveLength(5);
  expect(results.flatMap((r) => r.tests).reduce((s, t) => s + t.score, 0)).toBe(score);
  expect(results.reduce((s, r) => s + r.max_score, 0)).toBe(100);
  // JUnit XML where the upload step looks for it.
  const junit = await readFile(join(run.workspace, 'junit.xml'), 'utf8');
  expect(junit).toMatch(new RegExp(`<testsuites name="Note ${score}/100" tests="32"`));
  // The always-run check step saw the score.
  const check = run.step('Check that the grader gave a score');
  expect(check.ran).toBe(true);
  expect(check.exitCode, check.log).toBe(0);
  expect(check.log).toContain(`Note : ${score}/100`);
  return score;
}

describe('the Autograding Tests workflow, run as written', () => {
  test('the untouched template: npm test fails the grading step; summary, annotations, notices, outputs and JUnit agree', { timeout: 600_000 }, async () => {
    const run = await runOn(TEMPLATE_DIR);
    expect(run.steps.filter((s) => !s.ran).map((s) => s.name)).toEqual(['Checkout', 'Set up Node.js 24', 'Install the grader', 'Keep the npm cache', 'Upload JUnit report']);
    expect(run.step('grade').exitCode).toBe(1);
    const score = await expectEveryOutput(run);
    expect(score).toBeLessThan(100);
    const annotations = processedCommands(run.step('grade').log);
    expect(annotations.some((c) => /^::error title=.*\(dockerfile\.present\) — 0\/2,file=starter\/Dockerfile,line=\d+::Le Dockerfile/.test(c)), annotations.join('\n')).toBe(true);
    expect(annotations.some((c) => /^::warning title=.*\(dockerfile\.non-root\) — conseil,file=starter\/Dockerfile/.test(c))).toBe(true);
  });

  test('the reference solution: the grading step passes with 100/100', { timeout: 600_000 }, async () => {
    const run = await runOn(REFERENCE_DIR);
    expect(run.step('grade').exitCode, run.step('grade').log.slice(-3000)).toBe(0);
    expect(await expectEveryOutput(run)).toBe(100);
  });

  test('a grader crash is not a low score: no score output, an error annotation says the grader failed, the job fails', { timeout: 300_000 }, async () => {
    const run = await runOn(TEMPLATE_DIR, { grade: { GRADE_DIR: '/nonexistent/submission' } });
    const grade = run.step('grade');
    expect(grade.exitCode).not.toBe(0);
    expect(grade.outputs.has('score')).toBe(false);
    expect(processedCommands(grade.log).filter((c) => c.startsWith('::notice'))).toEqual([]);
    const check = run.step('Check that the grader gave a score');
    expect(check.ran).toBe(true);
    expect(check.exitCode).toBe(1);
    expect(processedCommands(check.log)).toEqual([expect.stringMatching(/^::error title=Le correcteur a échoué::Le correcteur a échoué : /)]);
  });
});
