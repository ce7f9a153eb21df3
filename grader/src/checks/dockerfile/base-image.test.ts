import { describe, expect, it } from 'vitest';
import { criterion as check } from './base-image.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

const withFrom = (from: string): string => GOOD.replace('FROM python:3.13-slim', from);

describe('dockerfile.base-image', () => {
  it.each([
    'FROM python:3.13-slim',
    'FROM python:3.12.7-slim-bookworm',
    'FROM python:3.13-alpine',
    'FROM python:3.13-alpine3.20',
    'FROM docker.io/library/python:3.13-slim',
    'FROM docker.io/python:3.13-slim',
    'FROM --platform=linux/amd64 python:3.13-slim AS runtime',
    'FROM python:3.13-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'ARG PY=3.13\nFROM python:${PY}-slim',
    'ARG PY\nFROM python:${PY:-3.13}-slim',
    'ARG IMAGE=python:3.12-slim\nFROM $IMAGE',
  ])('accepts %s', async (from) => {
    expect((await runOnDockerfile(check, withFrom(from))).status).toBe('pass');
  });

  it.each([
    ['FROM python', /pas de tag/],
    ['FROM python:latest', /latest/],
    ['FROM python:3.13', /variante légère/],
    ['FROM python:3.13-bookworm', /variante légère/],
    ['FROM python:3-slim', /version précise/],
    ['FROM python:slim', /version précise/],
    ['FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', /pas de tag/],
    ['FROM ubuntu:24.04', /image Python officielle/],
    ['FROM tiangolo/uvicorn-gunicorn:python3.11-slim', /image Python officielle/],
  ])('rejects %s', async (from, message) => {
    const finding = await runOnDockerfile(check, withFrom(from));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 1 });
    expect(finding.message).toMatch(message);
  });

  it('rejects a variable without a value, at the FROM line', async () => {
    const finding = await runOnDockerfile(check, withFrom('ARG PY\nFROM python:${PY}-slim'));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toMatch(/PY/);
  });

  it('judges the final stage, following FROM <stage> to its base', async () => {
    const multi = `FROM python:3.13 AS builder\nRUN echo build\nFROM python:3.13-slim AS base\nFROM base\n${GOOD.split('\n').slice(1).join('\n')}`;
    expect((await runOnDockerfile(check, multi)).status).toBe('pass');
    const badRoot = `FROM python:latest AS base\nRUN echo\nFROM base\n${GOOD.split('\n').slice(1).join('\n')}`;
    expect(await runOnDockerfile(check, badRoot)).toMatchObject({ status: 'fail', line: 1 });
    const badFinal = `FROM python:3.13-slim AS builder\nRUN echo\nFROM python:3.13\n${GOOD.split('\n').slice(1).join('\n')}`;
    expect(await runOnDockerfile(check, badFinal)).toMatchObject({ status: 'fail', line: 3 });
  });

  it('ignores a FROM written in a comment', async () => {
    const finding = await runOnDockerfile(check, `# FROM python:3.13-slim\n${withFrom('FROM python:latest')}`);
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
  });

  it('grades real folders: the reference passes, latest fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const finding = await runOnFolder(check, { 'starter/Dockerfile': withFrom('FROM python:latest') });
    expect(finding).toMatchObject({ status: 'fail', line: 1 });
  });
});
