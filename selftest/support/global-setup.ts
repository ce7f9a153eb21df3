import { connectDocker, probeEngine } from '../../grader/src/docker/engine.ts';
import { sweepOrphans } from '../../grader/src/docker/cleanup/reaper.ts';

/**
 * Global setup of the self-tests. Teardown: the test workers have exited by then, so whatever a
 * worker's grading run left (it should leave nothing) belongs to a dead process and is swept.
 */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {
    if ((await probeEngine()).state !== 'ready') return;
    const swept = await sweepOrphans(connectDocker());
    if (swept.length > 0) process.stderr.write(`selftest teardown swept leftovers of runs ${swept.join(', ')}\n`);
  };
}
