import { describe, expect, test } from 'vitest';
import { betterStop, judgedStopMs, slowButHandled, type StopObservation } from '../../docker/container/stop-time.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { ContainerServerInput, Observations } from '../observations.ts';
import { criterion } from './graceful-stop.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';

const judge = (stop: StopObservation, lab = TP1) => criterion.judge({ container: { stop } } as Observations, DEFAULT_SETTINGS, lab);
const stopped = (durationMs: number, exitCode: number, measures?: number, engineLagMs?: number): StopObservation => ({
  state: 'stopped',
  durationMs,
  exitCode,
  ...(engineLagMs !== undefined ? { engineLagMs } : {}),
  ...(measures ? { measures } : {}),
});

describe('container.graceful-stop', () => {
  test('a quick stop PID 1 handled passes', () => {
    expect(judge(stopped(800, 0))).toMatchObject({ status: 'pass' });
  });

  test('the engine\'s own lag (a starved machine) is not counted against the app', () => {
    expect(judgedStopMs({ durationMs: 5_400, engineLagMs: 900 })).toBe(4_500);
    expect(judgedStopMs({ durationMs: 300, engineLagMs: 2_000 })).toBe(0);
    expect(judge(stopped(5_400, 0, undefined, 900))).toMatchObject({ status: 'pass', message: expect.stringMatching(/4\.5 s/) });
    expect(judge(stopped(5_400, 0, undefined, 100))).toMatchObject({ status: 'fail' });
  });

  test('a PID 1 the engine had to kill fails on the Dockerfile, naming the shell form, whatever the lag', () => {
    expect(judge(stopped(6_100, 137, undefined, 3_000))).toMatchObject({ status: 'fail', message: expect.stringMatching(/6\.1 s/) });
    const finding = judge(stopped(6_100, 137));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toMatch(/ignore SIGTERM.*forme exec/);
  });

  test('a stop over the limit that PID 1 ended itself fails as slow, not as ignoring SIGTERM', () => {
    const finding = judge(stopped(5_600, 0, 2));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/app.py' });
    expect(finding.message).toMatch(/5\.6 s \(meilleure de deux mesures\).*trop lentement/);
  });
});

describe('measuring the stop again', () => {
  test('only a slow stop that PID 1 ended itself is measured again', () => {
    expect(slowButHandled(stopped(5_400, 0), 5)).toBe(true);
    expect(slowButHandled(stopped(6_000, 137), 5)).toBe(false);
    expect(slowButHandled(stopped(900, 0), 5)).toBe(false);
    expect(slowButHandled({ state: 'stop-failed', reason: 'x' }, 5)).toBe(false);
  });

  test('the faster measure that was not killed is kept, and says there were two', () => {
    expect(betterStop(stopped(5_400, 0), stopped(700, 0))).toEqual(stopped(700, 0, 2));
    expect(betterStop(stopped(5_400, 0), stopped(6_000, 137))).toEqual(stopped(5_400, 0, 2));
    expect(betterStop(stopped(5_400, 0), { state: 'stop-failed', reason: 'x' })).toEqual(stopped(5_400, 0, 2));
  });
});

describe('container.graceful-stop, in the words of a lab served by gunicorn on port 5000 (docker-basics)', () => {
  test('the shell form names gunicorn and the statement’s CMD; a slow stop names the application', () => {
    expect(judge({ state: 'stopped', durationMs: 6_100, exitCode: 137 }, BASICS).message).toBe(
      'docker stop a pris 6.1 s (limite 5 s) et a dû tuer le conteneur : le processus principal (PID 1) ignore SIGTERM. C\'est le cas d\'un CMD en forme shell (`CMD gunicorn …`), où PID 1 est /bin/sh ; écrivez-le en forme exec : `CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]`.',
    );
    expect(judge({ state: 'stopped', durationMs: 6_100, exitCode: 0 }, BASICS)).toMatchObject({ file: 'starter/app.py', message: expect.stringContaining("Vérifiez ce que l'application fait à l'arrêt") });
    expect(judge({ state: 'not-judged', reason: 'no-http' }, BASICS).message).toContain('sur le port 5000');
  });

  test('a killed container names its PID 1 when its processes were listed: the development server, or another program; a shell keeps the shell-form advice', () => {
    const killed = stopped(6_100, 137);
    const listed = (command: string): ContainerServerInput => ({ state: 'listed', pid1: 40, processes: [{ pid: 40, ppid: 1, command }] });
    const withPid1 = (command: string) => criterion.judge({ container: { stop: killed, server: listed(command) } } as Observations, DEFAULT_SETTINGS, BASICS);
    expect(withPid1('python app.py')).toMatchObject({
      file: 'starter/Dockerfile',
      message:
        'docker stop a pris 6.1 s (limite 5 s) et a dû tuer le conteneur : le processus principal (PID 1), « python app.py », est le serveur de développement de Flask, qui ignore SIGTERM en PID 1. Lancez gunicorn dans le CMD, en forme exec : `CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]` (voir container.server).',
    });
    expect(withPid1('/usr/local/bin/myserver --port 5000').message).toContain('le processus principal (PID 1), « /usr/local/bin/myserver --port 5000 », ignore SIGTERM. Lancez le serveur directement en forme exec');
    expect(withPid1('/bin/sh -c gunicorn --bind 0.0.0.0:5000 app:app').message).toBe(judge(killed, BASICS).message);
  });
});
