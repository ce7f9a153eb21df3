import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { criterion } from './command-override.ts';
import { RECORDED, everyRun, exited, observed, printed } from './testing.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';

const judge = (...args: Parameters<typeof observed>) => criterion.judge(observed(...args), DEFAULT_SETTINGS, BASIC1);
const SHOWN = "`docker run --rm welcome:1.0.0 python -c \"print('Commande override')\"`";

describe('program.command-override', () => {
  test('the command given to docker run replaces CMD: pass', () => {
    expect(judge()).toEqual({ status: 'pass', message: `${SHOWN} exécute la commande donnée à la place du CMD.` });
    // An ENTRYPOINT that hands over to the command (`exec "$@"`) is fine: it is the behaviour that counts.
    expect(judge({ plain: exited(`starting\n${printed()}`), override: exited('starting\nCommande override\n') }).status).toBe('pass');
  });

  test('not built: not judged', () => {
    expect(criterion.judge(everyRun({ state: 'not-built' }), DEFAULT_SETTINGS, BASIC1)).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
  });

  test('the program\'s greeting instead of the command: an ENTRYPOINT, to turn into CMD', () => {
    const finding = judge({ override: exited(printed()) });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toMatch(new RegExp(`^${SHOWN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} lance encore welcome\\.py \\(la sortie contient « Bonjour Docker ! »\\) au lieu de la commande donnée\\. C'est le signe d'un ENTRYPOINT`));
    expect(finding.message).toContain('lancez welcome.py avec CMD (forme JSON) plutôt qu\'avec ENTRYPOINT');
    // The greeting and then the command (a wrapper that runs both) does not pass either.
    expect(judge({ override: exited(`${printed()}Commande override\n`) }).status).toBe('fail');
  });

  test('the command read as arguments by python, or welcome.py crashing in the override run: an ENTRYPOINT too', () => {
    const args = judge({ override: exited('', { stderr: RECORDED.cannotOpenCommand, exitCode: 2 }) });
    expect(args).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(args.message).toContain("l'image a reçu la commande donnée comme de simples arguments (« python: can't open file '/app/python': [Errno 2] No such file or directory »)");
    const parser = judge({ override: exited('', { stderr: 'usage: welcome.py [-h]\nwelcome.py: error: unrecognized arguments: -c print(\'Commande override\')\n', exitCode: 2 }) });
    expect(parser).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(parser.message).toContain('ENTRYPOINT');
    const crash = judge({ override: exited('', { stderr: RECORDED.keyError, exitCode: 1 }) });
    expect(crash).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(crash.message).toContain('sa sortie nomme welcome.py');
  });

  test('nothing printed, or a crash of the command itself, is reported as seen', () => {
    const silent = judge({ override: exited('') });
    expect(silent).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(silent.message).toBe(`${SHOWN} n'affiche rien : il manque « Commande override ». Une commande donnée à \`docker run\` après le nom de l'image doit remplacer le CMD : vérifiez que le Dockerfile lance welcome.py avec CMD, sans ENTRYPOINT qui la détourne.`);
    const refused = judge({ override: { state: 'start-failed', step: 'start', reason: RECORDED.execNotFound } });
    expect(refused).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(judge({ override: { state: 'timed-out', stdout: { text: '', truncated: false }, stderr: { text: '', truncated: false }, elapsedMs: 60_000 } }).message).toContain('ne se termine pas en 60 s');
  });
});
