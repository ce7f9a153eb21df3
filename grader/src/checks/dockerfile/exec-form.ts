// dockerfile.exec-form: the container's command is in JSON exec form and starts the server the lab
// names (uvicorn, gunicorn) listening on every interface, on the lab's port.
import { serviceOf, type Lab, type ServerProcess } from '../../lab/lab.ts';
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { baseName, expandWord, tokenize } from './shell.ts';
import { dockerfileSource, lineageOf, unavailable, type DockerfileModel, type Step } from './source.ts';

const SHELLS = /^(sh|bash|dash|ash|zsh)$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;
const INITS = /^(tini|tini-static|dumb-init)$/;

export const criterion: StaticCriterion = {
  id: 'dockerfile.exec-form',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const expected = await expectedServer(ctx.lab, async (path) => (await ctx.submission.read(path)).state === 'ok');
    const { cmd, entrypoint } = effectiveCommand(source.model);
    if (!cmd && !entrypoint) {
      return fail(
        `Aucun CMD : le conteneur lancerait la commande de l’image de base (python3) au lieu ${ctx.lab.words.ofApp}. Ajoutez ${expected.example}.`,
        { file: source.file },
      );
    }
    const shellForm = [entrypoint, cmd].find((step): step is Step => step !== null && step.exec === null);
    if (shellForm) return fail(shellMessage(shellForm.keyword, expected), { file: source.file, line: shellForm.line });
    const argv = [...(entrypoint?.exec ?? []), ...(cmd?.exec ?? [])];
    const verdict = judgeCommand(argv, source.model.finalEnv, expected);
    return verdict === null ? pass() : fail(verdict, { file: source.file, line: (cmd ?? entrypoint)!.line });
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

function shellMessage(keyword: string, expected: ExpectedServer): string {
  return `${keyword} est en forme shell : Docker le lance via /bin/sh -c, donc le PID 1 du conteneur est /bin/sh, qui ne transmet pas SIGTERM à ${expected.program} ; docker stop attend alors 10 s avant de tuer le conteneur. Écrivez la forme exec (tableau JSON) : ${expected.example}.`;
}

/** What the lab's CMD must start: its server program, port and the statement's example, with the lab's words. */
export interface ExpectedServer {
  program: 'uvicorn' | 'gunicorn';
  port: number;
  /** The exec-form CMD of the statement. */
  example: string;
  /** What the image runs, with its article (« l’API »). */
  app: string;
  /** Servers students start instead, named when the command starts one of them. */
  instead: readonly ServerProcess[];
  /**
   * Whether a gunicorn configuration file may set the listening address (`-c`, or a
   * gunicorn.conf.py in the image context, which gunicorn reads from its working directory): an
   * address the command line does not give is then not judged here (container.health sees it).
   */
  configMayBind: (argv: readonly string[]) => boolean;
}

/** The lab's expected server; `exists` tells whether a student file is in the submission. */
export async function expectedServer(lab: Lab, exists: (path: string) => Promise<boolean>): Promise<ExpectedServer> {
  const service = serviceOf(lab);
  const confInContext = service.launch.program === 'gunicorn' && (await exists(`${lab.imageContext}/gunicorn.conf.py`));
  return {
    program: service.launch.program,
    port: service.port,
    example: service.launch.cmd,
    app: lab.words.app,
    instead: service.server?.instead ?? [],
    configMayBind: (argv) => confInContext || argv.some((word) => word === '-c' || word === '--config' || word.startsWith('--config=') || (word.startsWith('-c') && word.length > 2 && !word.startsWith('--'))),
  };
}

/** Null when argv starts the expected server on 0.0.0.0 and the lab's port as PID 1, else the reason. */
export function judgeCommand(argv: string[], env: ReadonlyMap<string, string>, expected: ExpectedServer, depth = 0): string | null {
  const { program: server, example } = expected;
  let words = argv;
  if (INITS.test(baseName(words[0] ?? ''))) {
    words = words.slice(1);
    while (words[0]?.startsWith('-')) if (words.shift() === '--') break;
  }
  const program = baseName(words[0] ?? '');
  if (program === '') return `La commande de démarrage est vide : écrivez ${example}.`;
  if (SHELLS.test(program) && words[1] === '-c') {
    const commands = tokenize(words[2] ?? '', '\\', true);
    const only = commands.length === 1 ? commands[0]! : [];
    if (only[0] === 'exec' && depth < 2) {
      return judgeCommand(only.slice(1).map((raw) => expandWord(raw, (name) => env.get(name)).value), env, expected, depth + 1);
    }
    return `La commande passe par ${program} -c : le PID 1 est le shell, qui ne transmet pas SIGTERM à ${server}, et docker stop attend 10 s. Lancez ${server} directement : ${example}.`;
  }
  const options = serverOptions(words, program, server);
  if (options === null) {
    const instead = expected.instead.find((other) => other.process.test(words.join(' ')));
    if (instead) return `La commande « ${words.join(' ')} » lance ${instead.name}, pas ${server} : le TP demande ${example}.`;
    return `La commande « ${words.join(' ')} » ne démarre pas ${server} : le TP demande ${example}.`;
  }
  return server === 'uvicorn' ? judgeUvicorn(options, env, expected, program === 'fastapi') : judgeGunicorn(options, env, expected, words);
}

/** The server's options when `words` start it (directly, as `python -m`, or `fastapi run` for uvicorn), else null. */
function serverOptions(words: string[], program: string, server: ExpectedServer['program']): string[] | null {
  if (program === server) return words.slice(1);
  if (PYTHON.test(program) && words[words.indexOf('-m') + 1] === server && words.includes('-m')) return words.slice(words.indexOf('-m') + 2);
  if (server === 'uvicorn' && program === 'fastapi' && words[1] === 'run') return words.slice(2);
  return null;
}

/** uvicorn: --host (default 127.0.0.1, or UVICORN_HOST) and --port (default 8000, or UVICORN_PORT); `fastapi run` listens on 0.0.0.0:8000. */
function judgeUvicorn(options: string[], env: ReadonlyMap<string, string>, expected: ExpectedServer, fastapiRun: boolean): string | null {
  const want = String(expected.port);
  let host = fastapiRun ? '0.0.0.0' : (env.get('UVICORN_HOST') ?? '127.0.0.1');
  let port = fastapiRun ? '8000' : (env.get('UVICORN_PORT') ?? '8000');
  let hostGiven = false;
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (option === '--host') [host, hostGiven] = [options[++i] ?? '', true];
    else if (option.startsWith('--host=')) [host, hostGiven] = [option.slice('--host='.length), true];
    else if (option === '--port') port = options[++i] ?? '';
    else if (option.startsWith('--port=')) port = option.slice('--port='.length);
    else if (option === '--uds' || option === '--fd' || option.startsWith('--uds=') || option.startsWith('--fd=')) {
      return `uvicorn écoute sur ${option.replace(/=.*/, '')} au lieu d’un port TCP : ${expected.app} ne serait pas joignable par -p ${want}:${want}. Utilisez --host 0.0.0.0 --port ${want}.`;
    }
  }
  if (host.includes('$') || port.includes('$')) {
    return `La forme exec ne remplace pas les variables ($…) : uvicorn recevrait le texte tel quel. Écrivez les valeurs en clair : "--host", "0.0.0.0", "--port", "${want}".`;
  }
  if (host !== '0.0.0.0' && host !== '::') {
    return hostGiven
      ? `uvicorn écoute sur ${host} : seul le conteneur lui-même peut le joindre, le conteneur n’est pas joignable depuis l’extérieur. Utilisez "--host", "0.0.0.0".`
      : `Sans --host, uvicorn écoute sur 127.0.0.1 : le conteneur n’est pas joignable depuis l’extérieur, même avec -p ${want}:${want}. Ajoutez "--host", "0.0.0.0" à la commande.`;
  }
  if (!/^\d+$/.test(port) || Number(port) !== expected.port) {
    return `uvicorn écoute sur le port ${port} au lieu de ${want} : -p ${want}:${want} et EXPOSE ${want} ne mèneraient nulle part. Utilisez "--port", "${want}".`;
  }
  return null;
}

