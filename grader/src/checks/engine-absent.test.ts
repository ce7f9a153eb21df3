import { describe, expect, test } from 'vitest';
import { engineAbsentFinding } from './engine-absent.ts';

describe('no usable engine: one French sentence naming the endpoint tried and the commands to check', () => {
  test('an engine behind the current context that does not answer', () => {
    const finding = engineAbsentFinding({ kind: 'no-engine', reason: 'ECONNREFUSED', endpoint: { host: 'unix:///home/u/.colima/docker.sock', source: 'config', context: 'colima' } }, {});
    expect(finding.status).toBe('skip');
    expect(finding.message).toContain('`unix:///home/u/.colima/docker.sock`');
    expect(finding.message).toContain('contexte courant `colima`');
    expect(finding.message).toContain('`docker context ls`');
    expect(finding.message).toContain('`docker info`');
  });
  test('DOCKER_HOST, a missing context, missing plugins', () => {
    expect(engineAbsentFinding({ kind: 'no-engine', reason: 'x', endpoint: { host: 'tcp://127.0.0.1:2375', source: 'DOCKER_HOST' } }, {}).message).toContain('variable `DOCKER_HOST`');
    expect(engineAbsentFinding({ kind: 'bad-context', reason: 'context "ghost" does not exist', context: 'ghost' }, {}).message).toMatch(/`ghost`.*docker context ls/);
    expect(engineAbsentFinding({ kind: 'no-buildx', reason: 'x', endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' } }, {}).message).toContain('`docker buildx version`');
  });
  test('in CI a missing engine is an error, with the endpoint', () => {
    const finding = engineAbsentFinding({ kind: 'no-engine', reason: 'ECONNREFUSED', endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' } }, { CI: 'true' });
    expect(finding.status).toBe('error');
    expect(finding.message).toContain('unix:///var/run/docker.sock');
  });
});
