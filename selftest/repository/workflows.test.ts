import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { GRADER_ROOT } from '../../grader/src/integrity/files.ts';
import { runJob, runShell } from '../support/workflow-runner.ts';

const WORKFLOWS = ['.github/workflows/classroom.yml', '.github/workflows/regrade-class.yml'];

interface Job {
  'timeout-minutes'?: number;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  defaults?: { run?: { shell?: string } };
  steps: { name?: string; run?: string; shell?: string }[];
}
interface Workflow {
  concurrency?: unknown;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}
const load = async (file: string) => parse(await readFile(join(GRADER_ROOT, file), 'utf8')) as Workflow;

describe('the workflows fail when they fail', () => {
  test('every run: step that pipes runs under shell: bash (pipefail), its own or by defaults', async () => {
    let piped = 0;
    for (const file of WORKFLOWS) {
      const wf = await load(file);
      for (const [id, job] of Object.entries(wf.jobs)) {
        for (const step of job.steps) {
          if (step.run === undefined || !/[^|]\|[^|]/.test(step.run)) continue;
          piped++;
          expect(step.shell ?? job.defaults?.run?.shell ?? wf.defaults?.run?.shell, `${file} ${id} « ${step.name} »`).toBe('bash');
        }
      }
    }
    expect(piped).toBeGreaterThanOrEqual(2); // the regrade's plan and merge steps at least
  });

  test('every job has a timeout; a newer push cancels a student run, nothing cancels a regrade', async () => {
    for (const file of WORKFLOWS) {
      for (const [id, job] of Object.entries((await load(file)).jobs)) expect(job['timeout-minutes'], `${file} ${id}`).toBeGreaterThan(0);
    }
    const student = (await load(WORKFLOWS[0]!)).jobs['run-autograding-tests']!;
    expect(student.concurrency).toEqual({ group: 'autograding-${{ github.ref }}', 'cancel-in-progress': true });
    const regrade = await load(WORKFLOWS[1]!);
    expect(regrade.concurrency).toBeUndefined();
    for (const job of Object.values(regrade.jobs)) expect(job.concurrency).toBeUndefined();
  });
});

describe('the workflow runner picks the shell as GitHub Actions does on Linux', () => {
  test('no shell: bash -e {0}; shell: bash: bash --noprofile --norc -eo pipefail {0}; a template with {0}', () => {
    expect(runShell(undefined, 's.sh')).toEqual(['bash', '-e', 's.sh']);
    expect(runShell('bash', 's.sh')).toEqual(['bash', '--noprofile', '--norc', '-eo', 'pipefail', 's.sh']);
    expect(runShell('sh', 's.sh')).toEqual(['sh', '-e', 's.sh']);
    expect(runShell('python3 {0}', 's.py')).toEqual(['python3', 's.py']);
    expect(() => runShell('pwsh', 's.ps1')).toThrow(/not supported/);
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'workflow-shell-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a failing command piped into a succeeding one passes without shell:, fails with shell: bash or its defaults', async () => {
    const step = (name: string, shell?: string) => ({ name, ...(shell ? { shell } : {}), run: 'false | cat\necho after' });
    const workflow = join(dir, 'wf.yml');
    await writeFile(workflow, JSON.stringify({
      on: 'push',
      jobs: {
        plain: { steps: [step('default shell'), { name: 'next', run: 'true' }, step('shell bash', 'bash')] },
        defaulted: { defaults: { run: { shell: 'bash' } }, steps: [step('job default')] },
      },
    }));
    const plain = await runJob({ workflow, job: 'plain', workspace: dir, env: { PATH: process.env.PATH! } });
    expect(plain.step('default shell')).toMatchObject({ ran: true, exitCode: 0 });
    expect(plain.step('default shell').log).toContain('after');
    expect(plain.step('shell bash')).toMatchObject({ ran: true, exitCode: 1 });
    const defaulted = await runJob({ workflow, job: 'defaulted', workspace: dir, env: { PATH: process.env.PATH! } });
    expect(defaulted.step('job default')).toMatchObject({ ran: true, exitCode: 1 });
    expect(defaulted.step('job default').log).not.toContain('after');
  });
});
