// A program run to completion on a real engine, as `docker run --rm [-e …] IMAGE [COMMAND…]` runs it:
// one tiny image (ENTRYPOINT python, CMD welcome.py), each behaviour of the program chosen by an
// environment variable, the runs side by side; then the program phase and the program criteria on
// it. Nothing of the run is left on the engine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildImage } from '../../grader/src/docker/build/build-image.ts';
import { removeUntilGone } from '../../grader/src/docker/cleanup/reaper.ts';
import { runToCompletion, type RunToCompletionOptions } from '../../grader/src/docker/container/run-to-completion.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';
import { RUN_LABEL, newRunIdentity } from '../../grader/src/docker/labels.ts';
import { criterion as commandOverride } from '../../grader/src/checks/program/command-override.ts';
import { criterion as envCriterion } from '../../grader/src/checks/program/env.ts';
import { criterion as output } from '../../grader/src/checks/program/output.ts';
import { PROGRAM } from '../../grader/src/checks/program/testing.ts';
import type { Observations } from '../../grader/src/checks/observations.ts';
import { DEFAULT_SETTINGS } from '../../grader/src/rubric/rubric.ts';
import { observeProgram } from '../../grader/src/run/program-phase.ts';
import { lab as BASIC1 } from '../../labs/docker-basic-1/lab.ts';

const engine = await probeEngine();

const WELCOME = `import datetime, os, platform, sys, time
mode = os.getenv("MODE", "")
print(f"Bonjour {os.getenv('WELCOME_NAME', 'Docker')} !")
print(f"Date et heure : {datetime.datetime.now().isoformat()}")
print(f"Système : {platform.system()} {platform.release()}")
print("sur stderr", file=sys.stderr)
if mode == "crash":
    raise ValueError("boum")
if mode == "input":
    input("Nom ? ")
if mode == "sleep":
    time.sleep(600)
if mode == "flood":
    sys.stdout.write("x" * 200_000)
`;

describe.skipIf(engine.state !== 'ready')('a program run to completion on a real engine', { timeout: 120_000 }, () => {
  const docker = engine.state === 'ready' ? engine.docker : undefined!;
  const run = newRunIdentity();
  let dir = '';
  const go = (suffix: string, options: Partial<RunToCompletionOptions> = {}) =>
    runToCompletion(docker, { image: run.imageTag, name: `${run.namePrefix}-${suffix}`, labels: run.labels, timeoutMs: 30_000, ...options });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'run-to-completion-'));
    await writeFile(join(dir, 'welcome.py'), WELCOME);
    await writeFile(join(dir, 'Dockerfile'), 'FROM python:3.13-slim\nWORKDIR /app\nCOPY welcome.py .\nENTRYPOINT ["python"]\nCMD ["welcome.py"]\n');
    const build = await buildImage(docker, { contextDir: dir, tag: run.imageTag, labels: run.labels, timeoutMs: 90_000, network: process.env.DOCKER_LAB_BUILD_NETWORK });
    expect(build.state, build.state === 'failed' ? build.log.error : '').toBe('built');
  });

  afterAll(async () => {
    await removeUntilGone(docker, run.id);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('stdout and stderr apart, -e reaches the program, a command replaces CMD and keeps ENTRYPOINT, a crash has its traceback', async () => {
    const [plain, env, override, appended, crash, prompt, flood] = await Promise.all([
      go('plain'),
      go('env', { env: { WELCOME_NAME: 'Alice' } }),
      go('override', { command: ['-c', "print('Commande override')"] }),
      // What an ENTRYPOINT does to `docker run IMAGE python -c …`: python is given « python » as its script.
      go('appended', { command: ['python', '-c', "print('Commande override')"] }),
      go('crash', { env: { MODE: 'crash' } }),
      go('input', { env: { MODE: 'input' } }),
      go('flood', { env: { MODE: 'flood' }, maxOutputBytes: 1024 }),
    ]);
    expect(plain).toMatchObject({ state: 'exited', exitCode: 0, oomKilled: false, stdout: { truncated: false }, stderr: { text: 'sur stderr\n', truncated: false } });
    expect(plain.state === 'exited' && plain.stdout.text).toMatch(/^Bonjour Docker !\nDate et heure : \d{4}-\d\d-\d\dT[\d:.]+\nSystème : Linux \S+\n$/);
    expect(env.state === 'exited' && env.stdout.text).toMatch(/^Bonjour Alice !\n/);
    expect(override).toMatchObject({ state: 'exited', exitCode: 0, stdout: { text: 'Commande override\n' }, stderr: { text: '' } });
    expect(appended).toMatchObject({ state: 'exited', exitCode: 2, stdout: { text: '' } });
    expect(appended.state === 'exited' && appended.stderr.text).toMatch(/can't open file '\/app\/python'/);
    expect(crash).toMatchObject({ state: 'exited', exitCode: 1 });
    expect(crash.state === 'exited' && crash.stderr.text).toMatch(/File "\/app\/welcome\.py", line 8[\s\S]*ValueError: boum/);
    // Without -i, docker run gives the program no input: input() ends it with EOFError.
    expect(prompt).toMatchObject({ state: 'exited', exitCode: 1 });
    expect(prompt.state === 'exited' && prompt.stderr.text).toMatch(/EOFError/);
    expect(flood).toMatchObject({ state: 'exited', exitCode: 0, stdout: { truncated: true }, stderr: { truncated: false } });
    expect(flood.state === 'exited' && flood.stdout.text).toMatch(/^Bonjour Docker !\n[^]*\nxxx/);
  });

  test('the program phase runs the three runs side by side and the program criteria judge them: this image\'s ENTRYPOINT keeps the command from replacing CMD', async () => {
    const program = await observeProgram(docker, { run, settings: { ...DEFAULT_SETTINGS, startupTimeoutSeconds: 30 }, program: { ...PROGRAM, plain: { ...PROGRAM.plain, shown: `docker run --rm ${run.imageTag}` } } });
    const observations = { program } as unknown as Observations;
    expect(output.judge(observations, DEFAULT_SETTINGS, BASIC1), JSON.stringify(program.plain)).toMatchObject({ status: 'pass' });
    expect(envCriterion.judge(observations, DEFAULT_SETTINGS, BASIC1), JSON.stringify(program.env)).toMatchObject({ status: 'pass' });
    const override = commandOverride.judge(observations, DEFAULT_SETTINGS, BASIC1);
    expect(override, JSON.stringify(program.override)).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(override.message).toContain("l'image a reçu la commande donnée comme de simples arguments (« python: can't open file '/app/python'");
  });

  test('a program that never ends is killed at the deadline; an executable missing from the image does not start; nothing stays', async () => {
    const start = Date.now();
    const [endless, refused] = await Promise.all([
      go('sleep', { env: { MODE: 'sleep' }, timeoutMs: 3_000 }),
      // python:3.13-slim has no ENTRYPOINT: the command's executable must exist in the image.
      runToCompletion(docker, { image: 'python:3.13-slim', name: `${run.namePrefix}-refused`, labels: run.labels, command: ['pythn', 'welcome.py'], timeoutMs: 20_000 }),
    ]);
    expect(endless).toMatchObject({ state: 'timed-out' });
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(refused).toMatchObject({ state: 'start-failed', step: 'start' });
    expect(refused.state === 'start-failed' && refused.reason).toMatch(/"pythn": executable file not found/);
    expect(await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${RUN_LABEL}=${run.id}`] }) })).toEqual([]);
  });
});
