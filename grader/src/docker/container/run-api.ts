import type Docker from 'dockerode';
import { waitForHealthy, type HttpReadiness } from '../wait/health.ts';
import { pollUntil } from '../wait/poll.ts';
import { lastLogLines } from './logs.ts';
import { CONTAINER_LIMITS } from './limits.ts';
import type { StopObservation } from './stop-time.ts';


export type HealthObservation =
  | { state: 'healthy'; elapsedMs: number }
  | { state: 'start-failed'; reason: string }
  | { state: 'exited'; exitCode: number; oomKilled: boolean; logs: string; elapsedMs: number }
  | { state: 'bad-answer'; status: number; body: string; logs: string; elapsedMs: number }
  | { state: 'no-answer'; seen: string; logs: string; elapsedMs: number; pidsAtLimit: boolean }
  | { state: 'loopback-only'; logs: string; elapsedMs: number };


export interface ApiContainer {
  id: string;
  hostPort: number;
}

/** Starts the built image with container port `port` published on an ephemeral 127.0.0.1 port. */
export async function startApiContainer(
  docker: Docker,
  options: { image: string; name: string; labels: Record<string, string>; port: number },
): Promise<ApiContainer> {
  const exposed = `${options.port}/tcp`;
  const container = await docker.createContainer({
    Image: options.image,
    name: options.name,
    Labels: options.labels,
    ExposedPorts: { [exposed]: {} },
    HostConfig: {
      PortBindings: { [exposed]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
      ...CONTAINER_LIMITS,
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } },
    },
  });
  await container.start();
  return { id: container.id, hostPort: await publishedPort(docker, container.id, options.port) };
}

/** The 127.0.0.1 port the engine published for container port `port` (0 when none). */
async function publishedPort(docker: Docker, id: string, port: number): Promise<number> {
  const info = await docker.getContainer(id).inspect();
  const hostPort = Number(info.NetworkSettings.Ports?.[`${port}/tcp`]?.[0]?.HostPort);
  return Number.isInteger(hostPort) ? hostPort : 0;
}

/** Starts a stopped API container again; the engine may publish it on another ephemeral port. */
export async function restartApiContainer(docker: Docker, api: ApiContainer, port: number): Promise<ApiContainer> {
  await docker.getContainer(api.id).start();
  return { id: api.id, hostPort: await publishedPort(docker, api.id, port) };
}

