// Test support of the program criteria: the contract of « docker-basic-1 » and outcomes as the
// engine recorded them (selftest/e2e/run-to-completion.test.ts runs the same programs for real).
import type { CompletionOutcome } from '../../docker/container/run-to-completion.ts';
import type { ProgramContract } from '../../lab/lab.ts';
import type { Observations, ProgramInput } from '../observations.ts';

export const PROGRAM: ProgramContract = {
  plain: {
    shown: 'docker run --rm welcome:1.0.0',
    expect: [{ line: 'Bonjour Docker !' }, { pattern: /\d{4}-\d{2}-\d{2}/, describe: "la date et l'heure" }, { pattern: /linux/i, describe: 'le système' }],
  },
  env: { shown: 'docker run --rm -e WELCOME_NAME=Alice welcome:1.0.0', env: { WELCOME_NAME: 'Alice' }, expect: [{ line: 'Bonjour Alice !' }] },
  override: {
    shown: `docker run --rm welcome:1.0.0 python -c "print('Commande override')"`,
    command: ['python', '-c', "print('Commande override')"],
    expect: [{ line: 'Commande override' }],
  },
};

/** What a correct welcome.py prints, with its name. */
export const printed = (name = 'Docker') => `Bonjour ${name} !\nDate et heure : 2025-10-31T10:12:12.468712Z\nSystème : Linux 6.8.0-87-generic\n`;

/** A program that ended by itself. */
export function exited(stdout: string, options: { stderr?: string; exitCode?: number; oomKilled?: boolean } = {}): CompletionOutcome {
  return { state: 'exited', exitCode: options.exitCode ?? 0, oomKilled: options.oomKilled ?? false, stdout: { text: stdout, truncated: false }, stderr: { text: options.stderr ?? '', truncated: false }, elapsedMs: 412 };
}

/** A correct program's three runs. */
const CORRECT = { plain: exited(printed()), env: exited(printed('Alice')), override: exited('Commande override\n') };

type Run = keyof ProgramContract;

/**
 * The observations of the three runs: a correct program's outcome for each run not given; a run
 * given as an outcome is recorded with the contract's run, one given as an input is taken as is.
 */
export function observed(runs: Partial<Record<Run, CompletionOutcome | ProgramInput>> = {}, dockerfileText?: string): Observations {
  const input = (run: Run): ProgramInput => {
    const given = runs[run] ?? CORRECT[run];
    return given.state === 'not-built' || given.state === 'not-judged' || given.state === 'ran' ? given : { state: 'ran', run: PROGRAM[run], outcome: given };
  };
  return {
    build: { build: { state: 'built' }, dockerfileText, timeoutSeconds: 600 },
    program: { plain: input('plain'), env: input('env'), override: input('override') },
  } as Observations;
}

/** The same input for the three runs (not built, not judged). */
export const everyRun = (input: ProgramInput) => observed({ plain: input, env: input, override: input });

/** Real outputs of the engine (Docker 20.10, python:3.13-slim). */
export const RECORDED = {
  keyError: 'Traceback (most recent call last):\n  File "/app/welcome.py", line 2, in <module>\n    print(os.environ["WELCOME_NAME"])\n          ~~~~~~~~~~^^^^^^^^^^^^^^^^\n  File "<frozen os>", line 717, in __getitem__\nKeyError: \'WELCOME_NAME\'\n',
  eof: 'Traceback (most recent call last):\n  File "/app/welcome.py", line 4, in <module>\n    nom = input("Nom ? ")\n          ^^^^^^^^^^^^^^^\nEOFError: EOF when reading a line\n',
  cannotOpen: "python: can't open file '/app/welcome.py': [Errno 2] No such file or directory\n",
  cannotOpenCommand: "python: can't open file '/app/python': [Errno 2] No such file or directory\n",
  shellNotFound: 'sh: 1: pythn: not found\n',
  execNotFound: 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "pythn": executable file not found in $PATH: unknown',
};
