import { httpGet, isHealthyBody } from './http.ts';
import { pollUntil } from './poll.ts';

/** Uvicorn's start-up line when it listens only inside the container. */
const LOOPBACK_ONLY = /Uvicorn running on https?:\/\/(127\.0\.0\.1|localhost)[:/]/;
/** An app that keeps answering something else than {"status":"ok"} this long is judged on it. */
const STABLE_WRONG_ANSWER_MS = 3_000;
const LOG_CHECK_EVERY_MS = 500;

export type HealthWait =
  | { state: 'healthy'; port: number; elapsedMs: number }
  | { state: 'stopped'; seen: string; elapsedMs: number }
  | { state: 'bad-answer'; status: number; body: string; elapsedMs: number }
  | { state: 'loopback-only'; elapsedMs: number }
  | { state: 'no-answer'; seen: string; elapsedMs: number };

export interface HealthTarget {
  /** The published host port of container port 8000, 0 while unknown. */
  port(): Promise<number>;
  /** Undefined while the app's container runs; otherwise what was seen (e.g. "exited with code 1"). */
  stopped(): Promise<string | undefined>;
  /** The app's last log lines. */
  logs(): Promise<string>;
}

/**
 * Polls `GET /health` on 127.0.0.1 until it answers 200 with {"status":"ok"} or the deadline. Ends
 * early, with what it saw, when the container stops, when uvicorn says it listens on 127.0.0.1
 * only, or when the app keeps giving a wrong answer.
 */
export async function waitForHealthy(target: HealthTarget, timeoutMs: number, signal?: AbortSignal): Promise<HealthWait> {
  let wrong: { status: number; body: string; since: number } | undefined;
  let loopback = false;
  let lastLogCheck = 0;
  let port = 0;
  const outcome = await pollUntil(
    async () => {
      const stopped = await target.stopped();
      if (stopped) return { done: false, seen: stopped, final: true };
      port ||= await target.port();
      if (!port) return { done: false, seen: 'aucun port publié pour 8000' };
      const answer = await httpGet(port, '/health', 1_000);
      if (answer.kind === 'response') {
        if (answer.status === 200 && isHealthyBody(answer.body)) return { done: true, value: port };
        const same = wrong && wrong.status === answer.status && wrong.body === answer.body;
        if (!same) wrong = { status: answer.status, body: answer.body, since: Date.now() };
        const stable = Date.now() - wrong!.since >= STABLE_WRONG_ANSWER_MS;
        return { done: false, seen: `réponse ${answer.status}`, final: stable };
      }
      if (Date.now() - lastLogCheck >= LOG_CHECK_EVERY_MS) {
        lastLogCheck = Date.now();
        if (LOOPBACK_ONLY.test(await target.logs())) {
          loopback = true;
          return { done: false, seen: 'uvicorn écoute sur 127.0.0.1', final: true };
        }
      }
      return { done: false, seen: `pas de réponse (${answer.reason})` };
    },
    { timeoutMs, intervalMs: 100, signal },
  );
  if (outcome.ok) return { state: 'healthy', port: outcome.value, elapsedMs: outcome.elapsedMs };
  const stopped = await target.stopped();
  if (stopped) return { state: 'stopped', seen: stopped, elapsedMs: outcome.elapsedMs };
  if (loopback) return { state: 'loopback-only', elapsedMs: outcome.elapsedMs };
  if (wrong) return { state: 'bad-answer', status: wrong.status, body: wrong.body, elapsedMs: outcome.elapsedMs };
  return { state: 'no-answer', seen: outcome.seen, elapsedMs: outcome.elapsedMs };
}
