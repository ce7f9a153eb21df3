import type { PostgresWording } from '../docker/wait/postgres.ts';
import { LAB_API } from './api.ts';

/**
 * The lab's Compose stack as the subject asks for it (exercises 5–6): the API service built from
 * `starter/` and answering on port 8000, and the PostgreSQL service reached with
 * `docker compose exec db psql -U demo -d demo`.
 */
export const LAB_STACK = {
  /** Folder of the submission the API image is built from. */
  imageContext: 'starter',
  api: { service: 'api', port: LAB_API.port },
  db: { service: 'db', user: 'demo', database: 'demo' },
} as const;

/**
 * psql as the lab asks for it, running one statement: `-v ON_ERROR_STOP=1` makes a failing statement
 * a non-zero exit, `-X` ignores any psqlrc, `-tA` prints bare rows.
 */
export function labPsql(sql: string): string[] {
  return ['psql', '-U', LAB_STACK.db.user, '-d', LAB_STACK.db.database, '-v', 'ON_ERROR_STOP=1', '-X', '-tA', '-c', sql];
}

/** What the wait for the final PostgreSQL server saw, as the student reads it. */
export const POSTGRES_WAIT_WORDING: PostgresWording = {
  starting: (output) => `le serveur démarre encore (pg_isready : ${output})`,
  noTcpListener: (output) => `aucun serveur n'écoute encore en TCP dans le conteneur (pg_isready : ${output})`,
  noAttempt: (output) => `pg_isready n'a pas pu essayer (${output})`,
  noReply: (seconds) => `pg_isready sans réponse en ${seconds} s`,
};
