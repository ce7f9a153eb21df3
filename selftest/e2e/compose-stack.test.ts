import { describe, expect, test } from 'vitest';
import { connectDocker, probeEngine } from '../../grader/src/docker/engine.ts';
import { newRunIdentity } from '../../grader/src/docker/labels.ts';
import { ComposeStack } from '../../grader/src/docker/compose/stack.ts';
import { pollUntil } from '../../grader/src/docker/wait/poll.ts';

const engineReady = (await probeEngine()).state === 'ready';

describe.skipIf(!engineReady)('a Compose stack on a real engine', () => {
  test('destroy removes the volumes its containers mounted, anonymous ones too (they carry no label)', { timeout: 90_000 }, async () => {
    const run = newRunIdentity();
    const docker = connectDocker();
    const stack = new ComposeStack(run.project, {
      name: run.project,
      services: {
        store: {
          image: 'python:3.13-slim',
          command: ['sleep', 'infinity'],
          init: true,
          labels: run.labels,
          volumes: [
            { type: 'volume', target: '/scratch' },
            { type: 'volume', source: 'kept', target: '/kept' },
          ],
        },
      },
      volumes: { kept: { labels: run.labels } },
    });
    try {
      const { result, stack: started } = await stack.up({ timeoutMs: 60_000 });
      expect(result.ok, result.stderr).toBe(true);
      const [id] = (await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${run.project}`] } })).map((c) => c.Id);
      const mounted = (await docker.getContainer(id!).inspect()).Mounts.flatMap((m) => (m.Type === 'volume' && m.Name ? [m.Name] : []));
      expect(mounted).toHaveLength(2);

      const down = await started.down({ timeoutMs: 60_000, stopTimeoutSeconds: 5 });
      expect(down.state).toBe('stopped');
      for (const name of mounted) await expect(docker.getVolume(name).inspect()).resolves.toMatchObject({ Name: name });

      await stack.destroy();
      for (const name of mounted) await expect(docker.getVolume(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await stack.destroy();
    }
  });

  test('a service is queried through the engine as `docker compose exec`, `port`, `ps` and `logs` would answer', { timeout: 90_000 }, async () => {
    const run = newRunIdentity();
    const stack = new ComposeStack(run.project, {
      name: run.project,
      services: {
        web: {
          image: 'python:3.13-slim',
          command: ['sh', '-c', 'echo started; exec python3 -m http.server 8000'],
          init: true,
          labels: run.labels,
          ports: [{ target: 8000, published: '0', host_ip: '127.0.0.1' }],
        },
        done: { image: 'python:3.13-slim', command: ['sh', '-c', 'exit 4'], labels: run.labels },
      },
    });
    try {
      const { result, stack: started } = await stack.up({ timeoutMs: 60_000 });
      expect(result.ok, result.stderr).toBe(true);
      const exec = await started.exec('web', ['sh', '-c', 'echo out; echo err >&2; exit 3'], 20_000);
      expect(exec).toMatchObject({ ok: false, exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
      expect(await started.exec('web', ['no-such-program'], 20_000)).toMatchObject({ ok: false, exitCode: 126 });
      expect(await started.exec('web', ['sleep', '5'], 500)).toMatchObject({ ok: false, timedOut: true });
      expect(await started.port('web', 8000)).toBeGreaterThan(0);
      expect(await started.logs('web')).toContain('started');
      expect(await started.isRunning('web')).toBe(true);
      expect(await started.has('nothing')).toBe(false);
      expect(await started.exec('nothing', ['true'], 20_000)).toMatchObject({ ok: false, stderr: 'service "nothing" is not running' });
      const done = await pollState(() => started.state('done'));
      expect(done).toMatchObject({ service: 'done', state: 'exited', exitCode: 4 });
      expect(await started.exec('done', ['true'], 20_000)).toMatchObject({ ok: false, stderr: 'service "done" is not running' });
    } finally {
      await stack.destroy();
    }
  });
});

/** The state once the service's container has exited (it exits at once; the deadline bounds the wait). */
async function pollState<T extends { state: string } | undefined>(read: () => Promise<T>): Promise<T> {
  const outcome = await pollUntil(async () => {
    const state = await read();
    return state?.state === 'exited' ? { done: true, value: state } : { done: false, seen: String(state?.state) };
  }, { timeoutMs: 20_000 });
  if (!outcome.ok) throw new Error(`the service did not exit: ${outcome.seen}`);
  return outcome.value;
}
