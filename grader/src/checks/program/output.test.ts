import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { criterion } from './output.ts';
import { RECORDED, everyRun, exited, observed, printed } from './testing.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';

const judge = (...args: Parameters<typeof observed>) => criterion.judge(observed(...args), DEFAULT_SETTINGS, BASIC1);

describe('program.output', () => {
  test('the three expected lines and code 0 pass, with the time it took', () => {
    expect(judge()).toEqual({ status: 'pass', message: '`docker run --rm welcome:1.0.0` affiche le message attendu et se termine (code 0, en 0.4 s).' });
    // A non-breaking space before « ! » (a French keyboard's) reads the same; stderr is what the terminal shows too.
    expect(judge({ plain: exited('Bonjour Docker\u00a0!\n', { stderr: '2025-10-31 10:12\nLinux\n' }) }).status).toBe('pass');
  });

  test('an image that was not built is not judged; a lab without a program is the grader\'s configuration', () => {
    expect(criterion.judge(everyRun({ state: 'not-built' }), DEFAULT_SETTINGS, BASIC1)).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
    expect(criterion.judge(everyRun({ state: 'not-judged', because: 'no-program' }), DEFAULT_SETTINGS, BASIC1)).toMatchObject({ status: 'error' });
    expect(judge({ plain: { state: 'interrupted' } })).toEqual({ status: 'error', message: 'Critère non évalué (grading interrompu).' });
  });

  test('a crash points at the traceback\'s line in welcome.py, with a word on os.environ or input() when that is the cause', () => {
    const keyError = judge({ plain: exited('', { stderr: RECORDED.keyError, exitCode: 1 }) });
    expect(keyError).toMatchObject({ status: 'fail', file: 'starter/welcome.py', line: 2, excerpt: RECORDED.keyError.trimEnd() });
    expect(keyError.message).toMatch(/^`docker run --rm welcome:1\.0\.0` s'arrête avec le code de sortie 1\. Python s'est arrêté sur starter\/welcome\.py:2 avec « KeyError: 'WELCOME_NAME' »/);
    expect(keyError.message).toContain('(la trace complète est dans la sortie de `docker run --rm welcome:1.0.0`)');
    expect(keyError.message).toContain('`os.getenv("WELCOME_NAME", …)`');
    const prompt = judge({ plain: exited('Nom ? ', { stderr: RECORDED.eof, exitCode: 1 }) });
    expect(prompt).toMatchObject({ status: 'fail', file: 'starter/welcome.py', line: 4 });
    expect(prompt.message).toContain('input()');
    const silent = judge({ plain: exited('', { stderr: 'Segmentation fault\n', exitCode: 139 }) });
    expect(silent).toMatchObject({ status: 'fail', file: 'starter/welcome.py' });
    expect(silent.line).toBeUndefined();
  });

  test('a file Python cannot open or a command not found is the Dockerfile\'s', () => {
    const unopened = judge({ plain: exited('', { stderr: RECORDED.cannotOpen, exitCode: 2 }) });
    expect(unopened).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(unopened.message).toContain("Python ne trouve pas « /app/welcome.py » dans l'image");
    const shell = judge({ plain: exited('', { stderr: RECORDED.shellNotFound, exitCode: 127 }) });
    expect(shell).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(shell.message).toContain("La commande « pythn » est introuvable dans l'image");
    const refused = judge({ plain: { state: 'start-failed', step: 'start', reason: RECORDED.execNotFound } });
    expect(refused).toEqual({
      status: 'fail',
      file: 'starter/Dockerfile',
      message: "`docker run --rm welcome:1.0.0` ne démarre pas : la commande « pythn » est introuvable dans l'image. Vérifiez l'orthographe du CMD (ou de l'ENTRYPOINT) du Dockerfile.",
    });
  });

  test('a program that does not end, or that runs out of memory, is welcome.py\'s', () => {
    const endless = judge({ plain: { state: 'timed-out', stdout: { text: '', truncated: false }, stderr: { text: '', truncated: false }, elapsedMs: 60_000 } });
    expect(endless).toMatchObject({ status: 'fail', file: 'starter/welcome.py' });
    expect(endless.message).toMatch(/^`docker run --rm welcome:1\.0\.0` ne se termine pas en 60 s : le programme doit afficher son message puis s'arrêter de lui-même\./);
    const oom = judge({ plain: exited('', { exitCode: 137, oomKilled: true }) });
    expect(oom).toMatchObject({ status: 'fail', file: 'starter/welcome.py' });
    expect(oom.message).toContain('tué par manque de mémoire (code de sortie 137, limite de 512 Mo)');
  });

  test('nothing printed: the Dockerfile when its CMD does not name welcome.py, else welcome.py', () => {
    const noCmd = judge({ plain: exited('') }, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY welcome.py .\n');
    expect(noCmd).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(noCmd.message).toMatch(/se termine sans rien afficher : le conteneur ne lance pas welcome\.py/);
    const noPrint = judge({ plain: exited('') }, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY welcome.py .\nCMD ["python", "welcome.py"]\n');
    expect(noPrint).toMatchObject({ status: 'fail', file: 'starter/welcome.py' });
    expect(noPrint.message).toContain('print');
  });

  test('a missing line is named, with the first lines printed; a near miss is pointed out', () => {
    const finding = judge({ plain: exited('Hello Docker!\nLinux\n') });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/welcome.py', excerpt: 'Hello Docker!\nLinux' });
    expect(finding.message).toBe("Il manque à la sortie de `docker run --rm welcome:1.0.0` : « Bonjour Docker ! » et la date et l'heure. Le programme affiche « Hello Docker! » / « Linux ». Complétez welcome.py.");
    const near = judge({ plain: exited(printed().replace('Bonjour Docker !', 'bonjour Docker!')) });
    expect(near.message).toContain("« bonjour Docker! » ressemble à « Bonjour Docker ! » mais n'est pas identique (majuscules, espaces et ponctuation comptent).");
  });

  test('student text quoted in a message is one line, cut, without control characters', () => {
    const finding = judge({ plain: exited(`\u001b[31m${'y'.repeat(200)}\u001b[0m\n`) });
    expect(finding.message).not.toMatch(/[\u0000-\u001f]/);
    expect(finding.message).toContain(`« ${'y'.repeat(79)}… »`);
  });
});
