import { execa } from 'execa';
import { connectDocker, probeEngine } from '../../grader/src/docker/engine.ts';
import { sweepOrphans } from '../../grader/src/docker/cleanup/reaper.ts';

/** Every container, volume and custom network on the engine, labelled or not. */
async function snapshot(): Promise<Set<string>> {
  const list = async (args: string[], kind: string) =>
    (await execa('docker', args, { stdin: 'ignore' })).stdout.split('\n').filter(Boolean).map((id) => `${kind} ${id}`);
  const parts = await Promise.all([
    list(['ps', '-aq', '--no-trunc'], 'container'),
    list(['volume', 'ls', '-q'], 'volume'),
    list(['network', 'ls', '-q', '--no-trunc', '--filter', 'type=custom'], 'network'),
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
