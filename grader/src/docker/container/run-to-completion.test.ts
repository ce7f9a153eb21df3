import type Docker from 'dockerode';
import { describe, expect, test } from 'vitest';
import { CONTAINER_LIMITS } from './limits.ts';
import { runToCompletion, splitOutput, type RunToCompletionOptions } from './run-to-completion.ts';
import { frame } from './testing.ts';

describe('splitOutput', () => {
  test('stdout and stderr apart, whole when under the cap', () => {
    expect(splitOutput(Buffer.concat([frame(1, 'Bonjour\n'), frame(2, 'Traceback\n'), frame(1, 'fin\n')]), 1024)).toEqual({
      stdout: { text: 'Bonjour\nfin\n', truncated: false },
      stderr: { text: 'Traceback\n', truncated: false },
    });
  });

  test('each stream is cut at the cap on its own, never inside a character, and says so', () => {
    const { stdout, stderr } = splitOutput(Buffer.concat([frame(1, 'é'.repeat(10)), frame(2, 'court')]), 5);
    expect(stdout).toEqual({ text: 'éé', truncated: true });
    expect(stderr).toEqual({ text: 'court', truncated: false });
  });
});

interface FakeEngine {
  docker: Docker;
  created: Record<string, unknown>[];
  calls: string[];
}

/**
 * A dockerode stand-in for one container: `exit` settles the wait (a code, or never until killed),
 * `startError` makes the start fail as the engine does for a missing executable.
 */
function fakeEngine(behaviour: { exit?: { code: number; oom?: boolean } | 'never'; startError?: string; log?: Buffer }): FakeEngine {
  const created: Record<string, unknown>[] = [];
  const calls: string[] = [];
  let killed: (() => void) | undefined;
  let exitCode = behaviour.exit === 'never' ? 137 : (behaviour.exit?.code ?? 0);
  const container = {
    id: 'c0ffee',
    async start() {
      calls.push('start');
      if (behaviour.startError) throw Object.assign(new Error('(HTTP code 400) unexpected'), { statusCode: 400, json: { message: behaviour.startError } });
    },
    wait() {
      calls.push('wait');
      if (behaviour.exit !== 'never') return Promise.resolve({ StatusCode: exitCode });
      return new Promise((resolve) => {
        killed = () => resolve({ StatusCode: 137 });
      });
    },
    async kill() {
      calls.push('kill');
      exitCode = 137;
      killed?.();
    },
    async inspect() {
      return { State: { ExitCode: exitCode, OOMKilled: behaviour.exit !== 'never' && behaviour.exit?.oom === true } };
    },
    async logs() {
      return behaviour.log ?? Buffer.alloc(0);
    },
    async remove(options: unknown) {
      calls.push(`remove ${JSON.stringify(options)}`);
    },
  };
  const docker = {
    async createContainer(spec: Record<string, unknown>) {
      created.push(spec);
      return container;
    },
    getContainer(idOrName: string) {
      calls.push(`get ${idOrName}`);
      return container;
    },
  } as unknown as Docker;
  return { docker, created, calls };
}

const OPTIONS: RunToCompletionOptions = { image: 'img:run', name: 'dockerlab-p1-x-program-plain', labels: { 'org.docker-lab.run': 'p1-x' }, timeoutMs: 5_000 };

describe('runToCompletion (on a fake engine)', () => {
  test('creates the container as `docker run --rm -e … IMAGE COMMAND` would: labels, env, CMD replaced, ENTRYPOINT kept, limits, no network', async () => {
    const engine = fakeEngine({ exit: { code: 0 }, log: Buffer.concat([frame(1, 'Bonjour Alice !\n')]) });
    const outcome = await runToCompletion(engine.docker, { ...OPTIONS, env: { WELCOME_NAME: 'Alice' }, command: ['python', '-c', 'print(1)'] });
    expect(outcome).toMatchObject({ state: 'exited', exitCode: 0, oomKilled: false, stdout: { text: 'Bonjour Alice !\n', truncated: false }, stderr: { text: '', truncated: false } });
    const [spec] = engine.created;
    expect(spec).toMatchObject({ Image: 'img:run', name: OPTIONS.name, Labels: OPTIONS.labels, Cmd: ['python', '-c', 'print(1)'], Env: ['WELCOME_NAME=Alice'], Tty: false, OpenStdin: false });
    expect(spec).not.toHaveProperty('Entrypoint');
    expect(spec!.HostConfig).toMatchObject({ NetworkMode: 'none', ...CONTAINER_LIMITS });
    expect(engine.calls.at(-1)).toBe('remove {"force":true,"v":true}');
  });

  test('without a command the image keeps its CMD', async () => {
    const engine = fakeEngine({ exit: { code: 0 } });
    await runToCompletion(engine.docker, OPTIONS);
    expect(engine.created[0]).not.toHaveProperty('Cmd');
  });

  test('a non-zero exit and an OOM kill are reported as the engine recorded them', async () => {
    const engine = fakeEngine({ exit: { code: 137, oom: true }, log: frame(2, 'Killed\n') });
    expect(await runToCompletion(engine.docker, OPTIONS)).toMatchObject({ state: 'exited', exitCode: 137, oomKilled: true, stderr: { text: 'Killed\n' } });
  });

  test('a program still running at the deadline is killed, reported as timed out with what it printed, and removed', async () => {
    const engine = fakeEngine({ exit: 'never', log: frame(1, 'Serving on 8000\n') });
    const start = Date.now();
    const outcome = await runToCompletion(engine.docker, { ...OPTIONS, timeoutMs: 200 });
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(outcome).toMatchObject({ state: 'timed-out', stdout: { text: 'Serving on 8000\n' } });
    expect(engine.calls).toContain('kill');
    expect(engine.calls.at(-1)).toBe('remove {"force":true,"v":true}');
  });

  test('a start the engine refuses (executable not found) is a start failure with its message, and the container is removed', async () => {
    const message = 'failed to create shim task: OCI runtime create failed: exec: "pythn": executable file not found in $PATH: unknown';
    const engine = fakeEngine({ startError: message });
    expect(await runToCompletion(engine.docker, OPTIONS)).toEqual({ state: 'start-failed', step: 'start', reason: message });
    expect(engine.calls.at(-1)).toBe('remove {"force":true,"v":true}');
  });

  test('an abort ends the wait at once and removes the container', async () => {
    const engine = fakeEngine({ exit: 'never' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const start = Date.now();
    expect(await runToCompletion(engine.docker, { ...OPTIONS, timeoutMs: 60_000, signal: abort.signal })).toEqual({ state: 'interrupted' });
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(engine.calls.at(-1)).toBe('remove {"force":true,"v":true}');
  });

  test('an already aborted signal creates nothing', async () => {
    const engine = fakeEngine({ exit: { code: 0 } });
    const abort = new AbortController();
    abort.abort();
    expect(await runToCompletion(engine.docker, { ...OPTIONS, signal: abort.signal })).toEqual({ state: 'interrupted' });
    expect(engine.created).toEqual([]);
  });
});
