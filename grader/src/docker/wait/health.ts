import { httpGet } from './http.ts';
import { pollUntil } from './poll.ts';

/**
 * What "ready" means for an HTTP service, and how the wait says what it saw (in the caller's
 * language): the engine layer knows no path, body or wording of its own.
 */
export interface HttpReadiness {
  path: string;
  /** Whether an answer is the expected one. */
  accepts(status: number, body: string): boolean;
  /** A log line telling that the server listens where the published port cannot reach it. */
  unreachableLog?: RegExp;
  wording: {
    noPort: string;
    answered(status: number): string;
    unreachable: string;
    noAnswer(reason: string): string;
  };
}

/** An app that keeps answering something else than the expected answer this long is judged on it. */
const STABLE_WRONG_ANSWER_MS = 3_000;
const LOG_CHECK_EVERY_MS = 500;
const STOPPED_CHECK_EVERY_MS = 400;

/** `S`: what the target's `stopped()` reports of a container that does not run. */
export type HealthWait<S = string> =
  | { state: 'healthy'; port: number; elapsedMs: number }
  | { state: 'stopped'; seen: S; elapsedMs: number }
  | { state: 'bad-answer'; status: number; body: string; elapsedMs: number }
  | { state: 'loopback-only'; elapsedMs: number }
  | { state: 'no-answer'; seen: string; elapsedMs: number };

export interface HealthTarget<S = string> {
  /** The published host port of the service's port, 0 while unknown. */
  port(): Promise<number>;
  /** Undefined while the app's container runs; otherwise what was seen (e.g. "exited with code 1", or data). */
  stopped(): Promise<S | undefined>;
  /** The app's last log lines. */
  logs(): Promise<string>;
}

/**
 * Readiness strategy "HTTP": polls `GET <path>` on 127.0.0.1 until the answer is accepted or the
 * deadline. Ends early, with what it saw, when the container stops, when its logs say it listens
 * out of the published port's reach, or when the app keeps giving a wrong answer. A stop seen by
 * a probe ends the wait as `stopped` even if the container runs again by the end (a restart policy).
 */
export async function waitForHealthy<S = string>(target: HealthTarget<S>, readiness: HttpReadiness, timeoutMs: number, signal?: AbortSignal): Promise<HealthWait<S>> {
  const { wording } = readiness;
  let stoppedSeen: S | undefined;
  let wrong: { status: number; body: string; since: number } | undefined;
  let loopback = false;
  let lastLogCheck = 0;
  let lastStoppedCheck = 0;
  let port = 0;
  const outcome = await pollUntil(
    async () => {
      // Whether the container stopped is asked of the engine at most every STOPPED_CHECK_EVERY_MS
      // (and whenever no port is known yet): an engine call per 100 ms poll, for several grades at
      // once, is CPU that a loaded machine lacks. A server that answers is running.
      if (!port || Date.now() - lastStoppedCheck >= STOPPED_CHECK_EVERY_MS) {
        lastStoppedCheck = Date.now();
        stoppedSeen = await target.stopped();
        if (stoppedSeen !== undefined) return { done: false, seen: 'stopped', final: true };
      }
      port ||= await target.port();
      if (!port) return { done: false, seen: wording.noPort };
      const answer = await httpGet(port, readiness.path, 1_000);
      if (answer.kind === 'response') {
        if (readiness.accepts(answer.status, answer.body)) return { done: true, value: port };
        const same = wrong && wrong.status === answer.status && wrong.body === answer.body;
        if (!same) wrong = { status: answer.status, body: answer.body, since: Date.now() };
        const stable = Date.now() - wrong!.since >= STABLE_WRONG_ANSWER_MS;
        return { done: false, seen: wording.answered(answer.status), final: stable };
      }
      if (readiness.unreachableLog && Date.now() - lastLogCheck >= LOG_CHECK_EVERY_MS) {
        lastLogCheck = Date.now();
        if (readiness.unreachableLog.test(await target.logs())) {
          loopback = true;
          return { done: false, seen: wording.unreachable, final: true };
        }
      }
      return { done: false, seen: wording.noAnswer(answer.reason) };
    },
    { timeoutMs, intervalMs: 100, signal },
  );
  if (outcome.ok) return { state: 'healthy', port: outcome.value, elapsedMs: outcome.elapsedMs };
  const stopped = stoppedSeen ?? (await target.stopped());
  if (stopped !== undefined) return { state: 'stopped', seen: stopped, elapsedMs: outcome.elapsedMs };
  if (loopback) return { state: 'loopback-only', elapsedMs: outcome.elapsedMs };
  if (wrong) return { state: 'bad-answer', status: wrong.status, body: wrong.body, elapsedMs: outcome.elapsedMs };
  return { state: 'no-answer', seen: outcome.seen, elapsedMs: outcome.elapsedMs };
}
