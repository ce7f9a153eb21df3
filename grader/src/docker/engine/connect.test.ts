import { describe, expect, test } from 'vitest';
import { cliEngineVariables, dockerodeOptions, withEngineVariables } from './connect.ts';

describe('one engine for the API client and the docker CLI', () => {
  test('a subprocess is pointed at the endpoint, whatever engine variables the caller had', () => {
    const env = withEngineVariables({ PATH: '/bin', DOCKER_CONTEXT: 'other', DOCKER_TLS_VERIFY: '1' }, { host: 'unix:///run/colima.sock', source: 'config', context: 'colima' });
    expect(env).toEqual({ PATH: '/bin', DOCKER_HOST: 'unix:///run/colima.sock' });
  });
  test('a context with TLS: DOCKER_CERT_PATH points at the context store’s files', () => {
    expect(cliEngineVariables({ host: 'tcp://127.0.0.1:2376', source: 'config', context: 'r', tls: { certDir: '/c/tls/x/docker', verify: true } })).toEqual({
      DOCKER_HOST: 'tcp://127.0.0.1:2376',
      DOCKER_CERT_PATH: '/c/tls/x/docker',
      DOCKER_TLS_VERIFY: '1',
    });
  });
  test('a context that skips TLS verification is named instead', () => {
    expect(cliEngineVariables({ host: 'tcp://127.0.0.1:2376', source: 'DOCKER_CONTEXT', context: 'r', tls: { certDir: '/x', verify: false } })).toEqual({ DOCKER_CONTEXT: 'r' });
  });
  test('DOCKER_HOST from the environment keeps its TLS variables', () => {
    expect(cliEngineVariables({ host: 'tcp://127.0.0.1:2376', source: 'DOCKER_HOST' }, { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' })).toEqual({
      DOCKER_HOST: 'tcp://127.0.0.1:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    });
  });
  test('dockerode options per scheme', () => {
    expect(dockerodeOptions({ host: 'unix:///var/run/docker.sock', source: 'default' })).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(dockerodeOptions({ host: 'npipe:////./pipe/docker_engine', source: 'default' })).toEqual({ socketPath: '//./pipe/docker_engine' });
    expect(dockerodeOptions({ host: 'tcp://127.0.0.1:2375', source: 'DOCKER_HOST' })).toEqual({ protocol: 'http', host: '127.0.0.1', port: 2375 });
    expect(dockerodeOptions({ host: 'ssh://me@127.0.0.1:2222', source: 'DOCKER_HOST' })).toEqual({ protocol: 'ssh', host: '127.0.0.1', port: 2222, username: 'me' });
  });
});
