// dockerfile.exec-form: the container's command is in JSON exec form and starts uvicorn on 0.0.0.0:8000.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { baseName, expandWord, tokenize } from './shell.ts';
import { DOCKERFILE, dockerfileSource, lineageOf, unavailable, type DockerfileModel, type Step } from './source.ts';

const EXAMPLE = 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]';
const SHELLS = /^(sh|bash|dash|ash|zsh)$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;
const INITS = /^(tini|tini-static|dumb-init)$/;

export const criterion: StaticCriterion = {
  id: 'dockerfile.exec-form',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const { cmd, entrypoint } = effectiveCommand(source.model);
    if (!cmd && !entrypoint) {
      return fail(
        `Aucun CMD : le conteneur lancerait la commande de l’image de base (python3) au lieu de l’API. Ajoutez ${EXAMPLE}.`,
        { file: DOCKERFILE },
      );
    }
    const shellForm = [entrypoint, cmd].find((step): step is Step => step !== null && step.exec === null);
    if (shellForm) return fail(shellMessage(shellForm.keyword), { file: DOCKERFILE, line: shellForm.line });
    const argv = [...(entrypoint?.exec ?? []), ...(cmd?.exec ?? [])];
    const verdict = judgeCommand(argv, source.model.finalEnv);
    return verdict === null ? pass() : fail(verdict, { file: DOCKERFILE, line: (cmd ?? entrypoint)!.line });
  },
};

/**
 * The CMD and ENTRYPOINT in force in the final image. As in Docker, an ENTRYPOINT resets a CMD
 * inherited from an earlier stage, but not one written before it in the same stage.
 */
export function effectiveCommand(model: DockerfileModel): { cmd: Step | null; entrypoint: Step | null } {
  let cmd: Step | null = null;
  let entrypoint: Step | null = null;
  for (const stage of lineageOf(model.final)) {
    let cmdInStage = false;
    for (const step of stage.steps) {
      if (step.keyword === 'CMD') {
        cmd = step;
        cmdInStage = true;
      } else if (step.keyword === 'ENTRYPOINT') {
        entrypoint = step;
        if (!cmdInStage) cmd = null;
      }
    }
  }
  return { cmd, entrypoint };
}

function shellMessage(keyword: string): string {
  return `${keyword} est en forme shell : Docker le lance via /bin/sh -c, donc le PID 1 du conteneur est /bin/sh, qui ne transmet pas SIGTERM à uvicorn ; docker stop attend alors 10 s avant de tuer le conteneur. Écrivez la forme exec (tableau JSON) : ${EXAMPLE}.`;
}

/** Null when argv starts uvicorn on 0.0.0.0:8000 as PID 1, else the reason. */
export function judgeCommand(argv: string[], env: ReadonlyMap<string, string>, depth = 0): string | null {
  let words = argv;
  if (INITS.test(baseName(words[0] ?? ''))) {
    words = words.slice(1);
    while (words[0]?.startsWith('-')) if (words.shift() === '--') break;
  }
  const program = baseName(words[0] ?? '');
  if (program === '') return `La commande de démarrage est vide : écrivez ${EXAMPLE}.`;
  if (SHELLS.test(program) && words[1] === '-c') {
    const commands = tokenize(words[2] ?? '', '\\', true);
    const only = commands.length === 1 ? commands[0]! : [];
    if (only[0] === 'exec' && depth < 2) {
      return judgeCommand(only.slice(1).map((raw) => expandWord(raw, (name) => env.get(name)).value), env, depth + 1);
    }
    return `La commande passe par ${program} -c : le PID 1 est le shell, qui ne transmet pas SIGTERM à uvicorn, et docker stop attend 10 s. Lancez uvicorn directement : ${EXAMPLE}.`;
  }
  let options: string[] | null = null;
  let host = env.get('UVICORN_HOST') ?? '127.0.0.1';
  let port = env.get('UVICORN_PORT') ?? '8000';
  if (program === 'uvicorn') options = words.slice(1);
  else if (PYTHON.test(program) && words[words.indexOf('-m') + 1] === 'uvicorn' && words.includes('-m')) {
    options = words.slice(words.indexOf('-m') + 2);
  } else if (program === 'fastapi' && words[1] === 'run') {
    options = words.slice(2);
    host = '0.0.0.0';
    port = '8000';
  }
  if (options === null) {
    return `La commande « ${words.join(' ')} » ne démarre pas uvicorn : le TP demande ${EXAMPLE}.`;
  }
  let hostGiven = false;
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (option === '--host') [host, hostGiven] = [options[++i] ?? '', true];
    else if (option.startsWith('--host=')) [host, hostGiven] = [option.slice('--host='.length), true];
    else if (option === '--port') port = options[++i] ?? '';
    else if (option.startsWith('--port=')) port = option.slice('--port='.length);
    else if (option === '--uds' || option === '--fd' || option.startsWith('--uds=') || option.startsWith('--fd=')) {
      return `uvicorn écoute sur ${option.replace(/=.*/, '')} au lieu d’un port TCP : l’API ne serait pas joignable par -p 8000:8000. Utilisez --host 0.0.0.0 --port 8000.`;
    }
  }
  if (host.includes('$') || port.includes('$')) {
    return 'La forme exec ne remplace pas les variables ($…) : uvicorn recevrait le texte tel quel. Écrivez les valeurs en clair : "--host", "0.0.0.0", "--port", "8000".';
  }
  if (host !== '0.0.0.0' && host !== '::') {
    return hostGiven
      ? `uvicorn écoute sur ${host} : seul le conteneur lui-même peut le joindre, le conteneur n’est pas joignable depuis l’extérieur. Utilisez "--host", "0.0.0.0".`
      : 'Sans --host, uvicorn écoute sur 127.0.0.1 : le conteneur n’est pas joignable depuis l’extérieur, même avec -p 8000:8000. Ajoutez "--host", "0.0.0.0" à la commande.';
  }
  if (!/^\d+$/.test(port) || Number(port) !== 8000) {
    return `uvicorn écoute sur le port ${port} au lieu de 8000 : -p 8000:8000 et EXPOSE 8000 ne mèneraient nulle part. Utilisez "--port", "8000".`;
  }
  return null;
}
