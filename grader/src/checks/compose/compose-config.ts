import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { COMPOSE_PATH } from './compose-file.ts';

export type ComposeConfig =
  | { state: 'ok'; config: Record<string, unknown> }
  | { state: 'invalid'; exitCode: number | undefined; stderr: string }
  | { state: 'timeout' }
  | { state: 'unavailable'; reason: string };

/**
 * `docker compose config --format json` on a submission folder: Compose's own reading of the file
 * (interpolation, defaults, merges). For the dynamic phase only: it needs the docker CLI with the
 * Compose v2 plugin, so the static checks never call it. `stderr` is student-influenced text.
 */
export async function composeConfig(folder: string, timeoutMs = 20_000): Promise<ComposeConfig> {
  const dir = resolve(folder);
  // Only what the CLI needs to find its engine and plugins: no shell variable leaks into interpolation.
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  try {
    const result = await execa('docker', ['compose', '-f', join(dir, COMPOSE_PATH), 'config', '--format', 'json'], {
      cwd: dir,
      env,
      extendEnv: false,
      timeout: timeoutMs,
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
