// `npm run bench`: how far the grader is from the raw Docker floor, on this machine, warm caches.
// (a) static-only grading of the reference solution (CLI, wall time);
// (b) full grading of it (in process, with the time spent per phase);
// (c) the same Docker work done with the plain docker CLI (selftest/support/raw-floor.ts).
// Several runs each; prints medians and the ratio (b)/(c). A script, not a test.
import { execa } from 'execa';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { grade } from '../grader/src/run/grade.ts';
import { loadRubric } from '../grader/src/rubric/rubric.ts';
import { rawDockerFloor } from '../selftest/support/raw-floor.ts';
import { REFERENCE_DIR } from '../selftest/support/submission.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLI = fileURLToPath(new URL('../grader/src/cli.ts', import.meta.url));
process.env.DOCKER_LAB_BUILD_NETWORK ??= 'none';

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timeIt<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await body();
  return { ms: performance.now() - start, value };
}

const rubric = await loadRubric();
const staticRuns: number[] = [];
const fullRuns: number[] = [];
const floorRuns: number[] = [];
const phaseTotals = new Map<string, number[]>();
const floorPhases = new Map<string, number[]>();

process.stdout.write(`bench: ${RUNS} runs each after one warm-up; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
for (let i = 0; i <= RUNS; i++) {
  const a = await timeIt(() => execa('node', ['--experimental-strip-types', '--no-warnings', CLI, REFERENCE_DIR, '--static-only'], { stdin: 'ignore' }));
  const phases = new Map<string, number>();
  const b = await timeIt(() =>
    grade(REFERENCE_DIR, {
      rubric,
      onPhase: (phase, event) => phases.set(phase, event === 'start' ? performance.now() : performance.now() - (phases.get(phase) ?? 0)),
    }),
  );
  if (b.value.score !== b.value.maxScore) throw new Error(`the reference scored ${b.value.score}/${b.value.maxScore}`);
  const c = await timeIt(() => rawDockerFloor(REFERENCE_DIR));
  if (i === 0) continue; // warm-up
  staticRuns.push(a.ms);
  fullRuns.push(b.ms);
  floorRuns.push(c.ms);
  for (const [phase, ms] of phases) phaseTotals.set(phase, [...(phaseTotals.get(phase) ?? []), ms]);
  for (const [phase, ms] of Object.entries(c.value.phases)) floorPhases.set(phase, [...(floorPhases.get(phase) ?? []), ms]);
  process.stdout.write(`  run ${i}: static ${seconds(a.ms)}, full ${seconds(b.ms)}, floor ${seconds(c.ms)}\n`);
}

const a = median(staticRuns);
const b = median(fullRuns);
const c = median(floorRuns);
process.stdout.write(
  [
    '',
    `(a) static-only grading (CLI):   median ${seconds(a)}   target ≤ 1.50 s  ${a <= 1500 ? 'OK' : 'MISSED'}`,
    `(b) full grading:                median ${seconds(b)}`,
    `(c) raw Docker floor:            median ${seconds(c)}`,
    `(b)/(c) = ${(b / c).toFixed(2)}   target ≤ 1.15  ${b / c <= 1.15 ? 'OK' : 'MISSED'}`,
    '',
    'Where the grader spends its time (median per phase; container and stack phases run side by side):',
    ...[...phaseTotals].map(([phase, values]) => `  ${phase.padEnd(12)} ${seconds(median(values))}`),
    'Raw floor phases (sequential):',
    ...[...floorPhases].map(([phase, values]) => `  ${phase.padEnd(12)} ${seconds(median(values))}`),
    '',
  ].join('\n'),
);
