import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { dockerEnv } from '../engine.ts';

export type ComposeConfig =
  | { state: 'ok'; config: Record<string, unknown> }
  | { state: 'invalid'; exitCode: number | undefined; stderr: string }
  | { state: 'timeout' }
  | { state: 'unavailable'; reason: string };

/**
 * `docker compose config --format json` on a submission folder: Compose's own reading of the file
 * (interpolation, defaults, merges, paths made absolute). For the dynamic phase only: it needs the
 * docker CLI with the Compose v2 plugin, so the static checks never call it. The root `.env` is
 * not read (not a student-owned path), nor the grader's own environment variables.
 * `stderr` is student-influenced text.
 */
export async function composeConfig(
  folder: string,
  options: { project?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ComposeConfig> {
  const dir = resolve(folder);
  const project = options.project ? ['-p', options.project] : [];
  // Only what the CLI needs to find its plugins, plus the run's engine: no shell variable leaks into
  // interpolation.
  const base: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'DOCKER_CONFIG']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  const env = dockerEnv(base);
  try {
    const args = ['compose', ...project, '-f', join(dir, 'docker-compose.yml'), '--project-directory', dir, '--env-file', '/dev/null', 'config', '--format', 'json'];
    const result = await execa('docker', args, {
      cwd: dir,
      env,
      extendEnv: false,
      timeout: options.timeoutMs ?? 20_000,
      cancelSignal: options.signal,
      reject: false,
      maxBuffer: 4 * 1024 * 1024,
      stdin: 'ignore',
    });
    if (result.timedOut) return { state: 'timeout' };
    if (result.failed && result.exitCode === undefined) return { state: 'unavailable', reason: result.shortMessage ?? 'docker CLI not found' };
    if (result.exitCode !== 0) return { state: 'invalid', exitCode: result.exitCode, stderr: result.stderr.slice(-4000) };
    return { state: 'ok', config: JSON.parse(result.stdout) as Record<string, unknown> };
  } catch (error) {
    return { state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
