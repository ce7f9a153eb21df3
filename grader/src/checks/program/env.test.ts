import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { criterion } from './env.ts';
import { RECORDED, everyRun, exited, observed, printed } from './testing.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';

const judge = (...args: Parameters<typeof observed>) => criterion.judge(observed(...args), DEFAULT_SETTINGS, BASIC1);

describe('program.env', () => {
  test('the variable given with -e changes the greeting: pass', () => {
    expect(judge()).toEqual({ status: 'pass', message: 'Avec `-e WELCOME_NAME=Alice`, le programme affiche « Bonjour Alice ! ».' });
  });

  test('not built, or no program in the lab: not judged', () => {
    expect(criterion.judge(everyRun({ state: 'not-built' }), DEFAULT_SETTINGS, BASIC1)).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
    expect(criterion.judge(everyRun({ state: 'not-judged', because: 'no-program' }), DEFAULT_SETTINGS, BASIC1).status).toBe('error');
  });

  test('the default greeting with the variable set: the variable is not read, with the os.getenv to write', () => {
    const finding = judge({ env: exited(printed()) });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/welcome.py' });
    expect(finding.message).toBe(
      "La variable d'environnement WELCOME_NAME n'est pas lue : avec `-e WELCOME_NAME=Alice`, le programme affiche toujours « Bonjour Docker ! » au lieu de « Bonjour Alice ! ». Dans welcome.py, lisez-la avec `os.getenv(\"WELCOME_NAME\", \"Docker\")` (module os) et mettez sa valeur dans le message.",
    );
    // Also when the greeting itself is a near miss of the expected one.
    expect(judge({ plain: exited(printed().replace('Docker !', 'Docker!')), env: exited(printed().replace('Docker !', 'Docker!')) }).message).toMatch(/^La variable d'environnement WELCOME_NAME n'est pas lue : .* affiche toujours « Bonjour Docker! »/);
  });

  test('another wrong greeting is quoted, a near miss pointed out', () => {
    const finding = judge({ env: exited('Bonjour !\n') });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/welcome.py', excerpt: 'Bonjour !' });
    expect(finding.message).toBe('Avec `-e WELCOME_NAME=Alice`, le programme affiche « Bonjour ! » : il manque « Bonjour Alice ! ». Le message de welcome.py doit reprendre la valeur de WELCOME_NAME.');
    expect(judge({ env: exited('BONJOUR ALICE !\n') }).message).toContain('« BONJOUR ALICE ! » ressemble à « Bonjour Alice ! »');
  });

  test('a program that already fails without the variable is judged by program.output only', () => {
    const crash = exited('', { stderr: RECORDED.cannotOpen, exitCode: 2 });
    expect(judge({ plain: crash, env: crash })).toEqual({ status: 'fail', message: "Non vérifiable : le programme ne s'exécute pas correctement, même sans la variable (voir program.output)." });
    expect(judge({ plain: exited(''), env: exited('') }).message).toMatch(/^Non vérifiable/);
  });

  test('a failure with the variable only is judged here', () => {
    const finding = judge({ env: exited('', { stderr: 'Traceback (most recent call last):\n  File "/app/welcome.py", line 5, in <module>\n    print(int(name))\nValueError: invalid literal for int() with base 10: \'Alice\'\n', exitCode: 1 }) });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/welcome.py', line: 5 });
    expect(finding.message).toMatch(/^`docker run --rm -e WELCOME_NAME=Alice welcome:1\.0\.0` s'arrête avec le code de sortie 1\./);
  });
});
