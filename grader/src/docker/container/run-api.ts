import type Docker from 'dockerode';
import { httpGet, isHealthyBody } from '../wait/http.ts';
import { pollUntil } from '../wait/poll.ts';
import { lastLogLines } from './logs.ts';

export type HealthObservation =
  | { state: 'healthy'; elapsedMs: number }
  | { state: 'start-failed'; reason: string }
  | { state: 'exited'; exitCode: number; logs: string; elapsedMs: number }
  | { state: 'bad-answer'; status: number; body: string; logs: string; elapsedMs: number }
  | { state: 'no-answer'; seen: string; logs: string; elapsedMs: number };

export type StopObservation =
  | { state: 'stopped'; durationMs: number; exitCode: number }
  | { state: 'not-judged'; reason: 'unhealthy' }
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

/** Starts the built image with port 8000 published on an ephemeral 127.0.0.1 port. */
export async function startApiContainer(
  docker: Docker,
  options: { image: string; name: string; labels: Record<string, string> },
): Promise<ApiContainer> {
  const container = await docker.createContainer({
    Image: options.image,
    name: options.name,
    Labels: options.labels,
    ExposedPorts: { '8000/tcp': {} },
    HostConfig: {
      PortBindings: { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      ...CONTAINER_LIMITS,
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } },
    },
  });
  await container.start();
  const info = await container.inspect();
  const binding = info.NetworkSettings.Ports?.['8000/tcp']?.[0];
  const hostPort = Number(binding?.HostPort);
  return { id: container.id, hostPort: Number.isInteger(hostPort) ? hostPort : 0 };
}

/**
 * Polls `GET /health` until it answers 200 with {"status":"ok"}, the container exits, or the
 * deadline passes; says what was seen otherwise.
 */
export async function waitForHealth(
  docker: Docker,
  api: ApiContainer,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HealthObservation> {
  let lastAnswer: { status: number; body: string } | undefined;
  let exitCode: number | undefined;
  const outcome = await pollUntil(
    async () => {
      const state = (await docker.getContainer(api.id).inspect()).State;
      if (!state.Running) {
        exitCode = state.ExitCode;
        return { done: false, seen: `exited with code ${state.ExitCode}`, final: true };
      }
      if (!api.hostPort) return { done: false, seen: 'no host port published', final: true };
      const answer = await httpGet(api.hostPort, '/health', 1_000);
      if (answer.kind === 'no-answer') return { done: false, seen: `no answer (${answer.reason})` };
      if (answer.status === 200 && isHealthyBody(answer.body)) return { done: true, value: true };
      lastAnswer = { status: answer.status, body: answer.body };
      return { done: false, seen: `answered ${answer.status}` };
    },
    { timeoutMs, intervalMs: 100, signal },
  );
  if (outcome.ok) return { state: 'healthy', elapsedMs: outcome.elapsedMs };
  const logs = await lastLogLines(docker, api.id);
  if (exitCode !== undefined) return { state: 'exited', exitCode, logs, elapsedMs: outcome.elapsedMs };
  if (lastAnswer) return { state: 'bad-answer', ...lastAnswer, logs, elapsedMs: outcome.elapsedMs };
  return { state: 'no-answer', seen: outcome.seen, logs, elapsedMs: outcome.elapsedMs };
}

/** Times `docker stop` of a running, healthy container; the grace period is a bit over the limit. */
export async function timeGracefulStop(docker: Docker, api: ApiContainer, limitSeconds: number): Promise<StopObservation> {
  const container = docker.getContainer(api.id);
  const start = Date.now();
  try {
    await container.stop({ t: Math.ceil(limitSeconds) + 1 });
  } catch (error) {
    return { state: 'stop-failed', reason: (error as Error).message };
  }
  const durationMs = Date.now() - start;
  const exitCode = (await container.inspect()).State.ExitCode;
  return { state: 'stopped', durationMs, exitCode };
}
