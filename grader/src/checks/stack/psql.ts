import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { STACK_NOT_JUDGED } from './not-judged.ts';
import { describeServices } from './services.ts';

export const criterion: DynamicCriterion = {
  id: 'stack.psql',
  kind: 'dynamic',
  observes: 'stack',
  judge({ stack: { psql: observation } }, settings) {
    switch (observation.state) {
      case 'not-judged':
        return failNotVerifiable(STACK_NOT_JUDGED[observation.because]);
      case 'no-db':
        return { status: 'fail', file: 'docker-compose.yml', message: 'Aucun service « db » dans la pile : ajoutez le service PostgreSQL nommé db.' };
      case 'ok':
        return { status: 'pass', message: '`docker compose exec db psql -U demo -d demo` exécute une requête.' };
      case 'failed': {
        const { logs } = describeServices(observation.services);
        if (observation.notReady) {
          return {
            status: 'fail',
            file: 'docker-compose.yml',
            message: `PostgreSQL n'a pas fini de démarrer dans le service db en ${settings.startupTimeoutSeconds} s (${observation.notReady}) ; \`docker compose exec db psql -U demo -d demo\` répond : ${lastLine(observation.error)}. Lisez \`docker compose logs db\` ci-dessous : une erreur de configuration ou un script de /docker-entrypoint-initdb.d qui bloque l'empêche de finir.`,
            excerpt: logs,
          };
        }
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `\`docker compose exec db psql -U demo -d demo\` échoue : ${lastLine(observation.error)}. L'utilisateur, le mot de passe et la base doivent tous valoir « demo » (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB) ; après un changement, supprimez l'ancien volume avec \`docker compose down -v\`.`,
          excerpt: logs,
        };
      }
    }
  },
};

function lastLine(text: string): string {
  return text.split('\n').slice(-1)[0]?.slice(0, 200) ?? '';
}
