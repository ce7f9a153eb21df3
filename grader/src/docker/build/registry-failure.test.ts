import { describe, expect, test } from 'vitest';
import { registryFailure, syntaxDirective } from './registry-failure.ts';

// Errors as Docker 20.10 (BuildKit 0.8) and 26.1 print them when the registry does not answer.
const SYNTAX_26 = 'failed to solve: failed to resolve source metadata for docker/dockerfile:1: failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial tcp: lookup registry-1.docker.io: no such host';
const SYNTAX_20 = 'failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to solve with frontend gateway.v0: failed to do request: Head "http://127.0.0.1:9/v2/x/manifests/1": dial tcp 127.0.0.1:9: connect: connection refused';
const BASE_26 = 'failed to solve: python:3.99-slim: failed to resolve source metadata for docker.io/library/python:3.99-slim: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.99-slim": dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: server misbehaving';

describe('a build that needed a registry and reached none', () => {
  test('a # syntax= line, on either engine', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM python:3.13-slim\n';
    expect(registryFailure(SYNTAX_26, text)).toEqual({ kind: 'syntax', ref: 'docker/dockerfile:1', line: 1 });
    expect(registryFailure(SYNTAX_20, '# escape=`\n# syntax = 127.0.0.1:9/x:1\nFROM python:3.13-slim\n')).toEqual({ kind: 'syntax', ref: '127.0.0.1:9/x:1', line: 2 });
  });
  test('a base image that is not on the machine', () => {
    expect(registryFailure(BASE_26, 'FROM python:3.99-slim\n')).toEqual({ kind: 'base', ref: 'docker.io/library/python:3.99-slim' });
    expect(registryFailure('failed to solve: rpc error: failed to do request: dial tcp 127.0.0.1:9: connect: connection refused', 'FROM x\n', ['[internal] load metadata for 127.0.0.1:9/python:3.99-slim'])).toEqual({
      kind: 'base',
      ref: '127.0.0.1:9/python:3.99-slim',
    });
  });
  test('other failures are not registry failures', () => {
    expect(registryFailure('failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', '# syntax=docker/dockerfile:1\n')).toBeUndefined();
  });
  test('a syntax directive counts only before any instruction or other comment', () => {
    expect(syntaxDirective('FROM x\n# syntax=docker/dockerfile:1\n')).toBeUndefined();
    expect(syntaxDirective('# a comment\n# syntax=docker/dockerfile:1\n')).toBeUndefined();
  });
});
