import Docker from 'dockerode';
import { execa } from 'execa';

export type EngineProbe =
  | { state: 'ready'; docker: Docker; serverVersion: string; composeVersion: string }
  | { state: 'absent'; reason: string };

/** A dockerode client for the engine the docker CLI would use (DOCKER_HOST or the local socket). */
export function connectDocker(): Docker {
  return new Docker();
}

/** Whether an engine answers and Compose v2 is installed, each within a short deadline. */
export async function probeEngine(timeoutMs = 5_000): Promise<EngineProbe> {
  const docker = connectDocker();
  let serverVersion: string;
  try {
    const version = await withTimeout(docker.version(), timeoutMs, 'docker engine');
    serverVersion = version.Version;
  } catch (error) {
    return { state: 'absent', reason: `no Docker engine answers: ${(error as Error).message}` };
  }
  const compose = await execa('docker', ['compose', 'version', '--short'], { reject: false, timeout: timeoutMs });
  if (compose.exitCode !== 0) {
    return { state: 'absent', reason: 'the Docker Compose v2 plugin (docker compose) is not installed' };
  }
  return { state: 'ready', docker, serverVersion, composeVersion: compose.stdout.trim() };
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
