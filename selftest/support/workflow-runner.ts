import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { makeSubmission, TEMPLATE_DIR, type Overlay } from './submission.ts';

// Runs a job of a workflow file the way a GitHub runner runs its `run:` steps: each step's script
// through the shell Actions picks on Linux (`runShell`: without `shell:`, `bash -e {0}`, no
// pipefail; `shell: bash`, `bash --noprofile --norc -eo pipefail {0}`; the step's `shell:`, else
// the job's then the workflow's `defaults.run.shell`), in the workspace (or the step's
// `working-directory`), with the job's and the step's `env:`, the GITHUB_* files a runner provides (a fresh
// GITHUB_OUTPUT per step, one step summary), `if:` honoured (`always()` or success of the steps
// before), and `${{ steps.<id>.outputs.<name> }}` replaced by what earlier steps wrote. Steps that
// `uses:` an action are not run (no action runs offline); the test states which ones it skipped.

export interface StepRun {
  name: string;
  id?: string;
  ran: boolean;
  exitCode?: number;
  log: string;
  outputs: Map<string, string>;
}

export interface JobRun {
  workspace: string;
  steps: StepRun[];
  /** Everything the `run:` steps printed, stdout and stderr, as the runner reads it. */
  log: string;
  summary: string;
  step(idOrName: string): StepRun;
}

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string | number>;
}

interface Defaults {
  run?: { shell?: string; 'working-directory'?: string };
}

/**
 * The command line a GitHub runner on Linux runs a `run:` script with (`{0}`: the script file), by
 * the step's effective `shell:` (undefined: none given anywhere). GitHub's documented table.
 */
export function runShell(shell: string | undefined, script: string): string[] {
  switch (shell) {
    case undefined:
      return ['bash', '-e', script];
    case 'bash':
      return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', script];
    case 'sh':
      return ['sh', '-e', script];
    default:
      if (!shell.includes('{0}')) throw new Error(`shell not supported by the emulation: ${shell}`);
      return shell.trim().split(/\s+/).map((part) => part.replace('{0}', script));
  }
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Map<string, string> {
  const outputs = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      while (i + 1 < lines.length && lines[i + 1] !== heredoc[2]) value.push(lines[++i]!);
      i++;
      outputs.set(heredoc[1]!, value.join('\n'));
    } else if (line.includes('=')) {
      outputs.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
    }
  }
  return outputs;
}

/** `${{ … }}` expressions the emulation knows: a step's output, and a manual trigger's input. */
function expand(value: string, steps: StepRun[], inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputs[input[1]!] ?? '';
    const ref = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (!ref) throw new Error(`expression not supported by the emulation: ${expression}`);
    return steps.find((s) => s.id === ref[1])?.outputs.get(ref[2]!) ?? '';
  });
}

function shouldRun(condition: string | undefined, steps: StepRun[]): boolean {
  if (condition === undefined) return steps.every((s) => !s.ran || s.exitCode === 0);
  if (/^always\(\)/.test(condition.trim())) return true;
  throw new Error(`condition not supported by the emulation: ${condition}`);
}

/** A workspace as `actions/checkout` leaves it: the submission's files and the template's own (linked). */
export async function checkoutWorkspace(overlay: Overlay, base: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await makeSubmission(overlay, base);
  for (const entry of ['.github', 'grader', 'tests', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules']) {
    await symlink(join(TEMPLATE_DIR, entry), join(dir, entry));
  }
  return { dir, cleanup };
}

export async function runJob(options: {
  workflow: string;
  job: string;
  workspace: string;
  /** Environment of the machine (GitHub's own variables are added). */
  env: Record<string, string>;
  /** Extra environment for one step, by id (to simulate what a test needs, e.g. a crash). */
  stepEnv?: Record<string, Record<string, string>>;
  /** `run:` steps not to run, by the start of their script (e.g. `npm ci`, done by linking node_modules). */
  skipRuns?: RegExp[];
  /** The manual trigger's inputs; an input not given takes the default the workflow declares (as Actions does). */
  inputs?: Record<string, string>;
}): Promise<JobRun> {
  const wf = parse(await readFile(options.workflow, 'utf8')) as {
    on?: { workflow_dispatch?: { inputs?: Record<string, { default?: string | number | boolean }> } };
    defaults?: Defaults;
    jobs: Record<string, { defaults?: Defaults; env?: Record<string, string | number>; steps: Step[] }>;
  };
  const declared = Object.entries(wf.on?.workflow_dispatch?.inputs ?? {}).map(([name, input]) => [name, String(input.default ?? '')]);
  const inputs = { ...Object.fromEntries(declared), ...options.inputs };
  const job = wf.jobs[options.job];
  if (!job) throw new Error(`no job ${options.job} in ${options.workflow}`);
  const tmp = await mkdtemp(join(tmpdir(), 'workflow-run-'));
  try {
    const summary = join(tmp, 'step-summary.md');
    await writeFile(summary, '');
    const steps: StepRun[] = [];
    let log = '';
    for (const [index, step] of job.steps.entries()) {
      const name = step.name ?? step.uses ?? `step ${index}`;
      const run: StepRun = { name, id: step.id, ran: false, log: '', outputs: new Map() };
      steps.push(run);
      if (step.run === undefined || options.skipRuns?.some((re) => re.test(step.run!)) || !shouldRun(step.if, steps.slice(0, -1))) continue;
      const output = join(tmp, `output-${index}`);
      const script = join(tmp, `step-${index}.sh`);
      await writeFile(output, '');
      await writeFile(script, step.run);
      const env: Record<string, string> = {
        ...options.env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_ENV: join(tmp, 'env'),
        GITHUB_PATH: join(tmp, 'path'),
        GITHUB_EVENT_NAME: 'push',
        GITHUB_ACTOR: 'student',
        RUNNER_TEMP: tmp,
      };
      for (const [key, value] of Object.entries({ ...job.env, ...step.env })) env[key] = expand(String(value), steps, inputs);
      Object.assign(env, options.stepEnv?.[step.id ?? ''] ?? {});
      const [command, ...args] = runShell(step.shell ?? job.defaults?.run?.shell ?? wf.defaults?.run?.shell, script);
      const directory = step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? wf.defaults?.run?.['working-directory'];
      const result = await execa(command!, args, {
        cwd: directory === undefined ? options.workspace : join(options.workspace, directory),
        env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        all: true,
      });
      run.ran = true;
      run.exitCode = result.exitCode;
      run.log = result.all ?? '';
      run.outputs = parseOutputFile(await readFile(output, 'utf8'));
      log += `${run.log}\n`;
    }
    return {
      workspace: options.workspace,
      steps,
      log,
      summary: await readFile(summary, 'utf8'),
      step: (key) => steps.find((s) => s.id === key || s.name === key)!,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
