import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/**
 * A bounded CPU load of our own: `threads` worker threads that spin until `stop()` or until
 * `maxMs` has passed, whichever comes first (a test that dies mid-way leaves no spinner behind
 * for long). The threads are this process's: stop() terminates them.
 */
export interface CpuLoad {
  stop(): Promise<void>;
}

const SPIN = `
const { workerData } = require('node:worker_threads');
let x = 0;
while (Date.now() < workerData.until) for (let i = 0; i < 1e6; i++) x = (x + i) % 7919;
`;

export function startCpuLoad(options: { threads?: number; maxMs: number }): CpuLoad {
  const until = Date.now() + options.maxMs;
  const workers = Array.from({ length: options.threads ?? availableParallelism() }, () => new Worker(SPIN, { eval: true, workerData: { until } }));
  return {
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Busy and total jiffies of all the host's CPUs (Linux /proc/stat), to show the load was real. */
export async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const idleAll = idle! + iowait!;
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idleAll };
}

/** Fraction of the host's CPU time spent busy between two `cpuTimes()` readings. */
export function busyFraction(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}
