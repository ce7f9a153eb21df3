import type Docker from 'dockerode';
import { waitForHealthy, type HttpReadiness } from '../wait/health.ts';
import { lastLogLines } from './logs.ts';

export type HealthObservation =
  | { state: 'healthy'; elapsedMs: number }
  | { state: 'start-failed'; reason: string }
  | { state: 'exited'; exitCode: number; oomKilled: boolean; logs: string; elapsedMs: number }
  | { state: 'bad-answer'; status: number; body: string; logs: string; elapsedMs: number }
  | { state: 'no-answer'; seen: string; logs: string; elapsedMs: number; pidsAtLimit: boolean }
  | { state: 'loopback-only'; logs: string; elapsedMs: number };


export type StopObservation =
  | { state: 'stopped'; durationMs: number; exitCode: number }
  /** `no-http`: the port never answered HTTP; `not-running`: the container had stopped by itself. */
  | { state: 'not-judged'; reason: 'no-http' | 'not-running' }
  | { state: 'stop-failed'; reason: string };

export interface ApiContainer {
  id: string;
  hostPort: number;
}

/** Resource limits of every container the grader starts itself. */
export const CONTAINER_LIMITS = {
  Memory: 512 * 1024 * 1024,
  MemorySwap: 512 * 1024 * 1024,
  PidsLimit: 256,
  NanoCpus: 1_000_000_000,
};

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
  const info = await container.inspect();
  const binding = info.NetworkSettings.Ports?.[exposed]?.[0];
  const hostPort = Number(binding?.HostPort);
  return { id: container.id, hostPort: Number.isInteger(hostPort) ? hostPort : 0 };
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
  );
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
      return { state: 'no-answer', seen: outcome.seen, logs, elapsedMs: outcome.elapsedMs, pidsAtLimit: await pidsAtLimit(docker, api.id) };
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
  return { state: 'stopped', durationMs, exitCode };
}

/** Whether the container's processes fill its pids limit (a fork bomb, or threads without bound). */
async function pidsAtLimit(docker: Docker, id: string): Promise<boolean> {
  try {
    const stats = (await docker.getContainer(id).stats({ stream: false })) as { pids_stats?: { current?: number } };
    return (stats.pids_stats?.current ?? 0) >= CONTAINER_LIMITS.PidsLimit - 1;
  } catch {
    return false;
  }
}