/** Waits for the container to be ready as `readiness` says, saying what was seen when it is not. */
export async function waitForHealth(
  docker: Docker,
  api: ApiContainer,
  readiness: HttpReadiness,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HealthObservation> {
  let exitCode: number | undefined;
  let oomKilled = false;
  const pids = watchPids(docker, api.id);
  const outcome = await waitForHealthy(
    {
      port: async () => api.hostPort,
      stopped: async () => {
        const state = (await docker.getContainer(api.id).inspect()).State;
        if (state.Running) return undefined;
        exitCode = state.ExitCode;
        oomKilled = state.OOMKilled === true;
        return `exited with code ${state.ExitCode}`;
      },
      logs: () => lastLogLines(docker, api.id, 50),
    },
    readiness,
    timeoutMs,
    signal,
  ).catch((error: unknown) => {
    pids.stop();
    throw error;
  });
  if (outcome.state !== 'no-answer') pids.stop();
  if (outcome.state === 'healthy') return { state: 'healthy', elapsedMs: outcome.elapsedMs };
  const logs = await lastLogLines(docker, api.id);
  switch (outcome.state) {
    case 'stopped':
      return { state: 'exited', exitCode: exitCode ?? -1, oomKilled, logs, elapsedMs: outcome.elapsedMs };
    case 'loopback-only':
      return { state: 'loopback-only', logs, elapsedMs: outcome.elapsedMs };
    case 'bad-answer':
      return { state: 'bad-answer', status: outcome.status, body: outcome.body, logs, elapsedMs: outcome.elapsedMs };
    case 'no-answer':
      return { state: 'no-answer', seen: outcome.seen, logs, elapsedMs: outcome.elapsedMs, pidsAtLimit: atPidsLimit(await pids.peak()) };
  }
}

/**
 * Whether the app's server was seen running and answering HTTP on its port, whatever its health path
 * returned (a 500 or a wrong body is still a live server whose stop can be timed): the condition
 * for judging container.graceful-stop. A crash or a port that never answered is not.
 */
export function answersHttp(health: HealthObservation | { state: 'not-built' }): boolean {
  return health.state === 'healthy' || health.state === 'bad-answer';
}

/**
 * Times `docker stop` of a container still running (a crashed one "stops" in no time and proves
 * nothing); the grace period is a bit over the limit.
 */
export async function timeGracefulStop(docker: Docker, api: ApiContainer, limitSeconds: number): Promise<StopObservation> {
  const container = docker.getContainer(api.id);
  try {
    if (!(await container.inspect()).State.Running) return { state: 'not-judged', reason: 'not-running' };
  } catch (error) {
    return { state: 'stop-failed', reason: (error as Error).message };
  }
  const start = Date.now();
  try {
    await container.stop({ t: Math.ceil(limitSeconds) + 1 });
  } catch (error) {
    return { state: 'stop-failed', reason: (error as Error).message };
  }
  const wallMs = Date.now() - start;
  const { ExitCode: exitCode, FinishedAt: finishedAt } = (await container.inspect()).State;
  // The engine's own record of when PID 1 ended: what the engine does after that (network and
  // mount teardown, slow on a loaded machine) is not the student's shutdown time. The wall time
  // stays the bound when the engine's clock disagrees with ours (a remote engine).
  const engineMs = Date.parse(finishedAt) - start;
  const durationMs = Number.isFinite(engineMs) && engineMs >= 0 && engineMs < wallMs ? engineMs : wallMs;
  return { state: 'stopped', durationMs, exitCode, engineLagMs: wallMs - durationMs };
}

/** How often the pids count is sampled while the grader waits for /health. */
const PIDS_SAMPLE_INTERVAL_MS = 1_000;

/** One pids count of the container (`one-shot`: no second CPU sample), undefined when none came. */
async function pidsNow(docker: Docker, id: string): Promise<number | undefined> {
  try {
    const stats = (await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false })) as { pids_stats?: { current?: number } };
    const current = stats.pids_stats?.current;
    return typeof current === 'number' && current > 0 ? current : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples the container's pids count while the grader waits for it, and keeps the highest. Whether
 * the processes filled the pids limit (a fork bomb, or threads without bound) is then read from that
 * peak, not from one stats call after the wait: a starved engine that answers late, or a count
 * that dips as processes die, does not lose the verdict. `peak()` ends the sampling and takes one
 * last sample unless the limit was already seen; `stop()` ends it without waiting.
 */
function watchPids(docker: Docker, id: string): { stop: () => void; peak: () => Promise<number> } {
  let peak = 0;
  const done = new AbortController();
  const sampling = pollUntil<never>(
    async () => {
      const current = await pidsNow(docker, id);
      if (current !== undefined) peak = Math.max(peak, current);
      return { done: false, seen: `${peak} processes at most` };
    },
    { timeoutMs: Number.POSITIVE_INFINITY, intervalMs: PIDS_SAMPLE_INTERVAL_MS, signal: done.signal },
  );
  return {
    stop: () => done.abort(),
    async peak() {
      done.abort();
      await sampling;
      if (!atPidsLimit(peak)) peak = Math.max(peak, (await pidsNow(docker, id)) ?? 0);
      return peak;
    },
  };
}

/** Whether a peak pids count is the limit the grader's containers run under. */
function atPidsLimit(peak: number): boolean {
  return peak >= CONTAINER_LIMITS.PidsLimit - 1;
}
