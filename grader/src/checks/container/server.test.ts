import { describe, expect, test } from 'vitest';
import { parseTop } from '../../docker/container/processes.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { ContainerServerInput, Observations } from '../observations.ts';
import { criterion, servingProcesses } from './server.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const judge = (server: ContainerServerInput, lab = BASICS) => criterion.judge({ container: { server } } as Observations, DEFAULT_SETTINGS, lab);

/** `docker top` as the engine answered it (Docker 20.10, default `ps -ef`), and the container's `State.Pid`. */
type Top = { Titles: string[]; Processes: string[][] };
const TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];
const listed = (pid1: number, top: Top): ContainerServerInput => ({ state: 'listed', pid1, processes: parseTop(top) });
const row = (uid: string, pid: number, ppid: number, cmd: string) => [uid, String(pid), String(ppid), '0', '12:41', '?', '00:00:00', cmd];

// Recorded on an engine (Docker 20.10, the stand-in for python:3.12-slim, whose Debian packages put
// gunicorn and flask in /usr/bin): the reference image (gunicorn's master and its worker), Flask's
// development server (`flask run`, and `python app.py` with app.run()), a shell-form CMD (dash's
// `sh -c` stays PID 1). The official image runs them as `/usr/local/bin/python3.12
// /usr/local/bin/gunicorn …` (tested below); tini is written after it.
const GUNICORN: Top = {
  Titles: TITLES,
  Processes: [
    row('10001', 19699, 19677, '/usr/bin/python3 /usr/bin/gunicorn --bind 0.0.0.0:5000 app:app'),
    row('10001', 19727, 19699, '/usr/bin/python3 /usr/bin/gunicorn --bind 0.0.0.0:5000 app:app'),
  ],
};
const FLASK_RUN: Top = { Titles: TITLES, Processes: [row('10001', 20042, 20019, '/usr/bin/python3 /usr/bin/flask run --host 0.0.0.0 --port 5000')] };
const PYTHON_APP: Top = { Titles: TITLES, Processes: [row('10001', 20752, 20732, 'python app.py')] };
const SHELL_FORM: Top = {
  Titles: TITLES,
  Processes: [
    row('10001', 21640, 21620, '/bin/sh -c gunicorn --bind 0.0.0.0:5000 app:app'),
    row('10001', 21698, 21640, '/usr/bin/python3 /usr/bin/gunicorn --bind 0.0.0.0:5000 app:app'),
    row('10001', 21716, 21698, '/usr/bin/python3 /usr/bin/gunicorn --bind 0.0.0.0:5000 app:app'),
  ],
};
const TINI: Top = {
  Titles: TITLES,
  Processes: [
    row('root', 7100, 7080, '/usr/bin/tini -- gunicorn --bind 0.0.0.0:5000 app:app'),
    row('root', 7121, 7100, '/usr/local/bin/python3.12 /usr/local/bin/gunicorn --bind 0.0.0.0:5000 app:app'),
  ],
};

