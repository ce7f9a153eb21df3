import { setTimeout as delay } from 'node:timers/promises';

export type Probe<T> = () => Promise<{ done: true; value: T } | { done: false; seen: string; final?: boolean }>;

export type PollOutcome<T> =
  | { ok: true; value: T; elapsedMs: number }
  | { ok: false; seen: string; elapsedMs: number; timedOut: boolean };

/**
 * Calls `probe` until it reports done, says the failure is final, or the deadline passes.
 * Never a fixed sleep: between two probes it waits `intervalMs` (short), bounded by the deadline,
 * and the outcome carries what the last probe saw.
 */
export async function pollUntil<T>(
  probe: Probe<T>,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<PollOutcome<T>> {
  const start = Date.now();
  const interval = options.intervalMs ?? 100;
  let seen = 'nothing observed yet';
  for (;;) {
    if (options.signal?.aborted) return { ok: false, seen: `${seen} (interrupted)`, elapsedMs: Date.now() - start, timedOut: false };
    const result = await probe();
    const elapsedMs = Date.now() - start;
    if (result.done) return { ok: true, value: result.value, elapsedMs };
    seen = result.seen;
    if (result.final) return { ok: false, seen, elapsedMs, timedOut: false };
    const left = options.timeoutMs - elapsedMs;
    if (left <= 0) return { ok: false, seen, elapsedMs, timedOut: true };
    await delay(Math.min(interval, left), undefined, { signal: options.signal }).catch(() => undefined);
  }
}
