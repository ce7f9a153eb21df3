import Docker from 'dockerode';
import { execa } from 'execa';
import { dockerodeOptions, withEngineVariables } from './engine/connect.ts';
import { DEFAULT_UNIX_HOST, resolveEndpoint, type Endpoint } from './engine/endpoint.ts';

export type { Endpoint } from './engine/endpoint.ts';

export type EngineAbsence =
  /** The CLI's configuration names a context the grader cannot read. */
  | { kind: 'bad-context'; reason: string; context?: string }
  /** Nothing answers at the endpoint. */
  | { kind: 'no-engine'; reason: string; endpoint: Endpoint }
  | { kind: 'no-compose'; reason: string; endpoint: Endpoint }
  | { kind: 'no-buildx'; reason: string; endpoint: Endpoint };

export type EngineProbe =
  | { state: 'ready'; docker: Docker; endpoint: Endpoint; serverVersion: string; composeVersion: string; buildxVersion: string }
  | ({ state: 'absent' } & EngineAbsence);

let current: Endpoint | undefined;

/**
 * The engine of the current grading run: resolved by `probeEngine` when the run starts (or, before
 * any probe, from the environment now), then used by every API call and every docker subprocess.
 */
export function currentEndpoint(): Endpoint {
  if (!current) {
    const resolution = resolveEndpoint({ env: process.env });
    current = resolution.state === 'ok' ? resolution.endpoint : { host: DEFAULT_UNIX_HOST, source: 'default' };
  }
  return current;
}

/** The environment of a `docker`/`docker compose` subprocess: `base` pointed at the run's engine. */
export function dockerEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return withEngineVariables(base, currentEndpoint());
}

/** A dockerode client for the run's engine (the one the docker CLI would use). */
export function connectDocker(endpoint: Endpoint = currentEndpoint()): Docker {
  return new Docker(dockerodeOptions(endpoint));
}

/**
 * Resolves the docker CLI's engine for a new run, then checks, each within a short deadline, that
 * it answers and that the Compose v2 and buildx plugins are installed.
 */
export async function probeEngine(timeoutMs = 5_000, env: NodeJS.ProcessEnv = process.env): Promise<EngineProbe> {
  const resolution = resolveEndpoint({ env });
  if (resolution.state === 'invalid') return { state: 'absent', kind: 'bad-context', reason: resolution.reason, ...(resolution.context ? { context: resolution.context } : {}) };
  const endpoint = resolution.endpoint;
  current = endpoint;
  let docker: Docker;
  let serverVersion: string;
  try {
    docker = connectDocker(endpoint);
    const version = await withTimeout(docker.version(), timeoutMs, 'docker engine');
    serverVersion = version.Version;
  } catch (error) {
    return { state: 'absent', kind: 'no-engine', endpoint, reason: `no Docker engine answers at ${endpoint.host}: ${(error as Error).message}` };
  }
  const plugins = await cliPlugins(endpoint, env, timeoutMs);
  if (plugins.compose === undefined) return { state: 'absent', kind: 'no-compose', endpoint, reason: 'the Docker Compose v2 plugin (docker compose) is not installed' };
  if (plugins.buildx === undefined) return { state: 'absent', kind: 'no-buildx', endpoint, reason: 'the buildx plugin (docker buildx), which builds with BuildKit, is not installed' };
  return { state: 'ready', docker, endpoint, serverVersion, composeVersion: plugins.compose, buildxVersion: plugins.buildx };
}

/** The CLI's plugins found installed, per endpoint and environment: asked once per process (a batch or the self-tests grade many times). */
const pluginsFound = new Map<string, { compose: string; buildx: string }>();

/** The versions of the Compose v2 and buildx plugins of the docker CLI; undefined for one that does not answer. */
async function cliPlugins(endpoint: Endpoint, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ compose?: string; buildx?: string }> {
  const cliEnv = withEngineVariables(env, endpoint);
  const key = JSON.stringify([endpoint.host, cliEnv.DOCKER_CONFIG ?? '', cliEnv.HOME ?? '', cliEnv.PATH ?? '']);
  const known = pluginsFound.get(key);
  if (known) return known;
  const cli = (args: string[]) => execa('docker', args, { reject: false, timeout: timeoutMs, env: cliEnv, extendEnv: false, stdin: 'ignore' });
  const [compose, buildx] = await Promise.all([cli(['compose', 'version', '--short']), cli(['buildx', 'version'])]);
  const found = { compose: compose.exitCode === 0 ? String(compose.stdout).trim() : undefined, buildx: buildx.exitCode === 0 ? String(buildx.stdout).trim() : undefined };
  if (found.compose !== undefined && found.buildx !== undefined) pluginsFound.set(key, { compose: found.compose, buildx: found.buildx });
  return found;
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