/** gunicorn's listening addresses: `-b`/`--bind`, repeatable, `HOST[:PORT]` (port 8000 by default), `unix:PATH`, `fd://N`, `tcp://HOST:PORT`. */
function judgeGunicorn(options: string[], env: ReadonlyMap<string, string>, expected: ExpectedServer, words: string[]): string | null {
  const want = String(expected.port);
  const bindAll = `"--bind", "0.0.0.0:${want}"`;
  // The command line wins over GUNICORN_CMD_ARGS, which wins over a configuration file.
  const fromArgs = gunicornBinds(options);
  const fromEnv = gunicornBinds(tokenize(env.get('GUNICORN_CMD_ARGS') ?? '')[0] ?? []);
  const binds = fromArgs.length > 0 ? fromArgs : fromEnv;
  if (binds.length === 0) {
    if (expected.configMayBind(words)) return null;
    // Without an address, gunicorn listens on 0.0.0.0:$PORT when PORT is set, else on 127.0.0.1:8000.
    const port = env.get('PORT');
    if (port !== undefined) binds.push(`0.0.0.0:${port}`);
    else return `Sans --bind, gunicorn écoute sur 127.0.0.1:8000 : le conteneur n’est pas joignable depuis l’extérieur, même avec -p ${want}:${want}. Ajoutez ${bindAll} à la commande.`;
  }
  if (binds.some((bind) => bind.includes('$'))) {
    return `La forme exec ne remplace pas les variables ($…) : gunicorn recevrait le texte tel quel. Écrivez les valeurs en clair : ${bindAll}.`;
  }
  const addresses = binds.map(parseGunicornAddress);
  if (addresses.some((address) => address.kind === 'tcp' && ALL_INTERFACES.has(address.host) && address.port === want)) return null;
  const tcp = addresses.filter((address): address is Extract<GunicornAddress, { kind: 'tcp' }> => address.kind === 'tcp');
  const wrongPort = tcp.find((address) => ALL_INTERFACES.has(address.host));
  if (wrongPort) {
    return `gunicorn écoute sur le port ${wrongPort.port} au lieu de ${want} : -p ${want}:${want} et EXPOSE ${want} ne mèneraient nulle part. Utilisez ${bindAll}.`;
  }
  const local = tcp[0];
  if (local) {
    return `gunicorn écoute sur ${local.host} : seul le conteneur lui-même peut le joindre, le conteneur n’est pas joignable depuis l’extérieur. Utilisez ${bindAll}.`;
  }
  const socket = addresses[0] as Extract<GunicornAddress, { kind: 'socket' }>;
  return `gunicorn écoute sur ${socket.text} au lieu d’un port TCP : ${expected.app} ne serait pas joignable par -p ${want}:${want}. Utilisez ${bindAll}.`;
}

