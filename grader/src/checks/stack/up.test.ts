import { describe, expect, test } from 'vitest';
import type { ServiceReport } from '../../docker/compose/stack.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { ApiHealthFailure, Observations, StackUpInput } from '../observations.ts';
import { criterion } from './up.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const judge = (up: StackUpInput) => criterion.judge({ stack: { up } } as Observations, DEFAULT_SETTINGS, TP1);
const service = (name: string, state: string, fields: Partial<ServiceReport> = {}): ServiceReport => ({ service: name, state, health: '', exitCode: 0, logs: `${name} logs`, ...fields });
const RUNNING = [service('api', 'running'), service('db', 'running', { health: 'healthy' })];
const unhealthy = (failure: ApiHealthFailure, services = RUNNING) => judge({ state: 'unhealthy', failure, services });

describe('stack.up', () => {
  test('a stack answering /health passes with the time it took', () => {
    expect(judge({ state: 'healthy', apiPort: 32768, elapsedMs: 4_560 })).toEqual({ status: 'pass', message: 'La pile répond sur /health via Compose en 4.6 s.' });
  });

  test('no image, no compose file', () => {
    expect(judge({ state: 'not-built' })).toEqual({ status: 'fail', message: "Non vérifiable : l'image de l'API ne se construit pas (voir image.build)." });
    expect(judge({ state: 'no-compose-file' })).toMatchObject({ status: 'fail', file: 'docker-compose.yml', message: expect.stringMatching(/^docker-compose\.yml est absent ou illisible/) });
  });

  test('a file Compose cannot read: YAML the grader does not hand over, or Compose\'s own refusal (its last line)', () => {
    expect(judge({ state: 'unparsable', error: 'bad indentation' }).message).toMatch(/^Pile non démarrée : docker-compose\.yml n'est pas du YAML lisible \(bad indentation\)/);
    expect(judge({ state: 'config-failed', error: 'validating docker-compose.yml\nservices.api.ports must be a list' }).message).toBe(
      'docker compose refuse le fichier : services.api.ports must be a list. Testez avec `docker compose config`.',
    );
  });

  test('settings refused for the host\'s safety are listed, at the line of the first', () => {
    const finding = judge({
      state: 'refused',
      line: 9,
      problems: [
        { service: 'db', path: ['services', 'db', 'privileged'], risk: { kind: 'option', option: 'privileged: true' } },
        { service: 'api', path: ['services', 'api', 'volumes', '0'], risk: { kind: 'docker-socket', source: '/var/run/docker.sock' } },
      ],
    });
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: 9 });
    expect(finding.message).toContain('(privileged: true, socket Docker /var/run/docker.sock)');
  });

  test('no service named api lists the services found', () => {
    expect(judge({ state: 'no-api', services: ['web', 'db'] }).message).toBe("Aucun service nommé « api » (services trouvés : web, db). Nommez le service de l'API « api ».");
    expect(judge({ state: 'no-api', services: [] }).message).toContain('(services trouvés : aucun)');
  });

  test('a failed `up` quotes Compose\'s last line and the services in trouble; a timeout says the deadline', () => {
    const services = [service('api', 'created'), service('db', 'exited', { exitCode: 1 })];
    const failed = judge({ state: 'up-failed', error: 'Container db Error\ndependency failed to start: container db exited (1)', timedOut: false, services });
    expect(failed).toMatchObject({ status: 'fail', file: 'docker-compose.yml', excerpt: '--- api ---\napi logs\n--- db ---\ndb logs' });
    expect(failed.message).toBe('docker compose up échoue : dependency failed to start: container db exited (1) (api : created ; db : exited (code 1)).');
    expect(judge({ state: 'up-failed', error: '', timedOut: true, services: [] }).message).toBe("docker compose up n'a pas abouti en 120 s (aucun service démarré).");
  });

  test('an API that does not answer /health says what the wait ended on', () => {
    const message = (failure: ApiHealthFailure, services = RUNNING) => unhealthy(failure, services).message;
    expect(message({ kind: 'no-answer', seen: 'pas de réponse (ECONNREFUSED)' })).toBe(
      "La pile démarre mais api ne répond pas sur /health (pas de réponse (ECONNREFUSED)). `docker compose up -d` réussit même si l'API plante au démarrage : lisez `docker compose logs api`. État : api : running ; db : running, santé healthy.",
    );
    expect(message({ kind: 'bad-answer', status: 500, body: 'Internal Server Error' })).toContain('/health (réponse 500 ; dernière réponse 500 "Internal Server Error").');
    expect(message({ kind: 'loopback-only' })).toContain('/health (uvicorn écoute sur 127.0.0.1 dans le conteneur, injoignable par le port publié).');
    expect(message({ kind: 'stopped', api: { created: false } })).toContain("/health (le service api n'a pas été créé).");
    const restarting = [service('api', 'restarting'), service('db', 'running')];
    expect(message({ kind: 'stopped', api: { created: true, state: 'restarting', exitCode: 0 } }, restarting)).toContain('/health (le service api est « restarting »). ');
    const exited = [service('api', 'exited', { exitCode: 3, logs: 'bye' }), service('db', 'running')];
    expect(message({ kind: 'stopped', api: { created: true, state: 'exited', exitCode: 3 } }, exited)).toContain("/health (le service api s'est arrêté (code de sortie 3)). ");
  });

  test('an API that crashed at import points at its traceback', () => {
    const logs = 'Traceback (most recent call last):\n  File "/app/app.py", line 12, in <module>\n    x = 1 / 0\nZeroDivisionError: division by zero';
    const finding = unhealthy({ kind: 'stopped', api: { created: true, state: 'exited', exitCode: 1 } }, [service('api', 'exited', { exitCode: 1, logs }), service('db', 'running')]);
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/app.py', line: 12 });
    expect(finding.message).toMatch(/^La pile démarre mais le service api s'est arrêté \(code 1\) : .* Python s'est arrêté sur starter\/app\.py:12 avec « ZeroDivisionError: division by zero »/);
  });
});
