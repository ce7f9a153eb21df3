import { describe, expect, it } from 'vitest';
import { criterion as check } from './exec-form.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';

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

describe('dockerfile.exec-form, for a lab served by gunicorn on port 5000 (docker-basics)', () => {
  const GUNICORN_CMD = 'CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]';
  const basics = (lines: string) => GOOD.replace('EXPOSE 8000', 'EXPOSE 5000').replace(CMD, lines);
  const on = (lines: string, files: Record<string, string> = {}) => runOnDockerfile(check, basics(lines), BASICS, files);

  it.each([
    ['the statement’s CMD', GUNICORN_CMD],
    ['-b', 'CMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]'],
    ['--bind=', 'CMD ["gunicorn", "--bind=0.0.0.0:5000", "app:app"]'],
    ['-b glued to its value', 'CMD ["gunicorn", "-b0.0.0.0:5000", "app:app"]'],
    ['the empty host (every interface)', 'CMD ["gunicorn", "--bind", ":5000", "app:app"]'],
    ['IPv6 wildcard', 'CMD ["gunicorn", "--bind", "[::]:5000", "app:app"]'],
    ['tcp://', 'CMD ["gunicorn", "--bind", "tcp://0.0.0.0:5000", "app:app"]'],
    ['a second bind on the loopback', 'CMD ["gunicorn", "-b", "127.0.0.1:9000", "-b", "0.0.0.0:5000", "app:app"]'],
    ['python -m gunicorn, with workers', 'CMD ["python", "-m", "gunicorn", "--workers", "2", "--bind", "0.0.0.0:5000", "app:app"]'],
    ['ENTRYPOINT + CMD split, as a real report recommends', 'ENTRYPOINT ["gunicorn"]\nCMD ["--bind", "0.0.0.0:5000", "app:app"]'],
    ['sh -c exec gunicorn', 'CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:5000 app:app"]'],
    ['PORT in ENV (gunicorn then binds 0.0.0.0:$PORT)', 'ENV PORT=5000\nCMD ["gunicorn", "app:app"]'],
    ['GUNICORN_CMD_ARGS in ENV', 'ENV GUNICORN_CMD_ARGS="--bind=0.0.0.0:5000 --workers=2"\nCMD ["gunicorn", "app:app"]'],
    ['a configuration file given with -c (its bind is judged by container.health)', 'CMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]'],
  ])('accepts %s', async (_name, lines) => {
    expect(await on(lines)).toMatchObject({ status: 'pass' });
  });

  it('accepts no --bind when starter/gunicorn.conf.py exists (gunicorn reads it from its working directory)', async () => {
    expect(await on('CMD ["gunicorn", "app:app"]', { 'starter/gunicorn.conf.py': 'bind = "0.0.0.0:5000"\n' })).toMatchObject({ status: 'pass' });
  });

  it.each([
    ['no --bind: 127.0.0.1:8000', 'CMD ["gunicorn", "app:app"]', 'Sans --bind, gunicorn écoute sur 127.0.0.1:8000 : le conteneur n’est pas joignable depuis l’extérieur, même avec -p 5000:5000. Ajoutez "--bind", "0.0.0.0:5000" à la commande.'],
    ['the loopback', 'CMD ["gunicorn", "--bind", "127.0.0.1:5000", "app:app"]', 'gunicorn écoute sur 127.0.0.1 : seul le conteneur lui-même peut le joindre, le conteneur n’est pas joignable depuis l’extérieur. Utilisez "--bind", "0.0.0.0:5000".'],
    ['localhost', 'CMD ["gunicorn", "-b", "localhost:5000", "app:app"]', 'gunicorn écoute sur localhost : seul le conteneur lui-même peut le joindre, le conteneur n’est pas joignable depuis l’extérieur. Utilisez "--bind", "0.0.0.0:5000".'],
    ['port 8000', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]', 'gunicorn écoute sur le port 8000 au lieu de 5000 : -p 5000:5000 et EXPOSE 5000 ne mèneraient nulle part. Utilisez "--bind", "0.0.0.0:5000".'],
    ['a host without port (8000 by default)', 'CMD ["gunicorn", "--bind", "0.0.0.0", "app:app"]', 'gunicorn écoute sur le port 8000 au lieu de 5000 : -p 5000:5000 et EXPOSE 5000 ne mèneraient nulle part. Utilisez "--bind", "0.0.0.0:5000".'],
    ['a Unix socket', 'CMD ["gunicorn", "--bind", "unix:/tmp/app.sock", "app:app"]', 'gunicorn écoute sur unix:/tmp/app.sock au lieu d’un port TCP : l’application ne serait pas joignable par -p 5000:5000. Utilisez "--bind", "0.0.0.0:5000".'],
    ['a variable', 'CMD ["gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]', 'La forme exec ne remplace pas les variables ($…) : gunicorn recevrait le texte tel quel. Écrivez les valeurs en clair : "--bind", "0.0.0.0:5000".'],
    ['flask run', 'CMD ["flask", "run", "--host", "0.0.0.0", "--port", "5000"]', 'La commande « flask run --host 0.0.0.0 --port 5000 » lance le serveur de développement de Flask, pas gunicorn : le TP demande CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].'],
    ['python app.py', 'CMD ["python", "app.py"]', 'La commande « python app.py » lance le serveur de développement de Flask, pas gunicorn : le TP demande CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].'],
    ['uvicorn (the other lab’s server)', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "5000"]', 'La commande « uvicorn app:app --host 0.0.0.0 --port 5000 » ne démarre pas gunicorn : le TP demande CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].'],
    ['sh -c without exec', 'CMD ["sh", "-c", "gunicorn --bind 0.0.0.0:5000 app:app"]', 'La commande passe par sh -c : le PID 1 est le shell, qui ne transmet pas SIGTERM à gunicorn, et docker stop attend 10 s. Lancez gunicorn directement : CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].'],
  ])('rejects %s, in the lab’s words', async (_name, lines, message) => {
    expect(await on(lines)).toEqual({ status: 'fail', message, file: 'starter/Dockerfile', line: CMD_LINE });
  });

  it('names gunicorn and the statement’s CMD for the shell form and a missing CMD', async () => {
    const shell = await on('CMD gunicorn --bind 0.0.0.0:5000 app:app');
    expect(shell.message).toBe(
      'CMD est en forme shell : Docker le lance via /bin/sh -c, donc le PID 1 du conteneur est /bin/sh, qui ne transmet pas SIGTERM à gunicorn ; docker stop attend alors 10 s avant de tuer le conteneur. Écrivez la forme exec (tableau JSON) : CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].',
    );
    expect((await on(`# ${GUNICORN_CMD}`)).message).toBe(
      'Aucun CMD : le conteneur lancerait la commande de l’image de base (python3) au lieu de l’application. Ajoutez CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].',
    );
  });
});
