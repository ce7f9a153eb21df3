import { describe, expect, it } from 'vitest';
import { criterion as check } from './exec-form.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

const CMD = 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]';
const withCmd = (lines: string): string => GOOD.replace(CMD, lines);
const CMD_LINE = 10;

describe('dockerfile.exec-form', () => {
  it.each([
    ['the reference CMD', CMD],
    ['--host= and --port=', 'CMD ["uvicorn", "app:app", "--host=0.0.0.0", "--port=8000"]'],
    ['no --port (uvicorn defaults to 8000)', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]'],
    ['python -m uvicorn', 'CMD ["python", "-m", "uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'],
    ['python3 -m uvicorn', 'CMD ["python3", "-m", "uvicorn", "app:app", "--host", "0.0.0.0"]'],
    ['an absolute uvicorn path', 'CMD ["/usr/local/bin/uvicorn", "app:app", "--host", "0.0.0.0"]'],
    ['ENTRYPOINT + CMD split', 'ENTRYPOINT ["uvicorn"]\nCMD ["app:app", "--host", "0.0.0.0", "--port", "8000"]'],
    ['CMD before ENTRYPOINT in the same stage', 'CMD ["app:app", "--host", "0.0.0.0"]\nENTRYPOINT ["uvicorn"]'],
    ['ENTRYPOINT alone', 'ENTRYPOINT ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'],
    ['tini as init', 'ENTRYPOINT ["tini", "--"]\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]'],
    ['UVICORN_HOST in ENV', 'ENV UVICORN_HOST=0.0.0.0\nCMD ["uvicorn", "app:app"]'],
    ['fastapi run', 'CMD ["fastapi", "run", "app.py"]'],
    ['sh -c exec uvicorn', 'CMD ["sh", "-c", "exec uvicorn app:app --host 0.0.0.0 --port 8000"]'],
    ['the last CMD wins', 'CMD uvicorn app:app\n' + CMD],
  ])('accepts %s', async (_name, lines) => {
    expect((await runOnDockerfile(check, withCmd(lines))).status).toBe('pass');
  });

  it('fails the shell form, explaining PID 1 and SIGTERM', async () => {
    const finding = await runOnDockerfile(check, withCmd('CMD uvicorn app:app --host 0.0.0.0 --port 8000'));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: CMD_LINE });
    expect(finding.message).toMatch(/\/bin\/sh/);
    expect(finding.message).toMatch(/SIGTERM/);
    expect(finding.message).toMatch(/10 s/);
  });

  it('fails a shell-form ENTRYPOINT, at its line', async () => {
    const finding = await runOnDockerfile(check, withCmd('ENTRYPOINT uvicorn app:app --host 0.0.0.0\nCMD ["--port", "8000"]'));
    expect(finding).toMatchObject({ status: 'fail', line: CMD_LINE });
    expect(finding.message).toMatch(/ENTRYPOINT est en forme shell/);
  });

  it('fails single quotes, which are not JSON and fall back to the shell form', async () => {
    const finding = await runOnDockerfile(check, withCmd(`CMD ['uvicorn', 'app:app', '--host', '0.0.0.0']`));
    expect(finding).toMatchObject({ status: 'fail', line: CMD_LINE });
    expect(finding.message).toMatch(/forme shell/);
  });

  it('fails a missing --host: uvicorn listens on 127.0.0.1', async () => {
    const finding = await runOnDockerfile(check, withCmd('CMD ["uvicorn", "app:app", "--port", "8000"]'));
    expect(finding).toMatchObject({ status: 'fail', line: CMD_LINE });
    expect(finding.message).toMatch(/pas joignable depuis l’extérieur/);
  });

  it.each([
    ['--host 127.0.0.1', 'CMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]', /127\.0\.0\.1/],
    ['--host=localhost', 'CMD ["uvicorn", "app:app", "--host=localhost"]', /localhost/],
    ['another port', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "80"]', /port 80 /],
    ['a variable in the exec form', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "$PORT"]', /variables/],
    ['another program', 'CMD ["python", "app.py"]', /ne démarre pas uvicorn/],
    ['sh -c without exec', 'CMD ["sh", "-c", "uvicorn app:app --host 0.0.0.0"]', /PID 1 est le shell/],
    ['a unix socket', 'CMD ["uvicorn", "app:app", "--uds", "/tmp/api.sock"]', /--uds/],
    ['an empty CMD', 'CMD []', /vide/],
  ])('rejects %s', async (_name, lines, message) => {
    const finding = await runOnDockerfile(check, withCmd(lines));
    expect(finding).toMatchObject({ status: 'fail', line: CMD_LINE });
    expect(finding.message).toMatch(message);
  });

  it('fails without any CMD, even one in a comment', async () => {
    const finding = await runOnDockerfile(check, withCmd(`# ${CMD}`));
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/Aucun CMD/);
  });

  it('resets an inherited CMD when a later stage sets ENTRYPOINT', async () => {
    const multi = `FROM python:3.13-slim AS base\nCMD ["app:app", "--host", "0.0.0.0"]\nFROM base\nENTRYPOINT ["uvicorn"]\n`;
    expect(await runOnDockerfile(check, multi)).toMatchObject({ status: 'fail', line: 4 });
  });

  it('uses the final stage only', async () => {
    const multi = `FROM python:3.13-slim AS builder\n${CMD}\nFROM python:3.13-slim\nCMD ["python", "app.py"]\n`;
    expect(await runOnDockerfile(check, multi)).toMatchObject({ status: 'fail', line: 4 });
  });

  it('grades real folders: the reference passes, the shell form fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const finding = await runOnFolder(check, { 'starter/Dockerfile': withCmd('CMD uvicorn app:app --host 0.0.0.0') });
    expect(finding).toMatchObject({ status: 'fail', line: CMD_LINE });
  });
});
