import type { DynamicCheck } from './dynamic-check.ts';
import { blocked } from './dynamic-check.ts';

export type PersistenceObservation =
  | { state: 'kept' }
  | { state: 'lost'; seen: string }
  | { state: 'failed'; step: string; error: string }
  /** The database did not finish starting again after `down` then `up`. */
  | { state: 'not-restarted'; seen: string; error: string }
  | { state: 'not-judged'; reason: string };

export const stackPersistence: DynamicCheck<PersistenceObservation> = {
  id: 'stack.persistence',
  judge(observation, settings) {
    switch (observation.state) {
      case 'not-judged':
        return blocked(observation.reason);
      case 'kept':
        return { status: 'pass', message: 'Une ligne écrite survit à `docker compose down` puis `up`.' };
      case 'lost':
        return {
          status: 'fail',
          file: 'docker-compose.yml',
          message: `Une ligne écrite dans PostgreSQL a disparu après \`docker compose down\` puis \`up\` (${observation.seen}). Sans volume nommé monté sur /var/lib/postgresql/data, les données vivent dans le conteneur et partent avec lui : déclarez un volume (ex. \`pgdata:/var/lib/postgresql/data\`).`,
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
