import type Docker from 'dockerode';
import { CONTAINER_LIMITS } from './limits.ts';
import { demuxFrames } from './logs.ts';

/** What one stream of a program printed: its beginning, up to the run's cap. */
export interface CapturedOutput {
  /**
   * The first bytes of the stream (at most the cap), as UTF-8 text. The container's log keeps 2 MB:
   * of a program that printed more, the beginning read is where the log begins.
   */
  text: string;
  /** The stream held more than the cap: `text` is its beginning only. */
  truncated: boolean;
}

/** How a `docker run --rm IMAGE [COMMAND…]` of a program that should run to completion ended. */
export type CompletionOutcome =
  /** The program ended by itself (`elapsedMs`: from the start request to its end). */
  | { state: 'exited'; exitCode: number; oomKilled: boolean; stdout: CapturedOutput; stderr: CapturedOutput; elapsedMs: number }
  /** Still running at the deadline: killed; what it printed until then. */
  | { state: 'timed-out'; stdout: CapturedOutput; stderr: CapturedOutput; elapsedMs: number }
  /**
   * The engine refused or did not answer before the program ran: `create` (e.g. no command at all),
   * `start` (e.g. the command's executable is not in the image). `reason`: the engine's message.
   */
  | { state: 'start-failed'; step: 'create' | 'start'; reason: string }
  /** The program ran but the engine failed to report its end or its output (not the program's doing). */
  | { state: 'engine-error'; reason: string }
  /** The caller's signal aborted the run. */
  | { state: 'interrupted' };

export interface RunToCompletionOptions {
  image: string;
  /** Container name (the run's name prefix and a suffix). */
  name: string;
  /** The run's labels: the container is swept with the run's resources if this process dies. */
  labels: Record<string, string>;
  /** `-e NAME=VALUE`. */
  env?: Readonly<Record<string, string>>;
  /** Given after the image name: replaces the image's CMD, its ENTRYPOINT stays. */
  command?: readonly string[];
  /** From the start of this call to the program's end; past it the container is killed. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Bytes kept of each of stdout and stderr (default MAX_PROGRAM_OUTPUT_BYTES). */
  maxOutputBytes?: number;
}

export const MAX_PROGRAM_OUTPUT_BYTES = 64 * 1024;
/** After a kill, how long the engine may take to report the end (the output is complete then). */
const KILL_SETTLE_MS = 5_000;
/** The engine's own calls after the program ended (inspect, logs): short, but never unbounded. */
const ENGINE_CALL_MS = 10_000;

/**
 * Runs `image` to completion as `docker run --rm [-e …] IMAGE [COMMAND…]` does, through the engine's
 * API: no TTY, no stdin, the image's ENTRYPOINT with `command` (when given) in place of its CMD, under
 * the grader's resource limits and without a network. Waits for the end (never a fixed sleep); at
 * the deadline the container is killed and the run reported as timed out. stdout and stderr are read
 * apart from the container's log once it has ended (nothing printed before a reader could attach is
 * lost), each cut at `maxOutputBytes`. The container is removed whatever happens (forced, with its
 * anonymous volumes), on abort too. Never throws.
 */
