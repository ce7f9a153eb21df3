import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the docker CLI would send its requests, and why. Resolved the way the CLI resolves it
 * (docker/cli `resolveContextName`): `DOCKER_HOST`; else `DOCKER_CONTEXT`; else the config file's
 * `currentContext`; else the platform's default endpoint. A context's endpoint comes from the CLI's
 * context store: `<config dir>/contexts/meta/<sha256(name)>/meta.json` (`Endpoints.docker.Host`,
 * `SkipTLSVerify`), its TLS files from `<config dir>/contexts/tls/<sha256(name)>/docker/`
 * (`ca.pem`, `cert.pem`, `key.pem`: the file names `DOCKER_CERT_PATH` uses too).
 */
export interface Endpoint {
  /** `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, `tcp://host:2376`, `ssh://user@host`. */
  host: string;
  source: 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config' | 'default';
  /** The context's name when the endpoint came from one. */
  context?: string;
  tls?: { certDir: string; verify: boolean };
}

export type EndpointResolution = { state: 'ok'; endpoint: Endpoint } | { state: 'invalid'; reason: string; context?: string };

export interface ResolveInputs {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

export const DEFAULT_UNIX_HOST = 'unix:///var/run/docker.sock';
export const DEFAULT_NPIPE_HOST = 'npipe:////./pipe/docker_engine';

/** The CLI's config directory: `$DOCKER_CONFIG`, else `~/.docker`. */
export function configDir(inputs: ResolveInputs): string {
  return inputs.env.DOCKER_CONFIG || join(inputs.home ?? homedir(), '.docker');
}

/** Directory name of a context in the store: the hex SHA-256 of its name. */
export function contextId(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function resolveEndpoint(inputs: ResolveInputs): EndpointResolution {
  const { env } = inputs;
  const platformDefault = (inputs.platform ?? process.platform) === 'win32' ? DEFAULT_NPIPE_HOST : DEFAULT_UNIX_HOST;
  if (env.DOCKER_HOST) {
    const tls = env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH
      ? { certDir: env.DOCKER_CERT_PATH || configDir(inputs), verify: Boolean(env.DOCKER_TLS_VERIFY) }
      : undefined;
    return { state: 'ok', endpoint: { host: env.DOCKER_HOST, source: 'DOCKER_HOST', ...(tls ? { tls } : {}) } };
  }
  let name = env.DOCKER_CONTEXT;
  let source: Endpoint['source'] = 'DOCKER_CONTEXT';
  if (!name) {
    const config = readConfig(inputs);
    if (config.state === 'invalid') return config;
    name = config.currentContext;
    source = 'config';
  }
  if (!name || name === 'default') return { state: 'ok', endpoint: { host: platformDefault, source: name ? source : 'default', ...(name ? { context: name } : {}) } };
  return readContext(inputs, name, source);
}

function readConfig(inputs: ResolveInputs): { state: 'ok'; currentContext?: string } | { state: 'invalid'; reason: string } {
  const file = join(configDir(inputs), 'config.json');
  if (!existsSync(file)) return { state: 'ok' };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { currentContext?: unknown };
    return { state: 'ok', currentContext: typeof parsed.currentContext === 'string' && parsed.currentContext ? parsed.currentContext : undefined };
  } catch (error) {
    return { state: 'invalid', reason: `${file} is not readable JSON (${(error as Error).message})` };
  }
}

function readContext(inputs: ResolveInputs, name: string, source: Endpoint['source']): EndpointResolution {
  const id = contextId(name);
  const metaFile = join(configDir(inputs), 'contexts', 'meta', id, 'meta.json');
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as typeof meta;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { state: 'invalid', context: name, reason: missing ? `context "${name}" does not exist (no ${metaFile})` : `${metaFile}: ${(error as Error).message}` };
  }
  const docker = meta.Endpoints?.docker;
  if (!docker || typeof docker.Host !== 'string' || !docker.Host) {
    return { state: 'invalid', context: name, reason: `context "${name}" has no docker endpoint (${metaFile})` };
  }
  const certDir = join(configDir(inputs), 'contexts', 'tls', id, 'docker');
  const hasTls = existsSync(join(certDir, 'ca.pem')) || existsSync(join(certDir, 'cert.pem'));
  const tls = hasTls || docker.SkipTLSVerify === true ? { certDir, verify: docker.SkipTLSVerify !== true } : undefined;
  return { state: 'ok', endpoint: { host: docker.Host, source, context: name, ...(tls ? { tls } : {}) } };
}
