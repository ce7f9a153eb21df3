import type Docker from 'dockerode';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { dockerEnv } from '../engine.ts';
import type { BuildProgressEvent } from '../../model/progress.ts';
import { createBuildLog, progressReader, vertexError, type BuildLog } from './build-log.ts';
import { buildProgress } from './build-progress.ts';

export type BuildOutcome =
  | { state: 'built'; log: BuildLog; imageId: string; durationMs: number }
  | { state: 'failed'; log: BuildLog; durationMs: number }
  | { state: 'timed-out'; log: BuildLog; durationMs: number }
  | { state: 'no-context'; reason: string; durationMs: number };

export interface BuildOptions {
  contextDir: string;
  tag: string;
  labels: Record<string, string>;
  timeoutMs: number;
  network?: string;
  signal?: AbortSignal;
  /** Steps started and base image download, as BuildKit reports them (progress output). */
  onProgress?: (event: BuildProgressEvent) => void;
}

/**
 * The `docker buildx build` command line: what `docker build DIR` runs on every current engine
 * (BuildKit, the Dockerfile frontend built into the builder, `.dockerignore`, the context sent by
 * the CLI). The engine's own builder (`default`, the docker driver of the run's engine) is named, so
 * the image lands in that engine's image store whatever builder `docker buildx use` chose;
 * `--load` keeps that true for any driver. `rawjson` progress is BuildKit's own status stream.
 */
export function buildArgs(options: Omit<BuildOptions, 'timeoutMs' | 'signal' | 'onProgress'>, builder = 'default'): string[] {
  return [
    'buildx', 'build',
    '--builder', builder,
    '--progress=rawjson',
    '--load',
    '--tag', options.tag,
    ...Object.entries(options.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...(options.network ? ['--network', options.network] : []),
    options.contextDir,
  ];
}

/**
 * Builds `contextDir` into `tag` with BuildKit through the docker CLI of the run's engine, labelled
 * for the run, with a deadline: at the deadline (or on abort) the CLI is stopped, which cancels the
 * build in the engine (its RUN processes included).
 */
export async function buildImage(docker: Docker, options: BuildOptions): Promise<BuildOutcome> {
  const start = Date.now();
  const log = createBuildLog();
  try {
    if (!(await stat(join(options.contextDir, 'Dockerfile'))).isFile()) return { state: 'no-context', reason: 'Dockerfile is not a file', durationMs: 0 };
  } catch (error) {
    return { state: 'no-context', reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT Dockerfile' : String((error as Error).message), durationMs: 0 };
  }
  const env = dockerEnv();
  const builder = env.DOCKER_CONTEXT ?? 'default';
  const subprocess = execa('docker', buildArgs(options, builder), {
    env,
    extendEnv: false,
    stdin: 'ignore',
    stdout: 'ignore',
    buffer: false,
    reject: false,
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    // buildx cancels the build when it gets SIGTERM; a CLI that does not exit is killed.
    forceKillAfterDelay: 10_000,
  });
  const reader = progressReader(log, options.onProgress ? buildProgress(options.onProgress) : undefined);
  subprocess.stderr?.setEncoding('utf8');
  subprocess.stderr?.on('data', (chunk: string) => reader.write(chunk));
  const result = await subprocess;
  reader.end();
  const durationMs = Date.now() - start;
  if (result.timedOut || result.isCanceled || options.signal?.aborted) return { state: 'timed-out', log, durationMs };
  if (result.exitCode !== 0) {
    log.error ??= vertexError(log) ?? (result.exitCode === undefined ? String(result.shortMessage ?? 'docker buildx could not be started') : `docker buildx build exited with code ${result.exitCode}`);
    return { state: 'failed', log, durationMs };
  }
  try {
    const info = await docker.getImage(options.tag).inspect();
    return { state: 'built', log, imageId: info.Id, durationMs };
  } catch {
    log.error = 'the engine reported no image at the end of the build';
    return { state: 'failed', log, durationMs };
  }
}
