// `npm run bench`: how far the grader is from the raw Docker floor, on this machine, warm caches.
// (a) static-only grading of the reference solution (`npm run grade`'s command, cold process, quiet machine,
//     wall time; from the prebuilt grader, built first as `npm run build` does);
// (b) full grading of it (in process, with the time spent per phase);
// (c) the same Docker work done with the plain docker CLI (selftest/support/raw-floor.ts);
// (d) `npm test` in the untouched student template (exported with its prebuilt grader).
// The four alternate within each run, each started once the machine is quiet again (what the
// previous one left running is not timed); prints medians and the ratio (b)/(c). A script, not a test.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grade } from '../grader/src/run/grade.ts';
import { pollUntil } from '../grader/src/docker/wait/poll.ts';
import { loadRubric } from '../grader/src/rubric/rubric.ts';
import { GRADER_ROOT } from '../grader/src/location.ts';
import { exportTemplate } from '../grader/src/export/template.ts';
import { addTemplatePrebuilt, buildPrebuilt, LOCAL_PREBUILT_DIR } from '../grader/src/export/prebuilt.ts';
import { rawDockerFloor } from '../selftest/support/raw-floor.ts';
import { REFERENCE_DIR } from '../selftest/support/submission.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LAUNCHER = fileURLToPath(new URL('../grader/grade.mjs', import.meta.url));
process.env.DOCKER_LAB_BUILD_NETWORK ??= 'none';
const TARGETS = { staticMs: 500, fullOverFloor: 0.6, templateTestMs: 5000 };

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Busy and total CPU time of the machine so far (/proc/stat, in clock ticks). */
async function cpuTicks(): Promise<{ busy: number; total: number }> {
  const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is quiet again (under SETTLED_BUSY of its CPUs busy for SETTLED_FOR_MS)
 * before a measure starts, so that what the previous measure left running (the engine removing
 * containers, a test runner's workers exiting) is not timed as the next one's. Bounded: after
 * SETTLE_DEADLINE_MS the measure starts anyway and the bench says how busy the machine was.
 */
const SETTLED_BUSY = 0.15;
/** How long the machine must stay that quiet: a few seconds of heavy work leave it slower for a moment (seen after the template's npm test). */
const SETTLED_FOR_MS = 2_000;
const SETTLE_DEADLINE_MS = 20_000;
const unsettled: string[] = [];
async function settle(what: string): Promise<void> {
  let quietSince: number | undefined;
  const outcome = await pollUntil(
    async () => {
      const before = await cpuTicks();
      await setTimeout(250);
      const after = await cpuTicks();
      const busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
      if (busy >= SETTLED_BUSY) quietSince = undefined;
      else quietSince ??= performance.now() - 250;
      return quietSince !== undefined && performance.now() - quietSince >= SETTLED_FOR_MS ? { done: true, value: busy } : { done: false, seen: `${Math.round(busy * 100)} % busy` };
    },
    { timeoutMs: SETTLE_DEADLINE_MS, intervalMs: 0 },
  );
  if (!outcome.ok) unsettled.push(`${what}: ${outcome.seen}`);
}

async function timeIt<T>(what: string, body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await settle(what);
  const start = performance.now();
  const value = await body();
  return { ms: performance.now() - start, value };
}

await buildPrebuilt(join(GRADER_ROOT, LOCAL_PREBUILT_DIR));
const template = await mkdtemp(join(tmpdir(), 'bench-template-'));
await exportTemplate(template);
await addTemplatePrebuilt(template);
await symlink(join(GRADER_ROOT, 'node_modules'), join(template, 'node_modules'));
process.on('exit', () => void rm(template, { recursive: true, force: true }));

const rubric = await loadRubric();
const templateRuns: number[] = [];
const staticRuns: number[] = [];
const staticAfterTestRuns: number[] = [];
const fullRuns: number[] = [];
const floorRuns: number[] = [];
const phaseTotals = new Map<string, number[]>();
const floorPhases = new Map<string, number[]>();

process.stdout.write(`bench: ${RUNS} runs each after one warm-up; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(1)}\n`);
const staticGrade = () => execa('node', ['--experimental-strip-types', '--no-warnings', LAUNCHER, REFERENCE_DIR, '--static-only'], { stdin: 'ignore' });
// (a) in a block of its own, before any Docker or npm work: a cold process on a quiet machine. The
// same run right after the template's npm test (a few seconds of vitest on every core) is slower
// by about a quarter for a while, whatever the wait (not the compile cache, no process left
// running, the CPUs idle): it is printed too, as (a').
for (let i = 0; i <= RUNS; i++) {
  const a = await timeIt('static', staticGrade);
  if (i > 0) staticRuns.push(a.ms);
}
for (let i = 0; i <= RUNS; i++) {
  const a = await timeIt('static', staticGrade);
  const phases = new Map<string, number>();
  const b = await timeIt('full', () =>
    grade(REFERENCE_DIR, {
      rubric,
      onPhase: (phase, event) => phases.set(phase, event === 'start' ? performance.now() : performance.now() - (phases.get(phase) ?? 0)),
    }),
  );
  if (b.value.score !== b.value.maxScore) throw new Error(`the reference scored ${b.value.score}/${b.value.maxScore}`);
  const c = await timeIt('floor', () => rawDockerFloor(REFERENCE_DIR));
  // The untouched template misses points: npm test exits 1, as it does for a student.
  const d = await timeIt('template', () => execa('npm', ['test', '--silent'], { cwd: template, stdin: 'ignore', reject: false, env: { GITHUB_ACTIONS: '' } }));
  if (d.value.exitCode !== 1) throw new Error(`npm test in the untouched template exited with ${d.value.exitCode}: ${d.value.stderr}`);
  if (i === 0) continue; // warm-up
  templateRuns.push(d.ms);
  staticAfterTestRuns.push(a.ms);
  fullRuns.push(b.ms);
  floorRuns.push(c.ms);
  for (const [phase, ms] of phases) phaseTotals.set(phase, [...(phaseTotals.get(phase) ?? []), ms]);
  for (const [phase, ms] of Object.entries(c.value.phases)) floorPhases.set(phase, [...(floorPhases.get(phase) ?? []), ms]);
  process.stdout.write(`  run ${i}: static after npm test ${seconds(a.ms)}, full ${seconds(b.ms)}, floor ${seconds(c.ms)}, template npm test ${seconds(d.ms)}\n`);
}

const a = median(staticRuns);
const b = median(fullRuns);
const c = median(floorRuns);
const d = median(templateRuns);
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');
process.stdout.write(
  [
    '',
    `(a) static-only grading (CLI):   median ${seconds(a)}   target ≤ ${seconds(TARGETS.staticMs)}  ${verdict(a <= TARGETS.staticMs)}   (${staticRuns.map((ms) => seconds(ms)).join(', ')})`,
    `(a') the same, right after (d):  median ${seconds(median(staticAfterTestRuns))}`,
    `(b) full grading:                median ${seconds(b)}`,
    `(c) raw Docker floor:            median ${seconds(c)}`,
    `(b)/(c) = ${(b / c).toFixed(2)}   target ≤ ${TARGETS.fullOverFloor}  ${verdict(b / c <= TARGETS.fullOverFloor)}`,
    `(d) untouched template npm test: median ${seconds(d)}   target ≤ ${seconds(TARGETS.templateTestMs)}  ${verdict(d <= TARGETS.templateTestMs)}`,
    '',
    'Where the grader spends its time (median per phase; container and stack phases run side by side):',
    ...[...phaseTotals].map(([phase, values]) => `  ${phase.padEnd(12)} ${seconds(median(values))}`),
    'Raw floor phases (sequential):',
    ...[...floorPhases].map(([phase, values]) => `  ${phase.padEnd(12)} ${seconds(median(values))}`),
    ...(unsettled.length > 0 ? ['', `Measures started on a busy machine (not quiet within ${SETTLE_DEADLINE_MS / 1000} s):`, ...unsettled.map((line) => `  ${line}`)] : []),
    '',
  ].join('\n'),
);
