import { CONTAINER_LIMITS } from '../../docker/container/limits.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { crashFinding } from '../traceback.ts';

export const criterion: DynamicCriterion = {
  id: 'container.health',
  kind: 'dynamic',
  observes: 'container',
  judge({ container: { health: observation } }, settings) {
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
            file: 'starter/app.py',
            message: `Le conteneur a été tué par manque de mémoire (code de sortie ${observation.exitCode}, limite de ${Math.round(CONTAINER_LIMITS.Memory / 1024 / 1024)} Mo) avant de répondre sur /health : le code consomme de la mémoire sans limite au démarrage. Cherchez la boucle ou la structure qui grossit dans app.py.`,
            excerpt: observation.logs,
          };
        }
        return crashFinding(`Le conteneur s'est arrêté (code de sortie ${observation.exitCode}) avant de répondre sur /health.`, observation.logs, '`docker logs`');
      case 'bad-answer':
        return {
          status: 'fail',
          file: 'starter/app.py',
          message: `GET /health répond ${observation.status} avec ${JSON.stringify(observation.body.slice(0, 120))} au lieu de 200 et {"status": "ok"}. Vérifiez la route et la valeur renvoyée dans app.py.`,
          excerpt: observation.logs,
        };
      case 'loopback-only':
        return {
          status: 'fail',
          file: 'starter/Dockerfile',
          message: "Uvicorn écoute sur 127.0.0.1 : il n'est joignable que depuis l'intérieur du conteneur, donc `-p 8000:8000` ne mène nulle part. Ajoutez `--host 0.0.0.0` à la commande uvicorn du CMD.",
          excerpt: observation.logs,
        };
      case 'no-answer':
        if (observation.pidsAtLimit) {
          return {
            status: 'fail',
            file: 'starter/app.py',
            message: `Le conteneur a atteint sa limite de ${CONTAINER_LIMITS.PidsLimit} processus et /health ne répond pas en ${settings.startupTimeoutSeconds} s : le code crée des processus ou des threads sans fin au démarrage. Cherchez la boucle qui les lance dans app.py.`,
            excerpt: observation.logs,
          };
        }
        return {
          status: 'fail',
          file: 'starter/Dockerfile',
          message: `Le conteneur tourne mais /health ne répond pas en ${settings.startupTimeoutSeconds} s (${observation.seen}). Uvicorn doit écouter sur 0.0.0.0:8000 (\`--host 0.0.0.0\`) : sur 127.0.0.1 il n'est joignable que depuis l'intérieur du conteneur.`,
          excerpt: observation.logs,
        };
    }
  },
};
