// Resource hogs (issue 8, item 3): a build that never ends, a container that forks without bound,
// fills its memory or floods its logs. Grading ends within its deadlines with a verdict that says
// what happened, the containers run under memory/pids/CPU limits, and logs are read with a bound.
import { execa } from 'execa';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult } from '../../grader/src/model/result.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';
import { PID_LABEL } from '../../grader/src/docker/labels.ts';
import { pollUntil } from '../../grader/src/docker/wait/poll.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { loadRubric, type RubricSettings } from '../../grader/src/rubric/rubric.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import { makeSubmission, type Overlay } from '../support/submission.ts';

const engine = await probeEngine();
const rubric = await loadRubric();
const MB = 1024 * 1024;
/** Slack for engine round trips, teardown and a busy machine: a correctness bound, not a benchmark. */
const MARGIN_MS = 30_000;

// Retained memory is measured after a forced collection: garbage the grader already let go of
// does not count, what it keeps (every event of a build stream, a whole log) does.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Grades `overlay` with short deadlines, sampling the grader's retained memory while it runs. */
async function gradeHog(overlay: Overlay, only: CriterionId[], settings: Partial<RubricSettings>) {
  const sub = await makeSubmission(overlay);
  const heapBefore = retainedHeap();
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, retainedHeap())), 250);
  const start = Date.now();
  try {
    const report = await grade(sub.dir, { only, rubric: { ...rubric, settings: { ...rubric.settings, ...settings } } });
    const byId = new Map(report.criteria.map((c) => [c.id, c])) as Map<CriterionId, CriterionResult>;
    return { byId, elapsedMs: Date.now() - start, heapGrowth: heapPeak - heapBefore };
  } finally {
    clearInterval(sampler);
    await sub.cleanup();
  }
}

const app = (body: string) => `${reference.app}\n${body}\n`;

