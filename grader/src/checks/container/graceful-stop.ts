import { judgedStopMs } from '../../docker/container/stop-time.ts';
import { serviceOf } from '../../lab/lab.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';

export const criterion: DynamicCriterion = {
  id: 'container.graceful-stop',
  kind: 'dynamic',
  observes: 'container',
  judge({ container: { stop: observation } }, settings, lab) {
    const { port, launch } = serviceOf(lab);
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
          file: 'starter/Dockerfile',
          message: `docker stop a pris ${(observation.durationMs / 1000).toFixed(1)} s (limite ${settings.stopLimitSeconds} s) et a dû tuer le conteneur : le processus principal (PID 1) ignore SIGTERM. C'est le cas d'un CMD en forme shell (\`CMD ${launch.program} …\`), où PID 1 est /bin/sh ; écrivez-le en forme exec : \`${launch.cmd}\`.`,
        };
      }
    }
  },
};
