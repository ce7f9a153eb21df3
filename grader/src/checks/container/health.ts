import { CONTAINER_LIMITS } from '../../docker/container/limits.ts';
import { serviceOf } from '../../lab/lab.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { crashFinding } from '../traceback.ts';

export const criterion: DynamicCriterion = {
  id: 'container.health',
  kind: 'dynamic',
  observes: 'container',
  judge({ container: { health: observation } }, settings, lab) {
    const { port, launch, health } = serviceOf(lab);
    const appFile = lab.words.appFile;
    const code = appFile.split('/').pop()!;
    const server = launch.program;
    switch (observation.state) {
      case 'not-built':
        return failNotVerifiable("l'image ne se construit pas (voir image.build).");
      case 'healthy':
        return { status: 'pass', message: `/health répond {"status":"ok"} après ${(observation.elapsedMs / 1000).toFixed(1)} s.` };
      case 'start-failed':
        return { status: 'fail', message: `Le conteneur ne démarre pas : ${observation.reason}.` };
      case 'exited':
        if (observation.oomKilled) {
          return {
            status: 'fail',
            file: appFile,
            message: `Le conteneur a été tué par manque de mémoire (code de sortie ${observation.exitCode}, limite de ${Math.round(CONTAINER_LIMITS.Memory / 1024 / 1024)} Mo) avant de répondre sur /health : le code consomme de la mémoire sans limite au démarrage. Cherchez la boucle ou la structure qui grossit dans ${code}.`,
            excerpt: observation.logs,
          };
        }
        return crashFinding(`Le conteneur s'est arrêté (code de sortie ${observation.exitCode}) avant de répondre sur /health.`, observation.logs, '`docker logs`', appFile);
      case 'bad-answer':
        return {
          status: 'fail',
          file: appFile,
          message: `GET ${health.path} répond ${observation.status} avec ${JSON.stringify(observation.body.slice(0, 120))} au lieu de 200 et {"status": "ok"}. Vérifiez la route et la valeur renvoyée dans ${code}.`,
          excerpt: observation.logs,
        };
      case 'loopback-only':
        return {
          status: 'fail',
          file: 'starter/Dockerfile',
          message: `${capitalize(health.wording.unreachable)} : il n'est joignable que depuis l'intérieur du conteneur, donc \`-p ${port}:${port}\` ne mène nulle part. Ajoutez \`${launch.bindAll}\` à la commande ${server} du CMD.`,
          excerpt: observation.logs,
        };
      case 'no-answer':
        if (observation.pidsAtLimit) {
          return {
            status: 'fail',
            file: appFile,
            message: `Le conteneur a atteint sa limite de ${CONTAINER_LIMITS.PidsLimit} processus et /health ne répond pas en ${settings.startupTimeoutSeconds} s : le code crée des processus ou des threads sans fin au démarrage. Cherchez la boucle qui les lance dans ${code}.`,
            excerpt: observation.logs,
          };
        }
        return {
          status: 'fail',
          file: 'starter/Dockerfile',
          message: `Le conteneur tourne mais /health ne répond pas en ${settings.startupTimeoutSeconds} s (${observation.seen}). ${capitalize(server)} doit écouter sur 0.0.0.0:${port} (\`${launch.bindAll}\`) : sur 127.0.0.1 il n'est joignable que depuis l'intérieur du conteneur.`,
          excerpt: observation.logs,
        };
    }
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
