import type { ComposeStack, StartedStack } from '../docker/compose/stack.ts';
import { waitForHealthy, type HealthWait } from '../docker/wait/health.ts';
import type { ApiHealthFailure, ApiNotRunning, StackUpObservation } from '../checks/observations.ts';
import type { StackContract } from '../lab/lab.ts';
import { lastLines } from '../text/last-lines.ts';

export interface StackTimeouts {
  /** Deadline of one `docker compose up` or `down`. */
  stackTimeoutMs: number;
  /** Deadline of a wait for a service to be ready. */
  startupTimeoutMs: number;
}

/**
 * Starts the lab's stack and waits for the API's `/health` through Compose. `up -d` returns once
 * dependencies' conditions hold and containers started; it says nothing of an API that crashes at
 * import (exercise 7.d), so /health is polled afterwards. The stack counts as started even when
 * `up` failed: its services are reported, and psql may still be judged.
 */
export async function startLabStack(stack: ComposeStack, contract: StackContract, timeouts: StackTimeouts, signal?: AbortSignal): Promise<{ up: StackUpObservation; started: StartedStack }> {
  const { api } = contract;
  const start = Date.now();
  const { result: up, stack: started } = await stack.up({ timeoutMs: timeouts.stackTimeoutMs, signal });
  const apiPort = () => started.port(api.service, api.port);
  if (!up.ok && (await apiPort()) === 0) {
    return { up: { state: 'up-failed', error: lastLines(up.stderr || up.stdout, 8), timedOut: up.timedOut, services: await started.report() }, started };
  }
  const outcome = await waitForHealthy<ApiNotRunning>(
    {
      port: apiPort,
      stopped: async () => {
        const service = await started.state(api.service);
        if (!service) return up.ok ? undefined : { created: false };
        return service.state === 'running' ? undefined : { created: true, state: service.state, exitCode: service.exitCode };
      },
      logs: () => started.logs(api.service, 50),
    },
    api.health,
    timeouts.startupTimeoutMs,
    signal,
  );
  if (outcome.state === 'healthy') return { up: { state: 'healthy', apiPort: outcome.port, elapsedMs: Date.now() - start }, started };
  const services = await started.report();
  return { up: { state: 'unhealthy', failure: healthFailure(outcome), services }, started };
}

/** What the wait for /health ended on, as data the criterion words. */
function healthFailure(outcome: Exclude<HealthWait<ApiNotRunning>, { state: 'healthy' }>): ApiHealthFailure {
  switch (outcome.state) {
    case 'stopped':
      return { kind: 'stopped', api: outcome.seen };
    case 'bad-answer':
      return { kind: 'bad-answer', status: outcome.status, body: outcome.body };
    case 'loopback-only':
      return { kind: 'loopback-only' };
    case 'no-answer':
      return { kind: 'no-answer', seen: outcome.seen };
  }
}
