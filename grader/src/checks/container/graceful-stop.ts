import { judgedStopMs } from '../../docker/container/stop-time.ts';
import { serviceOf, type HttpServiceContract } from '../../lab/lab.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import type { ContainerServerInput } from '../observations.ts';
import { isShellCommand, shown } from './server.ts';

export const criterion: DynamicCriterion = {
  id: 'container.graceful-stop',
  kind: 'dynamic',
  observes: 'container',
  judge({ container: { stop: observation, server } }, settings, lab) {
    const service = serviceOf(lab);
    const { port } = service;
    // This criterion's messages write the apostrophe plainly (« l'API »), the lab's words typographically.
    const app = lab.words.app.replaceAll('’', "'");
    switch (observation.state) {
      case 'not-built':
        return failNotVerifiable("l'image ne se construit pas (voir image.build).");
      case 'not-judged':
        return failNotVerifiable(
          observation.reason === 'not-running'
            ? "le conteneur s'est arrêté de lui-même avant `docker stop` (voir container.health) ; l'arrêt n'est mesuré que sur un conteneur qui tourne."
            : `le conteneur ne répond pas en HTTP sur le port ${port} (voir container.health) ; l'arrêt n'est mesuré que sur un serveur qui tourne et répond.`,
        );
      case 'stop-failed':
        return { status: 'error', message: `docker stop a échoué : ${observation.reason}` };
      case 'stopped': {
        // The engine's own share of the stop (seconds when the machine is starved) is not the app's.
        const seconds = judgedStopMs(observation) / 1000;
        if (seconds < settings.stopLimitSeconds && observation.exitCode !== 137) {
          return { status: 'pass', message: `docker stop a arrêté le conteneur en ${seconds.toFixed(1)} s.` };
        }
        if (observation.exitCode !== 137) {
          const measured = observation.measures === 2 ? ' (meilleure de deux mesures)' : '';
          return {
            status: 'fail',
            file: lab.words.appFile,
            message: `docker stop a pris ${seconds.toFixed(1)} s${measured} (limite ${settings.stopLimitSeconds} s) : le processus principal s'arrête bien sur SIGTERM, mais trop lentement. Vérifiez ce que ${app} fait à l'arrêt (une attente ou un nettoyage long) et raccourcissez-le.`,
          };
        }
        return {
          status: 'fail',
          file: `${lab.imageContext}/Dockerfile`,
          message: `docker stop a pris ${(observation.durationMs / 1000).toFixed(1)} s (limite ${settings.stopLimitSeconds} s) et a dû tuer le conteneur : ${whyKilled(pid1Command(server), service)}`,
        };
      }
    }
  },
};

/** PID 1's command line, when the container phase listed the container's processes. */
function pid1Command(server: ContainerServerInput | undefined): string | undefined {
  if (server?.state !== 'listed') return undefined;
  return server.processes.find((process) => process.pid === server.pid1)?.command;
}

/**
 * Why the engine had to kill the container, after its PID 1 ignored SIGTERM: a shell (a shell-form
 * CMD) unless the listed processes show PID 1 is something else, such as a development server.
 */
function whyKilled(pid1: string | undefined, { launch, server }: HttpServiceContract): string {
  if (pid1 === undefined || isShellCommand(pid1)) {
    return `le processus principal (PID 1) ignore SIGTERM. C'est le cas d'un CMD en forme shell (\`CMD ${launch.program} …\`), où PID 1 est /bin/sh ; écrivez-le en forme exec : \`${launch.cmd}\`.`;
  }
  const development = server?.instead?.find((other) => other.process.test(pid1));
  if (server && development) {
    return `le processus principal (PID 1), « ${shown(pid1)} », est ${development.name}, qui ignore SIGTERM en PID 1. Lancez ${server.name} dans le CMD, en forme exec : \`${launch.cmd}\` (voir container.server).`;
  }
  return `le processus principal (PID 1), « ${shown(pid1)} », ignore SIGTERM. Lancez le serveur directement en forme exec (\`${launch.cmd}\`), ou faites-lui gérer SIGTERM.`;
}