export async function runToCompletion(docker: Docker, options: RunToCompletionOptions): Promise<CompletionOutcome> {
  const begun = Date.now();
  const maxBytes = options.maxOutputBytes ?? MAX_PROGRAM_OUTPUT_BYTES;
  const requests = new AbortController();
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<{ kind: 'interrupted' }>((resolve) => {
    interrupt = () => resolve({ kind: 'interrupted' });
  });
  if (options.signal?.aborted) return { state: 'interrupted' };
  options.signal?.addEventListener('abort', interrupt, { once: true });
  /** `promise`, or why it did not settle: the run's deadline passed, or the caller aborted. */
  const settle = <T>(promise: Promise<T>) => race(promise, Math.max(0, options.timeoutMs - (Date.now() - begun)), interrupted);
  let id: string | undefined;
  try {
    const created = await settle(
      docker.createContainer({
        Image: options.image,
        name: options.name,
        Labels: options.labels,
        ...(options.command ? { Cmd: [...options.command] } : {}),
        Env: Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`),
        Tty: false,
        OpenStdin: false,
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        HostConfig: {
          NetworkMode: 'none',
          ...CONTAINER_LIMITS,
          LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '2' } },
        },
      }),
    );
    if (created.kind === 'interrupted') return { state: 'interrupted' };
    if (created.kind !== 'done') return { state: 'start-failed', step: 'create', reason: failure(created, options.timeoutMs) };
    const container = created.value;
    id = container.id;

    const startedAt = Date.now();
    const started = await settle(container.start());
    if (started.kind === 'interrupted') return { state: 'interrupted' };
    if (started.kind !== 'done') return { state: 'start-failed', step: 'start', reason: failure(started, options.timeoutMs) };

    // `not-running` (the default) answers at once for a program that already ended.
    const waiting = container.wait({ abortSignal: requests.signal }) as Promise<{ StatusCode?: number }>;
    waiting.catch(() => undefined);
    const waited = await settle(waiting);
    if (waited.kind === 'interrupted') return { state: 'interrupted' };
    if (waited.kind === 'error') return { state: 'engine-error', reason: engineMessage(waited.error) };
    if (waited.kind === 'deadline') {
      const killed = await container.kill().then(
        () => true,
        // 409: it ended by itself just now, between the deadline and the kill.
        (error: unknown) => (error as { statusCode?: number }).statusCode !== 409,
      );
      if (killed) {
        const elapsedMs = Date.now() - startedAt;
        await race(waiting, KILL_SETTLE_MS, interrupted);
        const output = await readOutput(container, maxBytes);
        return output.ok ? { state: 'timed-out', ...output.streams, elapsedMs } : { state: 'engine-error', reason: output.reason };
      }
    }
    const elapsedMs = Date.now() - startedAt;
    const state = await race(container.inspect(), ENGINE_CALL_MS, interrupted);
    if (state.kind === 'interrupted') return { state: 'interrupted' };
    if (state.kind !== 'done') return { state: 'engine-error', reason: failure(state, ENGINE_CALL_MS) };
    const output = await readOutput(container, maxBytes);
    if (!output.ok) return { state: 'engine-error', reason: output.reason };
    return { state: 'exited', exitCode: state.value.State.ExitCode, oomKilled: state.value.State.OOMKilled === true, ...output.streams, elapsedMs };
  } catch (error) {
    return { state: 'engine-error', reason: engineMessage(error) };
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    requests.abort();
    // By name when the creation did not answer. A container the engine makes later still, or that an
    // engine which stopped answering keeps, carries the run's labels: the run's final sweep removes it.
    await race(docker.getContainer(id ?? options.name).remove({ force: true, v: true }), ENGINE_CALL_MS);
  }
}

type Raced<T> = { kind: 'done'; value: T } | { kind: 'error'; error: unknown } | { kind: 'deadline' } | { kind: 'interrupted' };

/** `promise` against a deadline of `ms` and an interruption, whichever settles first. */
async function race<T>(promise: Promise<T>, ms: number, interrupted?: Promise<{ kind: 'interrupted' }>): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ kind: 'deadline' }>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'deadline' }), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Raced<T> => ({ kind: 'done', value }),
        (error: unknown): Raced<T> => ({ kind: 'error', error }),
      ),
      deadline,
      ...(interrupted ? [interrupted] : []),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function failure(raced: { kind: 'error'; error: unknown } | { kind: 'deadline' }, ms: number): string {
  return raced.kind === 'deadline' ? `the engine gave no answer within ${ms} ms` : engineMessage(raced.error);
}

/** The engine's own message (dockerode puts it in `json.message`), else the error's. */
function engineMessage(error: unknown): string {
  const json = (error as { json?: { message?: unknown } }).json;
  return typeof json?.message === 'string' ? json.message : (error as Error).message;
}

/** stdout and stderr of an ended container, from its log. */
async function readOutput(container: Docker.Container, maxBytes: number): Promise<{ ok: true; streams: { stdout: CapturedOutput; stderr: CapturedOutput } } | { ok: false; reason: string }> {
  const read = await race(container.logs({ stdout: true, stderr: true, follow: false }) as unknown as Promise<Buffer | string>, ENGINE_CALL_MS);
  if (read.kind === 'error' || read.kind === 'deadline') return { ok: false, reason: failure(read, ENGINE_CALL_MS) };
  if (read.kind !== 'done') return { ok: false, reason: 'interrupted' };
  return { ok: true, streams: splitOutput(Buffer.isBuffer(read.value) ? read.value : Buffer.from(String(read.value)), maxBytes) };
}

/** A container's multiplexed log split into stdout and stderr, each cut at `maxBytes` (on a character boundary). */
export function splitOutput(raw: Buffer, maxBytes: number): { stdout: CapturedOutput; stderr: CapturedOutput } {
  const { stdout, stderr } = demuxFrames(raw);
  return { stdout: capped(stdout, maxBytes), stderr: capped(stderr, maxBytes) };
}

function capped(text: string, maxBytes: number): CapturedOutput {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  // A character cut in two at the cap is dropped rather than shown as U+FFFD.
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true };
}
