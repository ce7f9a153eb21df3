import { describe, expect, test } from 'vitest';
import { connectDocker, probeEngine } from '../../grader/src/docker/engine.ts';
import { newRunIdentity } from '../../grader/src/docker/labels.ts';
import { ComposeStack } from '../../grader/src/docker/compose/stack.ts';

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
});
