import { describe, expect, it } from 'vitest';
import { criterion as check } from './workdir.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

describe('dockerfile.workdir', () => {
  it.each([
    ['an absolute WORKDIR', GOOD],
    ['a WORKDIR from an ARG', GOOD.replace('WORKDIR /app', 'ARG APP_DIR=/srv/app\nWORKDIR $APP_DIR')],
    ['a WORKDIR from an ENV', GOOD.replace('WORKDIR /app', 'ENV APP_HOME=/app\nWORKDIR ${APP_HOME}')],
    ['a WORKDIR inherited from an earlier stage', GOOD.replace('FROM python:3.13-slim\nWORKDIR /app', 'FROM python:3.13-slim AS base\nWORKDIR /app\nFROM base')],
    ['a COPY --from before the WORKDIR', GOOD.replace('WORKDIR /app', 'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\nWORKDIR /app')],
  ])('accepts %s', async (_name, dockerfile) => {
    expect((await runOnDockerfile(check, dockerfile)).status).toBe('pass');
  });

  it('fails without WORKDIR, pointing at the first COPY', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app\n', ''));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toMatch(/Aucun WORKDIR/);
  });

  it('fails a WORKDIR written after the first COPY', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app\nCOPY requirements.txt .', 'COPY requirements.txt .\nWORKDIR /app'));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toMatch(/ligne 3/);
  });

  it('fails a relative WORKDIR, at its line', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app', 'WORKDIR app'));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toMatch(/chemin absolu/);
  });

  it('fails a WORKDIR built from a variable that has no value', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app', 'WORKDIR $APP_DIR'));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
  });

  it('ignores a WORKDIR that is only a comment', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app', '# WORKDIR /app'));
    expect(finding.status).toBe('fail');
  });

  it('judges only the final stage', async () => {
    const multi = `FROM python:3.13-slim AS builder\nWORKDIR /build\nFROM python:3.13-slim\nCOPY app.py .\n`;
    expect(await runOnDockerfile(check, multi)).toMatchObject({ status: 'fail', line: 4 });
  });

  it('grades real folders: the reference passes, a Dockerfile without WORKDIR fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const finding = await runOnFolder(check, { 'starter/Dockerfile': GOOD.replace('WORKDIR /app\n', '') });
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
  });
});
