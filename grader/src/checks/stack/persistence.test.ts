import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { Observations, PersistenceObservation } from '../observations.ts';
import { criterion } from './persistence.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const judge = (persistence: PersistenceObservation) => criterion.judge({ stack: { persistence } } as Observations, DEFAULT_SETTINGS, TP1);

describe('stack.persistence', () => {
  test('a row that survives down and up passes', () => {
    expect(judge({ state: 'kept' })).toEqual({ status: 'pass', message: 'Une ligne écrite survit à `docker compose down` puis `up`.' });
  });

  test('not tried when an earlier step failed, naming it', () => {
    expect(judge({ state: 'not-judged', because: 'psql-failed' })).toEqual({ status: 'fail', message: 'Non vérifiable : psql ne fonctionne pas (voir stack.psql).' });
    expect(judge({ state: 'not-judged', because: 'stack-down' }).message).toBe('Non vérifiable : la pile ne démarre pas (voir stack.up).');
  });

  test('a lost row says what the read gave and asks for a named volume', () => {
    const zero = judge({ state: 'lost', read: { rows: '0' } });
    expect(zero).toMatchObject({ status: 'fail', file: 'docker-compose.yml' });
    expect(zero.message).toMatch(/^Une ligne écrite dans PostgreSQL a disparu après `docker compose down` puis `up` \(la requête a trouvé 0 ligne\)\. .*`pgdata:\/var\/lib\/postgresql\/data`/);
    expect(judge({ state: 'lost', read: { rows: '' } }).message).toContain('(la requête a trouvé 0 ligne)');
    expect(judge({ state: 'lost', read: { error: 'ERROR:  relation "grader_persistence" does not exist' } }).message).toContain('`up` (ERROR:  relation "grader_persistence" does not exist). Sans volume');
  });

  test('a database that did not restart in time says what the wait saw', () => {
    const finding = judge({ state: 'not-restarted', seen: 'pg_isready sans réponse en 10 s', error: 'psql: error' });
    expect(finding.message).toBe(
      "Après `docker compose down` puis `up`, PostgreSQL n'a pas fini de redémarrer dans le service db en 60 s (pg_isready sans réponse en 10 s) : la persistance n'a pas pu être vérifiée. Relancez la pile et lisez `docker compose logs db`.",
    );
  });

  test('a failed step of the scenario is named with the last line of its error', () => {
    expect(judge({ state: 'failed', step: 'down', error: 'Container db Stopping\nError response from daemon: conflict' }).message).toBe(
      "Persistance non vérifiée : l'étape « down » a échoué (Error response from daemon: conflict).",
    );
  });
});
