import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contextId, resolveEndpoint } from './endpoint.ts';

const cli = await execa('docker', ['context', '--help'], { reject: false, stdin: 'ignore' }).then((r) => r.exitCode === 0, () => false);

let home: string;
let config: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'docker-lab-endpoint-'));
  config = join(home, '.docker');
  await mkdir(config, { recursive: true });
});
afterEach(() => rm(home, { recursive: true, force: true }));

/** A context as the docker CLI stores it: meta.json under the SHA-256 of its name, TLS files beside. */
async function storeContext(dir: string, name: string, host: string, options: { tls?: boolean; skipVerify?: boolean } = {}) {
  const meta = join(dir, 'contexts', 'meta', contextId(name));
  await mkdir(meta, { recursive: true });
  await writeFile(join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipVerify ?? false } } }));
  if (options.tls) {
    const tls = join(dir, 'contexts', 'tls', contextId(name), 'docker');
    await mkdir(tls, { recursive: true });
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) await writeFile(join(tls, file), `${file}\n`);
  }
}

const useContext = (dir: string, name: string) => writeFile(join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: name }));

describe('the engine the docker CLI would use', () => {
  test('1. DOCKER_HOST wins over DOCKER_CONTEXT and the current context', async () => {
    await storeContext(config, 'colima', 'unix:///home/u/.colima/default/docker.sock');
    await useContext(config, 'colima');
    const resolved = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'colima' }, home });
    expect(resolved).toEqual({ state: 'ok', endpoint: { host: 'tcp://127.0.0.1:2375', source: 'DOCKER_HOST' } });
  });

  test('1b. DOCKER_HOST with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
    const resolved = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, home });
    expect(resolved).toEqual({ state: 'ok', endpoint: { host: 'tcp://127.0.0.1:2376', source: 'DOCKER_HOST', tls: { certDir: '/certs', verify: true } } });
  });

  test('2. DOCKER_CONTEXT wins over the current context', async () => {
    await storeContext(config, 'colima', 'unix:///colima.sock');
    await storeContext(config, 'rootless', 'unix:///run/user/1000/docker.sock');
    await useContext(config, 'colima');
    const resolved = resolveEndpoint({ env: { DOCKER_CONTEXT: 'rootless' }, home });
    expect(resolved).toEqual({ state: 'ok', endpoint: { host: 'unix:///run/user/1000/docker.sock', source: 'DOCKER_CONTEXT', context: 'rootless' } });
  });

  test('3. the current context of ~/.docker/config.json, with its TLS material', async () => {
    await storeContext(config, 'remote', 'tcp://127.0.0.1:2376', { tls: true });
    await useContext(config, 'remote');
    const resolved = resolveEndpoint({ env: {}, home });
    expect(resolved).toEqual({
      state: 'ok',
      endpoint: { host: 'tcp://127.0.0.1:2376', source: 'config', context: 'remote', tls: { certDir: join(config, 'contexts', 'tls', contextId('remote'), 'docker'), verify: true } },
    });
  });

  test('3b. DOCKER_CONFIG replaces ~/.docker', async () => {
    const other = join(home, 'elsewhere');
    await storeContext(other, 'desktop-linux', 'unix:///home/u/.docker/desktop/docker.sock');
    await useContext(other, 'desktop-linux');
    const resolved = resolveEndpoint({ env: { DOCKER_CONFIG: other }, home });
    expect(resolved.state === 'ok' && resolved.endpoint).toMatchObject({ host: 'unix:///home/u/.docker/desktop/docker.sock', source: 'config', context: 'desktop-linux' });
  });

  test('4. the platform default: no variable, no config, or the "default" context', async () => {
    expect(resolveEndpoint({ env: {}, home, platform: 'linux' })).toEqual({ state: 'ok', endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' } });
    expect(resolveEndpoint({ env: {}, home, platform: 'win32' })).toEqual({ state: 'ok', endpoint: { host: 'npipe:////./pipe/docker_engine', source: 'default' } });
    await useContext(config, 'default');
    expect(resolveEndpoint({ env: {}, home, platform: 'linux' })).toMatchObject({ state: 'ok', endpoint: { host: 'unix:///var/run/docker.sock', context: 'default' } });
  });

  test('a context that does not exist, or a config that is not JSON, says so', async () => {
    expect(resolveEndpoint({ env: { DOCKER_CONTEXT: 'ghost' }, home })).toMatchObject({ state: 'invalid', context: 'ghost', reason: expect.stringContaining('does not exist') });
    await writeFile(join(config, 'config.json'), '{ not json');
    expect(resolveEndpoint({ env: {}, home })).toMatchObject({ state: 'invalid', reason: expect.stringContaining('config.json') });
  });

  test.skipIf(!cli)('a context made by the real docker CLI (`docker context create` + `docker context use`) is read where the CLI put it', async () => {
    const env = { DOCKER_CONFIG: config, PATH: process.env.PATH ?? '' };
    await execa('docker', ['context', 'create', 'lab-ctx', '--docker', 'host=unix:///run/lab-engine.sock'], { env, extendEnv: false, stdin: 'ignore' });
    await execa('docker', ['context', 'use', 'lab-ctx'], { env, extendEnv: false, stdin: 'ignore' });
    const resolved = resolveEndpoint({ env: { DOCKER_CONFIG: config }, home: '/nonexistent' });
    expect(resolved).toEqual({ state: 'ok', endpoint: { host: 'unix:///run/lab-engine.sock', source: 'config', context: 'lab-ctx' } });
    // And the CLI agrees on the endpoint.
    const inspect = await execa('docker', ['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], { env, extendEnv: false, stdin: 'ignore' });
    expect(inspect.stdout.trim()).toBe('unix:///run/lab-engine.sock');
  });
});
