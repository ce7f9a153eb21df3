import type { PsqlObservation } from '../../docker/compose/stack.ts';
import type { DynamicCheck } from './dynamic-check.ts';
import { blocked } from './dynamic-check.ts';
import { describeServices } from './stack-up.ts';

export const stackPsql: DynamicCheck<PsqlObservation> = {
  id: 'stack.psql',
  judge(observation) {
    switch (observation.state) {
      case 'not-judged':
        return blocked(observation.reason);
      case 'no-db':
        return { status: 'fail', file: 'docker-compose.yml', message: 'Aucun service « db » dans la pile : ajoutez le service PostgreSQL nommé db.' };
      case 'ok':
        return { status: 'pass', message: '`docker compose exec db psql -U demo -d demo` exécute une requête.' };
      case 'failed': {
        const { logs } = describeServices(observation.services);
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `\`docker compose exec db psql -U demo -d demo\` échoue : ${observation.error.split('\n').slice(-1)[0]?.slice(0, 200)}. L'utilisateur, le mot de passe et la base doivent tous valoir « demo » (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB) ; après un changement, supprimez l'ancien volume avec \`docker compose down -v\`.`,
          excerpt: logs,
        };
      }
    }
  },
};
