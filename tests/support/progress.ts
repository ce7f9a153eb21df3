import { progressMode, ProgressRenderer } from '../../grader/src/output/progress.ts';

const KEY = Symbol.for('docker-lab-autograder.npm-test-progress');
/** Set by tests/support/npm-test.mjs (`npm test`) when it printed the `prepare` line: the run's start. */
const LAUNCHED = Symbol.for('docker-lab-autograder.npm-test-started');

/**
 * The progress of `npm test`, shared by the reporter (which starts it as vitest starts, and stops it
 * before the report) and the global setup (which grades): both run in vitest's main process, but
 * vitest loads them as separate module instances, so the one renderer lives on `globalThis`. It
 * writes to stdout, the reporter's stream (in Actions, inside its stop-commands block).
 */
export function npmTestProgress(): ProgressRenderer {
  const holder = globalThis as { [KEY]?: ProgressRenderer; [LAUNCHED]?: number };
  const launched = holder[LAUNCHED];
  holder[KEY] ??= new ProgressRenderer({
    mode: progressMode(process.stdout, process.env),
    write: (text) => process.stdout.write(text),
    columns: process.stdout.columns,
    ...(launched ? { startedAt: launched, announced: ['prepare' as const] } : {}),
  }).start();
  return holder[KEY];
}
