import { execa } from 'execa';
import { connectDocker, probeEngine } from '../../grader/src/docker/engine.ts';
import { processAlive, sweepOrphans } from '../../grader/src/docker/cleanup/reaper.ts';
import { PID_LABEL } from '../../grader/src/docker/labels.ts';

/**
 * Every container, volume and custom network on the engine, labelled or not, except those of
 * grading runs whose process is still alive (another grading run on the same engine, not ours:
 * our test workers have exited when the teardown looks).
 */
async function snapshot(): Promise<Set<string>> {
  const list = async (args: string[], kind: string) =>
    (await execa('docker', [...args, '--format', `{{.${kind === 'volume' ? 'Name' : 'ID'}}} {{.Label "${PID_LABEL}"}}`], { stdin: 'ignore' })).stdout
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        const [id, pid] = line.split(' ');
        return pid && processAlive(Number(pid)) ? [] : [`${kind} ${id}`];
      });
  const parts = await Promise.all([
    list(['ps', '-a', '--no-trunc'], 'container'),
    list(['volume', 'ls'], 'volume'),
    list(['network', 'ls', '--no-trunc', '--filter', 'type=custom'], 'network'),
  ]);
  return new Set(parts.flat());
}

/**
 * Global setup of the self-tests: remembers what the engine held before the run. Teardown (the test
 * workers have exited): sweeps what dead grading runs left, then fails the run if any container,
 * volume or network appeared during it and is still there — labelled or not.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if ((await probeEngine()).state !== 'ready') return undefined;
  const before = await snapshot();
  return async () => {
    const swept = await sweepOrphans(connectDocker());
    if (swept.length > 0) process.stderr.write(`selftest teardown swept leftovers of runs ${swept.join(', ')}\n`);
    const left = [...(await snapshot())].filter((item) => !before.has(item));
    if (left.length > 0) throw new Error(`the self-tests left Docker resources behind: ${left.join(', ')}`);
  };
}
