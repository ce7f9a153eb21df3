import { describe, expect, it } from 'vitest';
import { criterion as check } from './healthcheck.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

const HEALTHCHECK = GOOD.split('\n').find((line) => line.startsWith('HEALTHCHECK'))!;
const withHealthcheck = (lines: string): string => GOOD.replace(HEALTHCHECK, lines);

describe('dockerfile.healthcheck', () => {
  it.each([
    ['a python probe', HEALTHCHECK],
    ['options and a shell form', 'HEALTHCHECK --interval=10s --timeout=3s \\\n  CMD python -c "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')" || exit 1'],
    ['curl once installed', 'RUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f http://127.0.0.1:8000/health || exit 1'],
    ['wget on alpine (busybox)', 'HEALTHCHECK CMD wget -qO- http://127.0.0.1:8000/health || exit 1'],
  ])('accepts %s', async (name, lines) => {
    const dockerfile = withHealthcheck(lines);
    const image = name.includes('alpine') ? dockerfile.replace('3.13-slim', '3.13-alpine') : dockerfile;
    expect((await runOnDockerfile(check, image)).status).toBe('pass');
  });

  it('fails HEALTHCHECK NONE at its line', async () => {
    expect(await runOnDockerfile(check, withHealthcheck('HEALTHCHECK NONE'))).toMatchObject({ status: 'fail', line: 9 });
  });

  it('fails a probe with curl, which slim images lack', async () => {
    const finding = await runOnDockerfile(check, withHealthcheck('HEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1:8000/health"]'));
    expect(finding).toMatchObject({ status: 'fail', line: 9 });
    expect(finding.message).toMatch(/curl/);
  });

  it('fails without HEALTHCHECK, even in a comment', async () => {
    const finding = await runOnDockerfile(check, withHealthcheck(`# ${HEALTHCHECK}`));
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/Aucun HEALTHCHECK/);
  });

  it('grades real folders: the reference passes, HEALTHCHECK NONE fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    expect(await runOnFolder(check, { 'starter/Dockerfile': withHealthcheck('HEALTHCHECK NONE') })).toMatchObject({ status: 'fail', line: 9 });
  });
});
