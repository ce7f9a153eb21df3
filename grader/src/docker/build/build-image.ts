import type Docker from 'dockerode';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { addBuildEvent, createBuildLog, type BuildEvent, type BuildLog } from './build-log.ts';

export type BuildOutcome =
  | { state: 'built'; log: BuildLog; imageId: string; durationMs: number }
  | { state: 'failed'; log: BuildLog; durationMs: number }
  | { state: 'timed-out'; log: BuildLog; durationMs: number }
  | { state: 'no-context'; reason: string; durationMs: number };

const MAX_CONTEXT_FILES = 5_000;
/** Longest JSON event line kept from the build stream; the engine sends output in small chunks. */
const MAX_EVENT_CHARS = 1024 * 1024;

/**
 * Reads the engine's JSON-lines build stream event by event. Unlike `modem.followProgress`, it keeps
 * no list of every event, so a build that prints gigabytes does not grow the grader's memory.
 */
export function followBuild(stream: NodeJS.ReadableStream, onEvent: (event: BuildEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = '';
    stream.setEncoding('utf8');
    const handle = (line: string) => {
      if (line.trim() === '') return;
      try {
        onEvent(JSON.parse(line) as BuildEvent);
      } catch {
        // Not an event (a cut line): ignored.
      }
    };
    stream.on('data', (chunk: Buffer | string) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        handle(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
      if (pending.length > MAX_EVENT_CHARS) pending = '';
    });
    stream.on('error', reject);
    stream.on('end', () => {
      handle(pending);
      resolve();
    });
    stream.on('close', () => resolve());
  });
}

/** Relative paths of the files under `dir` (symlinks kept as entries, not followed), bounded in count. */
export async function listContext(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    files.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    if (files.length >= MAX_CONTEXT_FILES) break;
  }
  return files.sort();
}

/**
 * Builds `contextDir` into `tag` with the classic builder through dockerode, honouring
 * `.dockerignore`, labelled for the run, with memory limits and a deadline that aborts the build.
 */
export async function buildImage(
  docker: Docker,
  options: { contextDir: string; tag: string; labels: Record<string, string>; timeoutMs: number; network?: string; signal?: AbortSignal },
): Promise<BuildOutcome> {
  const start = Date.now();
  const log = createBuildLog();
  let src: string[];
  try {
    src = await listContext(options.contextDir);
  } catch (error) {
    return { state: 'no-context', reason: (error as NodeJS.ErrnoException).code ?? String(error), durationMs: 0 };
  }
  if (!src.includes('Dockerfile')) return { state: 'no-context', reason: 'ENOENT Dockerfile', durationMs: 0 };

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  try {
    const stream = await docker.buildImage(
      { context: options.contextDir, src },
      {
        t: options.tag,
        labels: options.labels,
        rm: true,
        forcerm: true,
        ...(options.network ? { networkmode: options.network } : {}),
        memory: 1024 * 1024 * 1024,
        memswap: 1024 * 1024 * 1024,
        abortSignal: abort.signal,
      } as Docker.ImageBuildOptions,
    );
    await new Promise<void>((resolve, reject) => {
      followBuild(stream, (event) => addBuildEvent(log, event)).then(resolve, reject);
      abort.signal.addEventListener('abort', () => {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(new Error('aborted'));
      });
    });
  } catch (error) {
    const durationMs = Date.now() - start;
    if (abort.signal.aborted) return { state: 'timed-out', log, durationMs };
    if (!log.error) log.error = (error as Error).message;
    return { state: 'failed', log, durationMs };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  const durationMs = Date.now() - start;
  if (log.error) return { state: 'failed', log, durationMs };
  try {
    const info = await docker.getImage(options.tag).inspect();
    return { state: 'built', log, imageId: info.Id, durationMs };
  } catch {
    log.error = log.error ?? 'the engine reported no image at the end of the build';
    return { state: 'failed', log, durationMs };
  }
}
