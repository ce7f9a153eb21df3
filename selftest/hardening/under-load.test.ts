// Timing-sensitive checks with the CPU busy (issue 22): with every core of the host spinning
// (a bounded load of our own), a correct exec-form PID 1 still passes container.graceful-stop,
// a shell-form CMD whose PID 1 ignores SIGTERM still fails it, and a fork bomb still gets the
// pids-limit verdict whatever the engine's stats take to answer (the count is sampled during the
// wait for /health, not once after it).
import { afterEach, describe, expect, test } from 'vitest';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult } from '../../grader/src/model/result.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { loadRubric, type RubricSettings } from '../../grader/src/rubric/rubric.ts';
import { replaceOnce } from '../../grader/src/lab/testing.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import { busyFraction, cpuTimes, startCpuLoad, type CpuLoad } from '../support/cpu-load.ts';
import { makeSubmission, type Overlay } from '../support/submission.ts';

const engine = await probeEngine();
const rubric = await loadRubric();
/** Upper bound of one test's load: the spinners end by themselves after it, whatever happens. */
const LOAD_MAX_MS = 150_000;
/** The host's CPUs were busy at least this much while a grade ran under load. */
const BUSY_AT_LEAST = 0.9;

let load: CpuLoad | undefined;
afterEach(async () => {
  await load?.stop();
  load = undefined;
});

/** Grades `overlay` (no Compose file: the container phase alone) with every core spinning. */
async function gradeUnderLoad(overlay: Overlay, only: CriterionId[], settings: Partial<RubricSettings> = {}) {
  const sub = await makeSubmission({ 'docker-compose.yml': null, ...overlay });
  try {
    load = startCpuLoad({ maxMs: LOAD_MAX_MS });
    const before = await cpuTimes();
    const report = await grade(sub.dir, { only, rubric: { ...rubric, settings: { ...rubric.settings, ...settings } } });
    const busy = busyFraction(before, await cpuTimes());
    await load.stop();
    return { byId: new Map(report.criteria.map((c) => [c.id, c])) as Map<CriterionId, CriterionResult>, busy };
  } finally {
    await sub.cleanup();
  }
}

describe.skipIf(engine.state !== 'ready')('timing-sensitive checks hold with the CPU busy', { timeout: 240_000 }, () => {
  test('a correct exec-form PID 1 passes container.graceful-stop', async () => {
    const { byId, busy } = await gradeUnderLoad({}, ['image.build', 'container.health', 'container.graceful-stop']);
    expect(busy).toBeGreaterThanOrEqual(BUSY_AT_LEAST);
    expect(byId.get('container.health')!.status).toBe('pass');
    const stop = byId.get('container.graceful-stop')!;
    expect(stop.status, stop.message).toBe('pass');
  });

  test('a shell-form CMD whose PID 1 ignores SIGTERM still fails it, killed at the grace period', async () => {
    const dockerfile = replaceOnce(reference.dockerfile, /^CMD \[.*\]$/m, 'CMD uvicorn app:app --host 0.0.0.0 --port 8000');
    const { byId, busy } = await gradeUnderLoad({ 'starter/Dockerfile': dockerfile }, ['image.build', 'container.health', 'container.graceful-stop']);
    expect(busy).toBeGreaterThanOrEqual(BUSY_AT_LEAST);
    const stop = byId.get('container.graceful-stop')!;
    expect(stop.status).toBe('fail');
    expect(stop.message).toMatch(/a dû tuer le conteneur : le processus principal \(PID 1\) ignore SIGTERM/);
  });

  // A fork bomb of shells: each one forks two more and waits, so the count stays at the limit.
  // (A Python fork bomb, starved, copies its memory faster than it forks: the memory limit culls
  // its children, 1 → 7 → 1 processes were seen, and that is no pids verdict.) The app never
  // answers: Python sleeps after starting the bomb, before the API exists. Starved, Python takes
  // seconds to reach the bomb and the shells fork at tens a second (seen: 150 processes after
  // 15 s): the wait is 30 s.
  test('a fork bomb gets the pids-limit verdict', async () => {
    const forkBomb = `import os, time\nos.system("f() { f & f & wait; }; f")\nwhile True:\n    time.sleep(1)\n${reference.app}`;
    const { byId, busy } = await gradeUnderLoad({ 'starter/app.py': forkBomb }, ['image.build', 'container.health'], { startupTimeoutSeconds: 30 });
    expect(busy).toBeGreaterThanOrEqual(BUSY_AT_LEAST);
    const health = byId.get('container.health')!;
    expect(health.status).toBe('fail');
    expect(health.message).toMatch(/limite de 256 processus et \/health ne répond pas en 30 s/);
  });
});
