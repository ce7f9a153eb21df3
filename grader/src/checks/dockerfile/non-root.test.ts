import { describe, expect, it } from 'vitest';
import { criterion as check } from './non-root.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

const withUser = (lines: string): string => GOOD.replace('USER appuser', lines);

describe('dockerfile.non-root', () => {
  it.each(['USER appuser', 'USER 10001', 'USER appuser:appgroup', 'USER root\nUSER appuser', 'ARG APP_USER=app\nUSER ${APP_USER}'])('accepts %s', async (lines) => {
    expect((await runOnDockerfile(check, withUser(lines))).status).toBe('pass');
  });

  it.each(['USER root', 'USER 0', 'USER root:root', 'USER 0:0', 'USER appuser\nUSER root'])('rejects %s at the last USER', async (lines) => {
    const finding = await runOnDockerfile(check, withUser(lines));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 6 + lines.split('\n').length });
    expect(finding.message).toMatch(/root/);
  });

  it('fails without USER, even in a comment', async () => {
    const finding = await runOnDockerfile(check, withUser('# USER appuser'));
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/Aucun USER/);
  });

  it('grades real folders: the reference passes, USER root fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    expect(await runOnFolder(check, { 'starter/Dockerfile': withUser('USER root') })).toMatchObject({ status: 'fail', line: 7 });
  });
});
