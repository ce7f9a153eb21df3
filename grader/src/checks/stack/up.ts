import type { HostRisk } from '../../docker/compose/host-safety.ts';
import type { ApiHealthFailure, ApiNotRunning } from '../observations.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { crashFinding } from '../traceback.ts';
import { STACK_NOT_JUDGED } from './not-judged.ts';
import { describeServices } from './services.ts';

const FILE = 'docker-compose.yml';

/** A setting refused for the host's safety, in the words of the refusal message. */
export function describeHostRisk(risk: HostRisk): string {
  switch (risk.kind) {
    case 'option':
      return risk.option;
    case 'docker-socket':
      return `socket Docker ${risk.source}`;
    case 'bind-outside':
      return `montage de ${risk.source}, hors du dépôt`;
    case 'mount-type':
      return `montage ${risk.type}`;
    case 'host-folder-volume':
      return `volume ${risk.volume} lié à un dossier de l'hôte`;
    case 'file-outside':
      return `${risk.key} lit ${risk.file}, hors du dépôt`;
  }
}

/** What the wait for the stack's /health ended on, as the message's parenthesis says it. */
function describeHealthFailure(failure: ApiHealthFailure): string {
  switch (failure.kind) {
    case 'stopped':
      return describeApiNotRunning(failure.api);
    case 'bad-answer':
      return `réponse ${failure.status}`;
    case 'loopback-only':
      return 'uvicorn écoute sur 127.0.0.1 dans le conteneur, injoignable par le port publié';
    case 'no-answer':
      return failure.seen;
  }
}

function describeApiNotRunning(api: ApiNotRunning): string {
  if (!api.created) return "le service api n'a pas été créé";
  return api.state === 'exited' ? `le service api s'est arrêté (code de sortie ${api.exitCode})` : `le service api est « ${api.state} »`;
}

export const criterion: DynamicCriterion = {
  id: 'stack.up',
  kind: 'dynamic',
  observes: 'stack',
  judge({ stack: { up: observation } }, settings) {
    switch (observation.state) {
      case 'not-built':
        return failNotVerifiable(STACK_NOT_JUDGED['not-built']);
      case 'no-compose-file':
        return { status: 'fail', file: FILE, message: `${FILE} est absent ou illisible : la pile ne peut pas démarrer (voir compose.valid).` };
      case 'unparsable':
        return { status: 'fail', file: FILE, message: `Pile non démarrée : ${FILE} n'est pas du YAML lisible (${observation.error.slice(0, 200)}), le correcteur ne le confie pas à Compose. Corrigez la syntaxe (voir compose.valid) et testez avec \`docker compose config\`.` };
      case 'config-failed':
        return { status: 'fail', file: FILE, message: `docker compose refuse le fichier : ${observation.error.split('\n').slice(-1)[0]?.slice(0, 300)}. Testez avec \`docker compose config\`.` };
      case 'refused':
        return {
          status: 'fail',
          file: FILE,
          line: observation.line,
          message: `Pile non démarrée : le fichier demande des droits dangereux pour la machine (${observation.problems.map((p) => describeHostRisk(p.risk)).join(', ')}). Le TP n'en a pas besoin : retirez ces options.`,
        };
      case 'no-api':
        return { status: 'fail', file: FILE, message: `Aucun service nommé « api » (services trouvés : ${observation.services.join(', ') || 'aucun'}). Nommez le service de l'API « api ».` };
      case 'up-failed': {
        const { text, logs } = describeServices(observation.services);
        return {
          status: 'fail',
          file: FILE,
          message: observation.timedOut
            ? `docker compose up n'a pas abouti en ${settings.stackTimeoutSeconds} s (${text || 'aucun service démarré'}).`
            : `docker compose up échoue : ${observation.error.split('\n').slice(-1)[0]?.slice(0, 300)}${text ? ` (${text})` : ''}.`,
          excerpt: logs || observation.error,
        };
      }
      case 'unhealthy': {
        const { text, logs } = describeServices(observation.services);
        const { failure } = observation;
        const answer = failure.kind === 'bad-answer' ? ` ; dernière réponse ${failure.status} ${JSON.stringify(failure.body.slice(0, 80))}` : '';
        const api = observation.services.find((s) => s.service === 'api');
        if (api && api.state === 'exited') {
          const crash = crashFinding(`La pile démarre mais le service api s'est arrêté (code ${api.exitCode}) : \`docker compose up -d\` réussit même quand l'API plante au démarrage.`, api.logs, '`docker compose logs api`');
          if (crash.line) return crash;
        }
        return {
          status: 'fail',
          file: FILE,
          message: `La pile démarre mais api ne répond pas sur /health (${describeHealthFailure(failure)}${answer}). \`docker compose up -d\` réussit même si l'API plante au démarrage : lisez \`docker compose logs api\`.${text ? ` État : ${text}.` : ''}`,
          excerpt: logs,
        };
      }
      case 'healthy':
        return { status: 'pass', message: `La pile répond sur /health via Compose en ${(observation.elapsedMs / 1000).toFixed(1)} s.` };
    }
  },
};
