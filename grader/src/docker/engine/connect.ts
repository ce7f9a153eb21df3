import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { Endpoint } from './endpoint.ts';

/** Variables by which the docker CLI picks its engine: the grader sets them all for its subprocesses. */
const ENGINE_VARIABLES = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS'] as const;

/**
 * The engine variables for a `docker` or `docker compose` subprocess, so that it reaches exactly
 * `endpoint` whatever its config says: `DOCKER_HOST` (and the TLS files, in the `DOCKER_CERT_PATH`
 * layout the context store shares). A context that skips TLS verification has no such variable:
 * the subprocess is then pointed at the context by name.
 */
export function cliEngineVariables(endpoint: Endpoint, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (endpoint.source === 'DOCKER_HOST') {
    const vars: Record<string, string> = { DOCKER_HOST: endpoint.host };
    for (const name of ['DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS'] as const) if (env[name]) vars[name] = env[name];
    return vars;
  }
  if (endpoint.tls && !endpoint.tls.verify && endpoint.context) return { DOCKER_CONTEXT: endpoint.context };
  const vars: Record<string, string> = { DOCKER_HOST: endpoint.host };
  if (endpoint.tls) {
    vars.DOCKER_CERT_PATH = endpoint.tls.certDir;
    vars.DOCKER_TLS_VERIFY = '1';
  }
  return vars;
}

/** `base` without any engine variable, plus the endpoint's: the environment of a docker subprocess. */
export function withEngineVariables(base: NodeJS.ProcessEnv, endpoint: Endpoint): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !(ENGINE_VARIABLES as readonly string[]).includes(key)) env[key] = value;
  }
  return { ...env, ...cliEngineVariables(endpoint, base) };
}

/** dockerode (docker-modem) options for the endpoint. */
export function dockerodeOptions(endpoint: Endpoint): Docker.DockerOptions {
  const { host } = endpoint;
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('npipe://')) return { socketPath: host.slice('npipe://'.length) };
  const url = new URL(host);
  if (url.protocol === 'ssh:') {
    return { protocol: 'ssh', host: url.hostname, port: url.port ? Number(url.port) : 22, ...(url.username ? { username: decodeURIComponent(url.username) } : {}) } as Docker.DockerOptions;
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported Docker endpoint ${host}`);
  const tls = endpoint.tls;
  const secure = Boolean(tls) || url.protocol === 'https:';
  const options: Docker.DockerOptions = { protocol: secure ? 'https' : 'http', host: url.hostname, port: url.port ? Number(url.port) : secure ? 2376 : 2375 };
  if (tls) {
    const read = (file: string) => {
      try {
        return readFileSync(join(tls.certDir, file));
      } catch {
        return undefined;
      }
    };
    const [ca, cert, key] = [read('ca.pem'), read('cert.pem'), read('key.pem')];
    Object.assign(options, ca ? { ca } : {}, cert ? { cert } : {}, key ? { key } : {});
  }
  return options;
}
