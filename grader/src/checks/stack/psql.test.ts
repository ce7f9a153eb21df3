import { describe, expect, test } from 'vitest';
import type { ServiceReport } from '../../docker/compose/stack.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { Observations, PsqlObservation } from '../observations.ts';
import { criterion } from './psql.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const judge = (psql: PsqlObservation) => criterion.judge({ stack: { psql } } as Observations, DEFAULT_SETTINGS, TP1);
const DB: ServiceReport = { service: 'db', state: 'running', health: 'healthy', exitCode: 0, logs: 'FATAL:  password authentication failed for user "demo"' };

describe('stack.psql', () => {
  test('a query that runs passes', () => {
    expect(judge({ state: 'ok', output: 'demo|demo' })).toEqual({ status: 'pass', message: '`docker compose exec db psql -U demo -d demo` exécute une requête.' });
  });

  test('an earlier step that failed is named', () => {
    expect(judge({ state: 'not-judged', because: 'not-built' }).message).toBe("Non vérifiable : l'image de l'API ne se construit pas (voir image.build).");
    expect(judge({ state: 'not-judged', because: 'no-compose-file' }).message).toBe('Non vérifiable : docker-compose.yml est absent ou inutilisable (voir compose.valid).');
    expect(judge({ state: 'not-judged', because: 'stack-down' })).toEqual({ status: 'fail', message: 'Non vérifiable : la pile ne démarre pas (voir stack.up).' });
  });

  test('no db service', () => {
    expect(judge({ state: 'no-db' })).toMatchObject({ status: 'fail', file: 'docker-compose.yml', message: expect.stringContaining('service PostgreSQL nommé db') });
  });

  test('psql failing on a started server quotes its last line and names the three variables, with the db logs', () => {
    const finding = judge({ state: 'failed', error: 'psql: error: connection to server on socket\nFATAL:  role "demo" does not exist', services: [DB] });
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', excerpt: `--- db ---\n${DB.logs}` });
    expect(finding.message).toMatch(/^`docker compose exec db psql -U demo -d demo` échoue : FATAL: {2}role "demo" does not exist\. .*POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB.*`docker compose down -v`/);
  });

  test('a server that never finished starting says what the wait last saw and the deadline', () => {
    const finding = judge({ state: 'failed', error: 'psql: error: the database system is starting up', notReady: 'le serveur démarre encore (pg_isready : rejecting connections)', services: [DB] });
    expect(finding.message).toMatch(/^PostgreSQL n'a pas fini de démarrer dans le service db en 60 s \(le serveur démarre encore \(pg_isready : rejecting connections\)\) ; .* répond : psql: error: the database system is starting up\. /);
    expect(finding.excerpt).toContain('--- db ---');
  });
});
