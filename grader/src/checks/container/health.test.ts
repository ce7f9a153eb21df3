import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { ContainerHealthInput, Observations } from '../observations.ts';
import { criterion } from './health.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';

const judge = (health: ContainerHealthInput, lab = TP1) => criterion.judge({ container: { health } } as Observations, DEFAULT_SETTINGS, lab);
const TRACEBACK = 'Traceback (most recent call last):\n  File "/app/app.py", line 7, in <module>\n    import missing\nModuleNotFoundError: No module named \'missing\'';

describe('container.health', () => {
  test('/health answering passes with the time it took', () => {
    expect(judge({ state: 'healthy', elapsedMs: 1_240 })).toEqual({ status: 'pass', message: '/health répond {"status":"ok"} après 1.2 s.' });
  });

  test('an image that was not built, or a container the engine refused, is not judged on the app', () => {
    expect(judge({ state: 'not-built' })).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
    expect(judge({ state: 'start-failed', reason: 'no command specified' })).toEqual({ status: 'fail', message: 'Le conteneur ne démarre pas : no command specified.' });
  });

  test('a crash at start-up points at the traceback\'s line, else at the logs', () => {
    const crash = judge({ state: 'exited', exitCode: 1, oomKilled: false, logs: TRACEBACK, elapsedMs: 900 });
    expect(crash).toMatchObject({ status: 'fail', file: 'starter/app.py', line: 7, excerpt: TRACEBACK });
    expect(crash.message).toMatch(/^Le conteneur s'est arrêté \(code de sortie 1\) avant de répondre sur \/health\. Python s'est arrêté sur starter\/app\.py:7 avec « ModuleNotFoundError/);
    const silent = judge({ state: 'exited', exitCode: 3, oomKilled: false, logs: 'bye', elapsedMs: 900 });
    expect(silent).toMatchObject({ status: 'fail', file: 'starter/app.py' });
    expect(silent.line).toBeUndefined();
    expect(silent.message).toContain('(code de sortie 3)');
    expect(silent.message).toContain('(`docker logs`)');
  });

  test('a container killed for memory says so, with the limit', () => {
    const finding = judge({ state: 'exited', exitCode: 137, oomKilled: true, logs: TRACEBACK, elapsedMs: 900 });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/app.py' });
    expect(finding.line).toBeUndefined();
    expect(finding.message).toMatch(/^Le conteneur a été tué par manque de mémoire \(code de sortie 137, limite de 512 Mo\)/);
  });

  test('a wrong answer quotes the status and the body', () => {
    const finding = judge({ state: 'bad-answer', status: 404, body: '{"detail":"Not Found"}', logs: 'GET /health 404', elapsedMs: 3_000 });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/app.py', excerpt: 'GET /health 404' });
    expect(finding.message).toBe('GET /health répond 404 avec "{\\"detail\\":\\"Not Found\\"}" au lieu de 200 et {"status": "ok"}. Vérifiez la route et la valeur renvoyée dans app.py.');
  });

  test('uvicorn on 127.0.0.1 is blamed on the Dockerfile\'s CMD', () => {
    const finding = judge({ state: 'loopback-only', logs: 'Uvicorn running on http://127.0.0.1:8000', elapsedMs: 800 });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toContain('`--host 0.0.0.0`');
  });

  test('no answer: the pids limit names a process storm in app.py, otherwise the wait\'s last observation', () => {
    const storm = judge({ state: 'no-answer', seen: 'pas de réponse (ECONNREFUSED)', logs: '', elapsedMs: 60_000, pidsAtLimit: true });
    expect(storm).toMatchObject({ status: 'fail', file: 'starter/app.py' });
    expect(storm.message).toMatch(/^Le conteneur a atteint sa limite de 256 processus et \/health ne répond pas en 60 s/);
    const silent = judge({ state: 'no-answer', seen: 'pas de réponse (ECONNREFUSED)', logs: '', elapsedMs: 60_000, pidsAtLimit: false });
    expect(silent).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(silent.message).toMatch(/^Le conteneur tourne mais \/health ne répond pas en 60 s \(pas de réponse \(ECONNREFUSED\)\)\./);
  });
});

describe('container.health, in the words of a lab served by gunicorn on port 5000 (docker-basics)', () => {
  const basics = (health: ContainerHealthInput) => judge(health, BASICS);

  test('a server on the loopback only: the port, the server and its option', () => {
    expect(basics({ state: 'loopback-only', logs: '[INFO] Listening at: http://127.0.0.1:5000 (1)', elapsedMs: 800 }).message).toBe(
      "Le serveur écoute sur 127.0.0.1 : il n'est joignable que depuis l'intérieur du conteneur, donc `-p 5000:5000` ne mène nulle part. Ajoutez `--bind 0.0.0.0:5000` à la commande gunicorn du CMD.",
    );
  });

  test('no answer names gunicorn on 0.0.0.0:5000; a crash without traceback points at app.py', () => {
    expect(basics({ state: 'no-answer', seen: 'pas de réponse (ECONNRESET)', logs: '', elapsedMs: 60_000, pidsAtLimit: false }).message).toBe(
      "Le conteneur tourne mais /health ne répond pas en 60 s (pas de réponse (ECONNRESET)). Gunicorn doit écouter sur 0.0.0.0:5000 (`--bind 0.0.0.0:5000`) : sur 127.0.0.1 il n'est joignable que depuis l'intérieur du conteneur.",
    );
    expect(basics({ state: 'exited', exitCode: 4, oomKilled: false, logs: "Failed to find attribute 'app' in 'app'.", elapsedMs: 900 })).toMatchObject({ status: 'fail', file: 'starter/app.py' });
  });
});
