import type Docker from 'dockerode';
import { withTimeout } from '../engine.ts';
import { pollUntil } from '../wait/poll.ts';
import { demuxFrames } from './logs.ts';

/** What a command run in a container gave; `ok` is exit code 0 within the deadline. */
export interface ExecResult {
  ok: boolean;
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Why the command did not run to its end, when the engine said so or the run was cancelled. */
  failure?: 'not-running' | 'cancelled';
}

const MAX_OUTPUT = 256 * 1024;
/** After the output ends, how long the engine may take to record the exit code. */
const EXIT_CODE_WAIT_MS = 5_000;

/**
 * `docker exec CONTAINER COMMAND…` through the engine's API, as `docker exec` and `docker compose
 * exec -T` do it (the container's own user, environment and working folder, no TTY), without
 * starting a CLI process. Never throws: a stopped container, an engine error or the deadline is a
 * result with `ok: false`.
 */
export async function execInContainer(docker: Docker, containerId: string, command: string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<ExecResult> {
  const failed = (stderr: string, extra: Pick<ExecResult, 'timedOut' | 'failure'> = { timedOut: false }): ExecResult => ({ ok: false, exitCode: undefined, stdout: '', stderr, ...extra });
  if (options.signal?.aborted) return failed('cancelled', { timedOut: false, failure: 'cancelled' });
  const chunks: Buffer[] = [];
  let size = 0;
  let stream: NodeJS.ReadableStream | undefined;
  const abort = () => (stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const run = async () => {
      const exec = await docker.getContainer(containerId).exec({ Cmd: command, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
      stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
      await new Promise<void>((resolve, reject) => {
        stream!.on('data', (chunk: Buffer) => {
          if (size < MAX_OUTPUT) chunks.push(chunk);
          size += chunk.length;
        });
        stream!.on('end', resolve);
        stream!.on('close', resolve);
        stream!.on('error', reject);
      });
      return exec;
    };
    const exec = await withTimeout(run(), options.timeoutMs, 'exec');
    const { stdout, stderr } = demuxFrames(Buffer.concat(chunks));
    const exitCode = await exitCodeOf(exec);
    return { ok: exitCode === 0, exitCode, stdout, stderr, timedOut: false };
  } catch (error) {
    abort();
    const message = (error as Error).message;
    if (/no answer within/.test(message)) return failed(message, { timedOut: true });
    if (/is not running|No such container/i.test(message)) return failed('the container is not running', { timedOut: false, failure: 'not-running' });
    return failed(message);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

/** The exec's exit code once the engine recorded it (the output can end a moment before). */
async function exitCodeOf(exec: Docker.Exec): Promise<number | undefined> {
  const outcome = await pollUntil(
    async () => {
      const info = await exec.inspect();
      return !info.Running && typeof info.ExitCode === 'number' ? { done: true, value: info.ExitCode } : { done: false, seen: 'exec still running' };
    },
    { timeoutMs: EXIT_CODE_WAIT_MS, intervalMs: 20 },
  );
  return outcome.ok ? outcome.value : undefined;
}