describe.skipIf(engine.state !== 'ready')('resource hogs end within the deadlines with a verdict', { timeout: 300_000 }, () => {
  test('a build that loops forever is stopped at the build deadline, naming the step', async () => {
    const dockerfile = reference.dockerfile.replace('WORKDIR /app\n', 'WORKDIR /app\nRUN while true; do :; done\n');
    const { byId, elapsedMs } = await gradeHog({ 'starter/Dockerfile': dockerfile }, ['image.build', 'container.health', 'stack.up'], { buildTimeoutSeconds: 15 });
    const build = byId.get('image.build')!;
    expect(build.status).toBe('fail');
    expect(build.message).toMatch(/n'a pas fini en 15 s et a été arrêtée à l'étape \d+\/\d+ \(`RUN while true; do :; done`\)/);
    expect(dockerfile.split('\n')[build.line! - 1]).toBe('RUN while true; do :; done');
    expect(byId.get('container.health')!.message).toMatch(/image\.build/);
    expect(elapsedMs).toBeLessThan(15_000 + MARGIN_MS);
    // BuildKit cancelled the step: no process of that RUN is left running (BuildKit runs steps outside
    // `docker ps`, so the host's process table is read; the engine under test runs on this host).
    const loopGone = await pollUntil(
      async () => {
        const { stdout } = await execa('ps', ['-eo', 'args'], { stdin: 'ignore' });
        return stdout.includes('while true; do :; done') ? { done: false, seen: 'the RUN loop is still running' } : { done: true, value: true };
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(loopGone.ok, loopGone.ok ? '' : loopGone.seen).toBe(true);
  });

  test('a build that prints hundreds of megabytes does not grow the grader with it', async () => {
    const flood = 'RUN head -c 300000000 /dev/zero | tr "\\\\0" "A"; echo; for i in $(seq 1 20000); do echo "line $i"; done; exit 3';
    const dockerfile = reference.dockerfile.replace('WORKDIR /app\n', `WORKDIR /app\n${flood}\n`);
    const { byId, elapsedMs, heapGrowth } = await gradeHog({ 'starter/Dockerfile': dockerfile }, ['image.build'], { buildTimeoutSeconds: 60 });
    const build = byId.get('image.build')!;
    expect(build.status).toBe('fail');
    expect(build.message).toMatch(/étape \d+\/\d+|n'a pas fini/);
    expect(build.excerpt!.length).toBeLessThan(64 * 1024);
    expect(heapGrowth).toBeLessThan(64 * MB);
    expect(elapsedMs).toBeLessThan(60_000 + MARGIN_MS);
  });

  test('a fork bomb is held by the pids limit; the Compose services run under the limits too', async () => {
    // Every process forks again; at the limit, fork fails and they retry gently.
    const forkBomb = app('import os, time\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.05)');
    const settings = { startupTimeoutSeconds: 15, stackTimeoutSeconds: 60 };
    const seen = new Map<string, Record<string, unknown>>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const { stdout } = await execa('docker', ['ps', '-q', '--filter', `label=${PID_LABEL}=${process.pid}`], { stdin: 'ignore', reject: false });
        for (const id of stdout.split('\n').filter((line) => line && !seen.has(line))) {
          const inspect = await execa('docker', ['inspect', '--format', '{{json .}}', id], { stdin: 'ignore', reject: false });
          if (inspect.exitCode === 0) seen.set(id, JSON.parse(inspect.stdout) as Record<string, unknown>);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    let result: Awaited<ReturnType<typeof gradeHog>>;
    try {
      result = await gradeHog({ 'starter/app.py': forkBomb }, ['image.build', 'container.health', 'container.graceful-stop', 'stack.up', 'stack.psql'], settings);
    } finally {
      watching = false;
      await watcher;
    }
    const { byId, elapsedMs } = result;
    expect(byId.get('image.build')!.status).toBe('pass');
    const health = byId.get('container.health')!;
    expect(health.status).toBe('fail');
    expect(health.message).toMatch(/limite de 256 processus et \/health ne répond pas en 15 s/);
    expect(byId.get('stack.up')!.status).toBe('fail');
    expect(byId.get('stack.psql')!.status).toBe('pass');
    // The grader's own deadlines on this path: build (cached), container start-up, and the stack's
    // up, start-up and psql waits.
    expect(elapsedMs).toBeLessThan(settings.stackTimeoutSeconds * 1000 + 3 * settings.startupTimeoutSeconds * 1000 + MARGIN_MS);

    const hostConfigs = [...seen.values()].map((c) => ({ compose: Boolean((c.Config as { Labels: Record<string, string> }).Labels['com.docker.compose.project']), host: c.HostConfig as Record<string, unknown> }));
    const direct = hostConfigs.filter((c) => !c.compose);
    const compose = hostConfigs.filter((c) => c.compose);
    expect(direct.length).toBe(1);
    expect(compose.length).toBeGreaterThanOrEqual(2);
    expect(direct[0]!.host).toMatchObject({ Memory: 512 * MB, PidsLimit: 256, NanoCpus: 1e9, LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } } });
    for (const { host } of compose) {
      expect(host).toMatchObject({ Memory: 1024 * MB, PidsLimit: 512, NanoCpus: 1e9, RestartPolicy: { Name: 'no' }, LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } } });
      expect(host.Privileged).toBe(false);
    }
  });

  test('a container that fills its memory is OOM-killed and the verdict says so', async () => {
    const hog = app('hoard = []\nwhile True:\n    hoard.append(b"x" * 50_000_000)');
    const { byId, elapsedMs } = await gradeHog({ 'starter/app.py': hog, 'docker-compose.yml': null }, ['container.health'], { startupTimeoutSeconds: 30 });
    const health = byId.get('container.health')!;
    expect(health.status).toBe('fail');
    expect(health.message).toMatch(/tué par manque de mémoire \(code de sortie 137, limite de 512 Mo\)/);
    expect(elapsedMs).toBeLessThan(30_000 + MARGIN_MS);
  });

  test('a log flood is read with a bound: the excerpt stays small and the grader does not grow', async () => {
    const flood = app('import sys, time\nwhile True:\n    sys.stdout.write("A" * 1_000_000 + "\\n")\n    sys.stdout.flush()\n    time.sleep(0.2)');
    const { byId, elapsedMs, heapGrowth } = await gradeHog({ 'starter/app.py': flood, 'docker-compose.yml': null }, ['container.health'], { startupTimeoutSeconds: 15 });
    const health = byId.get('container.health')!;
    expect(health.status).toBe('fail');
    expect(health.message).toMatch(/ne répond pas en 15 s/);
    expect(health.excerpt!.length).toBeLessThanOrEqual(64 * 1024);
    expect(health.excerpt).toMatch(/^A+/);
    expect(heapGrowth).toBeLessThan(64 * MB);
    expect(elapsedMs).toBeLessThan(15_000 + MARGIN_MS);
  });
});
