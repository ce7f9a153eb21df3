import { describe, expect, it } from 'vitest';
import { criterion as check } from './expose.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';

const withExpose = (lines: string): string => GOOD.replace('EXPOSE 8000', lines);

describe('dockerfile.expose', () => {
  it.each(['EXPOSE 8000', 'EXPOSE 8000/tcp', 'EXPOSE 9000 8000', 'EXPOSE 7999-8001', 'ARG PORT=8000\nEXPOSE ${PORT}', 'ENV PORT=8000\nEXPOSE $PORT', 'EXPOSE 9000\nEXPOSE 8000'])(
    'accepts %s',
    async (lines) => {
      expect((await runOnDockerfile(check, withExpose(lines))).status).toBe('pass');
    },
  );

  it.each(['EXPOSE 80', 'EXPOSE 8000/udp', 'EXPOSE $PORT', 'EXPOSE 80000'])('rejects %s at its line', async (lines) => {
    const finding = await runOnDockerfile(check, withExpose(lines));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 8 });
    expect(finding.message).toMatch(/EXPOSE 8000/);
  });

  it('fails without EXPOSE, even in a comment', async () => {
    const finding = await runOnDockerfile(check, withExpose('# EXPOSE 8000'));
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/Aucun EXPOSE/);
  });

  it('judges only the final stage', async () => {
    const multi = `FROM python:3.13-slim AS builder\nEXPOSE 8000\nFROM python:3.13-slim\nCMD ["x"]\n`;
    expect((await runOnDockerfile(check, multi)).status).toBe('fail');
  });

  it('grades real folders: the reference passes, EXPOSE 80 fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const finding = await runOnFolder(check, { 'starter/Dockerfile': withExpose('EXPOSE 80') });
    expect(finding).toMatchObject({ status: 'fail', line: 8 });
  });
});

describe('dockerfile.expose, for a lab whose service listens on port 5000 (docker-basics)', () => {
  const on = (lines: string) => runOnDockerfile(check, withExpose(lines), BASICS);

  it.each(['EXPOSE 5000', 'EXPOSE 5000/tcp', 'EXPOSE 4999-5001'])('accepts %s', async (lines) => {
    expect((await on(lines)).status).toBe('pass');
  });

  it('rejects the other lab’s port, in this lab’s words', async () => {
    expect(await on('EXPOSE 8000')).toEqual({ status: 'fail', file: 'starter/Dockerfile', line: 8, message: 'EXPOSE 8000 ne déclare pas le port 5000/tcp sur lequel gunicorn écoute : écrivez EXPOSE 5000.' });
    expect((await on('# EXPOSE 5000')).message).toBe('Aucun EXPOSE : ajoutez EXPOSE 5000 pour documenter le port sur lequel l’application écoute (celui que publie -p 5000:5000).');
  });
});