/** Addresses a listening socket of every interface: IPv4 and IPv6 wildcards, and the empty host. */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

/** The values of every -b/--bind option. */
function gunicornBinds(options: readonly string[]): string[] {
  const binds: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (option === '-b' || option === '--bind') binds.push(options[++i] ?? '');
    else if (option.startsWith('--bind=')) binds.push(option.slice('--bind='.length));
    else if (option.startsWith('-b') && !option.startsWith('--')) binds.push(option.slice(2));
  }
  return binds;
}

type GunicornAddress = { kind: 'tcp'; host: string; port: string } | { kind: 'socket'; text: string };

/** As gunicorn's util.parse_address reads a --bind value. */
function parseGunicornAddress(bind: string): GunicornAddress {
  if (/^unix:/.test(bind) || bind.startsWith('fd://')) return { kind: 'socket', text: bind };
  const netloc = bind.replace(/^tcp:\/\//, '');
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(netloc);
  if (bracketed) return { kind: 'tcp', host: bracketed[1]!.toLowerCase(), port: bracketed[2] ?? '8000' };
  const [host, port] = netloc.includes(':') ? [netloc.slice(0, netloc.indexOf(':')), netloc.slice(netloc.indexOf(':') + 1)] : [netloc === '' ? '0.0.0.0' : netloc, '8000'];
  return { kind: 'tcp', host: host!.toLowerCase(), port: port! };
}
