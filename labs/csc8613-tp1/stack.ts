import type { StackContract } from '../../grader/src/lab/lab.ts';
import { LAB_API, LAB_HEALTH } from './api.ts';

/**
 * The lab's Compose stack as the subject asks for it (exercises 5–6): the API service built from
 * `starter/` and answering on port 8000, and the PostgreSQL service reached with
 * `docker compose exec db psql -U demo -d demo`.
 */
export const LAB_STACK: StackContract = {
  api: { service: 'api', port: LAB_API.port, health: LAB_HEALTH },
  db: { service: 'db', user: 'demo', database: 'demo' },
  postgresWording: {
    starting: (output) => `le serveur démarre encore (pg_isready : ${output})`,
    noTcpListener: (output) => `aucun serveur n'écoute encore en TCP dans le conteneur (pg_isready : ${output})`,
    noAttempt: (output) => `pg_isready n'a pas pu essayer (${output})`,
    noReply: (seconds) => `pg_isready sans réponse en ${seconds} s`,
  },
};