describe('container.server', () => {
  test('gunicorn as PID 1 passes, quoting its command line', () => {
    expect(judge(listed(19699, GUNICORN))).toEqual({
      status: 'pass',
      message: 'Le conteneur sert HTTP avec gunicorn : « /usr/bin/python3 /usr/bin/gunicorn --bind 0.0.0.0:5000 app:app ».',
    });
  });

  test('the official image’s paths, python -m gunicorn and gunicorn’s process title are gunicorn too', () => {
    for (const cmd of ['/usr/local/bin/python3.12 /usr/local/bin/gunicorn --bind 0.0.0.0:5000 app:app', 'python -m gunicorn -b 0.0.0.0:5000 app:app', 'gunicorn: master [app:app]']) {
      expect(judge(listed(10, { Titles: TITLES, Processes: [row('root', 10, 1, cmd)] })).status, cmd).toBe('pass');
    }
  });

  test('gunicorn behind a shell-form CMD or an init still serves: the wrapper is followed to its child', () => {
    expect(judge(listed(21640, SHELL_FORM))).toMatchObject({ status: 'pass' });
    expect(judge(listed(7100, TINI))).toMatchObject({ status: 'pass' });
    expect(servingProcesses(21640, parseTop(SHELL_FORM)).map((p) => p.pid)).toEqual([21698]);
  });

  test('Flask’s development server fails on the Dockerfile, named, with the CMD to write', () => {
    for (const [pid1, top, shown] of [[20042, FLASK_RUN, '/usr/bin/python3 /usr/bin/flask run --host 0.0.0.0 --port 5000'], [20752, PYTHON_APP, 'python app.py']] as const) {
      const finding = judge(listed(pid1, top));
      expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
      expect(finding.message).toMatch(new RegExp(`^Le conteneur sert HTTP avec le serveur de développement de Flask \\(« ${shown.replace(/[.]/g, '\\.')} »\\) et non avec gunicorn`));
      expect(finding.message).toContain('WARNING: This is a development server');
      expect(finding.message).toContain('CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]');
    }
  });

  test('another program as the main process is named as it is', () => {
    const finding = judge(listed(9, { Titles: TITLES, Processes: [row('root', 9, 1, 'waitress-serve --port=5000 app:app')] }));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toBe(
      'Le processus principal du conteneur est « waitress-serve --port=5000 app:app », pas gunicorn : le TP demande que gunicorn serve l\'application. Lancez-le dans le CMD : CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"].',
    );
  });

  test('PID 1 is found by the engine’s State.Pid, else as the process whose parent is outside the container', () => {
    const top: Top = { Titles: TITLES, Processes: [row('root', 20, 1, 'python app.py'), row('root', 21, 20, '/usr/local/bin/gunicorn -b :5000 app:app')] };
    expect(servingProcesses(20, parseTop(top)).map((p) => p.pid)).toEqual([20]);
    expect(servingProcesses(999, parseTop(top)).map((p) => p.pid)).toEqual([20]);
  });

  test('a container that never served HTTP, or was not built, is not judged on its server', () => {
    expect(judge({ state: 'not-built' })).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
    expect(judge({ state: 'not-judged', reason: 'no-http' })).toEqual({
      status: 'fail',
      message: "Non vérifiable : aucun serveur HTTP n'a été vu en marche dans le conteneur sur le port 5000 (voir container.health) ; le processus qui sert HTTP n'est observé que sur un serveur qui tourne.",
    });
    expect(judge({ state: 'not-running' })).toMatchObject({ status: 'fail', message: expect.stringMatching(/^Non vérifiable : le conteneur s'est arrêté/) });
  });

  test('the engine’s failure, or a lab that names no server, is the grader’s error, not the student’s', () => {
    expect(judge({ state: 'list-failed', reason: 'ps: executable file not found' })).toEqual({ status: 'error', message: 'docker top a échoué : ps: executable file not found' });
    expect(judge({ state: 'not-judged', reason: 'no-server' })).toMatchObject({ status: 'error' });
    expect(judge(listed(19699, GUNICORN), TP1)).toMatchObject({ status: 'error', message: expect.stringContaining('ne nomme pas le serveur') });
  });
});

describe('docker top, parsed', () => {
  test('reads PID, PPID and the whole command line by the column titles', () => {
    expect(parseTop(SHELL_FORM)[0]).toEqual({ pid: 21640, ppid: 21620, command: '/bin/sh -c gunicorn --bind 0.0.0.0:5000 app:app' });
    expect(parseTop({ Titles: ['PID', 'PPID', 'COMMAND'], Processes: [['5', '1', 'gunicorn app:app']] })).toEqual([{ pid: 5, ppid: 1, command: 'gunicorn app:app' }]);
    expect(parseTop({ Titles: ['UID', 'PID'], Processes: [['root', '5']] })).toEqual([]);
  });
});
