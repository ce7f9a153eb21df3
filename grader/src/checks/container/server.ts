// container.server: the process that serves HTTP in a container of the image is the production
// server the lab names (gunicorn), not a development server (`flask run`, `app.run()`). Judged on
// the processes the engine listed while the server served HTTP (answered, or logged that it listens
// on the container's loopback only), not on the Dockerfile's text: a CMD through `sh -c` or an init
// (tini) still serves with the server it starts.
import type { ContainerProcess } from '../../docker/container/processes.ts';
import { serviceOf, type HttpServiceContract } from '../../lab/lab.ts';
import type { Finding } from '../../model/result.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';

/** Processes that only start another one: an init, or a shell running a command line (`sh -c …`). */
const INITS = /^(tini|tini-static|dumb-init|docker-init)$/;
const SHELLS = /^(sh|bash|dash|ash|zsh)$/;
/** A command line is quoted in a message up to this length. */
const SHOWN = 120;

export const criterion: DynamicCriterion = {
  id: 'container.server',
  kind: 'dynamic',
  observes: 'container',
  judge({ container: { server: observation } }, _settings, lab) {
    const service = serviceOf(lab);
    switch (observation.state) {
      case 'not-built':
        return failNotVerifiable("l'image ne se construit pas (voir image.build).");
      case 'not-judged':
        if (observation.reason === 'no-server' || !service.server) {
          return { status: 'error', message: "Critère non évalué : ce TP ne nomme pas le serveur qui doit répondre en HTTP (configuration du correcteur). Signalez-le à l'enseignant." };
        }
        return failNotVerifiable(`aucun serveur HTTP n'a été vu en marche dans le conteneur sur le port ${service.port} (voir container.health) ; le processus qui sert HTTP n'est observé que sur un serveur qui tourne.`);
      case 'not-running':
        return failNotVerifiable("le conteneur s'est arrêté juste après avoir répondu (voir container.health) ; ses processus n'ont pas pu être observés.");
      case 'list-failed':
        return { status: 'error', message: `docker top a échoué : ${observation.reason}` };
      case 'listed':
        return judgeProcesses(observation.pid1, observation.processes, service);
    }
  },
};

/** The verdict on the processes of a container that answered HTTP. */
export function judgeProcesses(pid1: number, processes: readonly ContainerProcess[], service: HttpServiceContract): Finding {
  const { server, launch } = service;
  if (!server) return { status: 'error', message: "Critère non évalué : ce TP ne nomme pas le serveur qui doit répondre en HTTP (configuration du correcteur). Signalez-le à l'enseignant." };
  const serving = servingProcesses(pid1, processes);
  if (serving.length === 0) return { status: 'error', message: `docker top ne montre pas le processus principal du conteneur (PID ${pid1}).` };
  const production = serving.find((process) => server.process.test(process.command));
  if (production) return { status: 'pass', message: `Le conteneur sert HTTP avec ${server.name} : « ${shown(production.command)} ».` };
  const main = serving[0]!;
  for (const other of server.instead ?? []) {
    const found = serving.find((process) => other.process.test(process.command));
    if (found) {
      return {
        status: 'fail',
        file: 'starter/Dockerfile',
        message: `Le conteneur sert HTTP avec ${other.name} (« ${shown(found.command)} ») et non avec ${server.name}, comme le demande le TP : ${other.why}. Lancez ${server.name} dans le CMD : ${launch.cmd}.`,
      };
    }
  }
  return {
    status: 'fail',
    file: 'starter/Dockerfile',
    message: `Le processus principal du conteneur est « ${shown(main.command)} », pas ${server.name} : le TP demande que ${server.name} serve l'application. Lancez-le dans le CMD : ${launch.cmd}.`,
  };
}

/**
 * The processes that do the container's work: PID 1, or, when PID 1 only starts others (an init, a
 * shell's `-c`), its children, followed down the same way (a wrapper without children is itself
 * the work).
 */
export function servingProcesses(pid1: number, processes: readonly ContainerProcess[]): ContainerProcess[] {
  const pids = new Set(processes.map((process) => process.pid));
  const root = processes.find((process) => process.pid === pid1) ?? processes.find((process) => !pids.has(process.ppid));
  if (!root) return [];
  const serving: ContainerProcess[] = [];
  const queue = [root];
  for (let next = queue.shift(), hops = 0; next && hops < 64; next = queue.shift(), hops++) {
    const children = isWrapper(next.command) ? processes.filter((process) => process.ppid === next!.pid) : [];
    if (children.length > 0) queue.push(...children);
    else serving.push(next);
  }
  return serving;
}

function isWrapper(command: string): boolean {
  const words = command.trim().split(/\s+/);
  const program = (words[0] ?? '').split('/').pop()!;
  return INITS.test(program) || isShellCommand(command);
}

/** A shell running a command line (`/bin/sh -c …`): what PID 1 is with a shell-form CMD. */
export function isShellCommand(command: string): boolean {
  const words = command.trim().split(/\s+/);
  return SHELLS.test((words[0] ?? '').split('/').pop()!) && words[1] === '-c';
}

/** A command line as a message quotes it: spaces folded, cut to SHOWN characters. */
export function shown(command: string): string {
  const line = command.trim().replace(/\s+/g, ' ');
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1)}…` : line;
}
