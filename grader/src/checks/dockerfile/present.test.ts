import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { criterion as check } from './present.ts';
import { GOOD, runOn, runOnDockerfile, runOnFolder } from './testing.ts';

describe('dockerfile.present', () => {
  it('passes a complete Dockerfile, with TODO comments left above the instructions', async () => {
    expect((await runOnDockerfile(check, GOOD)).status).toBe('pass');
    const withTodos = `# TODO 1 : image de base\nFROM python:3.13-slim\n# TODO 2\n${GOOD.split('\n').slice(1).join('\n')}`;
    expect((await runOnDockerfile(check, withTodos)).status).toBe('pass');
  });

  it('accepts ADD for COPY, ENTRYPOINT for CMD and python -m pip', async () => {
    const variant = GOOD.replace('COPY app.py .', 'ADD app.py .')
      .replace('RUN pip install', 'RUN python3 -m pip install')
      .replace(/CMD \["uvicorn".*/, 'ENTRYPOINT ["uvicorn", "app:app", "--host", "0.0.0.0"]');
    expect((await runOnDockerfile(check, variant)).status).toBe('pass');
  });

  it('fails a missing file and says to create it', async () => {
    const finding = await runOn(check, {});
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toMatch(/introuvable.*Créez-le/);
  });

  it('fails a binary file with a message, not an exception', async () => {
    const finding = await runOnDockerfile(check, 'FROM \u0000\u0001');
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/binaires/);
  });

  it('fails a Dockerfile with only comments', async () => {
    const finding = await runOnDockerfile(check, '# TODO 1 : FROM python:3.13-slim\n# TODO 2 : WORKDIR /app\n');
    expect(finding).toMatchObject({ status: 'fail', line: 1 });
    expect(finding.message).toMatch(/aucune instruction/);
  });

  it('asks only for FROM and CMD or ENTRYPOINT: each other instruction has its own criterion', async () => {
    // No WORKDIR, no RUN pip install, no EXPOSE: dockerfile.workdir, .layer-order and .expose say so.
    expect((await runOnDockerfile(check, 'FROM python:3.13-slim\n# TODO: EXPOSE\nCOPY . .\nCMD ["uvicorn", "app:app"]\n')).status).toBe('pass');
    expect((await runOnDockerfile(check, 'FROM python:3.13-slim\nENTRYPOINT ["uvicorn", "app:app"]\n')).status).toBe('pass');
    expect((await runOnFolder(check, { 'starter/Dockerfile': GOOD.replace('EXPOSE 8000\n', '') })).status).toBe('pass');
  });

  it('fails a Dockerfile without CMD or ENTRYPOINT, naming it at the first TODO', async () => {
    const finding = await runOnDockerfile(check, 'FROM python:3.13-slim\n# TODO 6 : CMD\nWORKDIR /app\n');
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toContain('CMD (commande de démarrage)');
    expect(finding.message).not.toContain('FROM (');
  });

  it('fails a Dockerfile without FROM: an instruction before it is refused at its line, an ARG alone names both', async () => {
    expect(await runOnDockerfile(check, 'WORKDIR /app\nCMD ["uvicorn", "app:app"]\n')).toMatchObject({ status: 'fail', line: 1 });
    const finding = await runOnDockerfile(check, 'ARG PY=3.13\n');
    expect(finding.status).toBe('fail');
    expect(finding.message).toContain('FROM (image de base) et CMD (commande de démarrage)');
  });

  it('fails an instruction Docker does not know, at its line', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('WORKDIR /app', 'WORKDIRE /app'));
    expect(finding).toMatchObject({ status: 'fail', line: 2 });
    expect(finding.message).toMatch(/WORKDIRE/);
  });

  it('grades real folders: the reference passes, a deleted Dockerfile fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    expect((await runOnFolder(check, { 'starter/Dockerfile': null })).status).toBe('fail');
  });

  it('fails the untouched starter template', async (ctx) => {
    if (!existsSync(join(TEMPLATE_DIR, 'starter', 'Dockerfile'))) ctx.skip();
    const finding = await runOnFolder(check, {}, TEMPLATE_DIR);
    expect(finding.status).toBe('fail');
  });
});
