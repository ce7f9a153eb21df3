// What a timed `docker stop` recorded, and how it is judged: pure functions, shared by the run
// that measures and the criterion that judges (which loads no engine client for them).

export type StopObservation =
  /**
   * `durationMs`: from the stop request to PID 1's end, as the engine recorded it. `engineLagMs`:
   * what the engine took on its own after PID 1 ended until the stop call returned, an estimate of
   * its own share before the signal too (seconds on a starved machine, milliseconds on an idle
   * one). `measures`: 2 when a slow first stop that PID 1 ended by itself was measured again.
   */
  | { state: 'stopped'; durationMs: number; exitCode: number; engineLagMs?: number; measures?: number }
  /** `no-http`: the port never answered HTTP; `not-running`: the container had stopped by itself. */
  | { state: 'not-judged'; reason: 'no-http' | 'not-running' }
  | { state: 'stop-failed'; reason: string };

/**
 * The stop time judged: the measured duration less the engine's own share (its lag after PID 1
 * ended stands for its lag before the signal reached it), never below zero. A PID 1 the engine had
 * to kill is judged on its exit code, whatever this says.
 */
export function judgedStopMs(stop: { durationMs: number; engineLagMs?: number }): number {
  return Math.max(0, stop.durationMs - Math.min(stop.engineLagMs ?? 0, stop.durationMs));
}

/**
 * A stop worth measuring again before it is judged: PID 1 ended by itself after SIGTERM (the engine
 * did not have to kill it: not 137) but later than the limit. On a starved CPU a correct server can
 * take that long once; a PID 1 that ignores SIGTERM is killed at the grace period and is not retried.
 */
export function slowButHandled(stop: StopObservation, limitSeconds: number): boolean {
  return stop.state === 'stopped' && stop.exitCode !== 137 && judgedStopMs(stop) >= limitSeconds * 1000;
}

/** The better of two measures of the same container's stop (the faster one that was not killed). */
export function betterStop(first: StopObservation, second: StopObservation): StopObservation {
  if (first.state !== 'stopped') return second;
  if (second.state !== 'stopped') return { ...first, measures: 2 };
  const pick = second.exitCode !== 137 && judgedStopMs(second) < judgedStopMs(first) ? second : first;
  return { ...pick, measures: 2 };
}
