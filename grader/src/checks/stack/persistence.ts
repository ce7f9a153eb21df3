import type { PersistenceObservation } from '../observations.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { STACK_NOT_JUDGED } from './not-judged.ts';

export const criterion: DynamicCriterion = {
  id: 'stack.persistence',
  kind: 'dynamic',
  observes: 'stack',
  judge({ stack: { persistence: observation } }, settings) {
    switch (observation.state) {
      case 'not-judged':
        return failNotVerifiable(STACK_NOT_JUDGED[observation.because]);
      case 'kept':
        return { status: 'pass', message: 'Une ligne écrite survit à `docker compose down` puis `up`.' };
      case 'lost':
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `Une ligne écrite dans PostgreSQL a disparu après \`docker compose down\` puis \`up\` (${describeRead(observation.read)}). Sans volume nommé monté sur /var/lib/postgresql/data, les données vivent dans le conteneur et partent avec lui : déclarez un volume (ex. \`pgdata:/var/lib/postgresql/data\`).`,
        };
      case 'not-restarted':
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `Après \`docker compose down\` puis \`up\`, PostgreSQL n'a pas fini de redémarrer dans le service db en ${settings.startupTimeoutSeconds} s (${observation.seen}) : la persistance n'a pas pu être vérifiée. Relancez la pile et lisez \`docker compose logs db\`.`,
        };
      case 'failed':
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `Persistance non vérifiée : l'étape « ${observation.step} » a échoué (${observation.error.split('\n').slice(-1)[0]?.slice(0, 200)}).`,
        };
    }
  },
};

/** What reading the row back gave: the count psql printed, or its error. */
function describeRead(read: Extract<PersistenceObservation, { state: 'lost' }>['read']): string {
  return 'rows' in read ? `la requête a trouvé ${read.rows || '0'} ligne` : read.error;
}
