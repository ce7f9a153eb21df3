import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { makeSubmission } from '../../submission/testing.ts';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { criterion as check } from './valid.ts';
import { GOOD_COMPOSE, judge, lineOfText, mutate, yaml } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

/** Valid Compose files in the forms students write; docker compose accepts them all. */
const VALID_FILES: Record<string, string> = {
  'the lab answer': GOOD_COMPOSE,
  'anchors, merge keys and x- extensions': yaml`
    name: tp-docker
    x-pg-env: &pg-env
      POSTGRES_USER: demo
      POSTGRES_PASSWORD: demo
    x-restart: &restart
      restart: unless-stopped
    services:
      api:
        <<: *restart
        build: {context: ./starter, dockerfile: Dockerfile, args: {PY: "3.12"}}
        ports: ["127.0.0.1:8000:8000/tcp"]
        depends_on: {db: {condition: service_healthy, restart: true, required: true}}
        x-note: free text
      db:
        <<: *restart
        image: postgres:17-alpine
        environment:
          <<: *pg-env
          POSTGRES_DB: demo
        volumes: [{type: volume, source: pgdata, target: /var/lib/postgresql/data, volume: {nocopy: true}}]
        healthcheck: {test: "pg_isready -U demo", interval: 5s, timeout: 3s, retries: 5, start_period: 10s, start_interval: 1s}
    volumes:
      pgdata:
  `,
  'long forms and list forms': yaml`
    services:
      api:
        build:
          context: starter/
        ports:
          - target: 8000
            published: "8080"
            host_ip: 127.0.0.1
            protocol: tcp
            mode: host
          - 9000
        environment:
          - DATABASE_URL=postgresql://demo:demo@db:5432/demo
        env_file:
          - path: starter/api.env
            required: false
        depends_on: [db]
        command: ["uvicorn", "app:app", "--host", "0.0.0.0"]
        entrypoint: /bin/sh -c
        networks: [backend]
        labels: ["tp=docker"]
        working_dir: /app
        user: "1000"
        expose: [8000, "8001"]
        profiles: [dev]
        container_name: tp-api
        deploy: {resources: {limits: {memory: 256M}}}
      db:
        image: docker.io/library/postgres:17.2
        env_file: starter/db.env
        volumes:
          - pgdata:/var/lib/postgresql/data:rw
          - ./starter/init.sql:/docker-entrypoint-initdb.d/init.sql:ro
        healthcheck:
          test: ["CMD", "pg_isready", "-U", "demo"]
          disable: false
        networks:
          backend:
            aliases: [database]
        restart: always
    volumes:
      pgdata: {name: tp-pgdata, labels: {tp: docker}}
    networks:
      backend: {driver: bridge}
    secrets:
      token: {file: ./starter/token.txt}
    configs:
      settings: {content: "x=1"}
  `,
  'an obsolete version key (advice only)': `version: "3.8"\n${GOOD_COMPOSE}`,
};

/** Invalid files: [content, line of the first problem, fragment of the message]. */
const INVALID_FILES: Record<string, [string, number, RegExp]> = {
  'a typo in a service key': [mutate('ports:', 'portss:'), lineOfText(GOOD_COMPOSE, 'ports:'), /clé « portss » inconnue dans le service « api »/],
  'environment written as a string': [
    mutate('    environment:\n      POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo\n      POSTGRES_DB: demo\n', '    environment: POSTGRES_USER=demo\n'),
    lineOfText(GOOD_COMPOSE, 'environment:'),
    /services\.db\.environment doit être un bloc « clé: valeur » ou une liste \(ici : une chaîne\)/,
  ],
  'an unknown depends_on condition': [
    mutate('condition: service_healthy', 'condition: service_ready'),
    lineOfText(GOOD_COMPOSE, 'condition:'),
    /condition vaut « service_ready », valeurs admises : service_started, service_healthy/,
  ],
  'ports written as a string': [mutate('    ports:\n      - "8000:8000"\n', '    ports: "8000:8000"\n'), lineOfText(GOOD_COMPOSE, 'ports:'), /ports doit être une liste/],
  'a long volume without type': [
    mutate('- pgdata:/var/lib/postgresql/data', '- {source: pgdata, target: /var/lib/postgresql/data}'),
    lineOfText(GOOD_COMPOSE, '- pgdata:'),
    /volumes\[0\] : la clé « type » est obligatoire/,
  ],
  'an unknown top-level key': [`${GOOD_COMPOSE}common:\n  restart: always\n`, GOOD_COMPOSE.split('\n').length, /clé de premier niveau « common » inconnue/],
  'a key indented at the services level': [mutate('  db:\n    image', '  image: postgres:17\n  db:\n    image'), lineOfText(GOOD_COMPOSE, '  db:\n    image'), /le service « image » doit être un bloc « clé: valeur » \(ici : une chaîne\)/],
  'a broken ${…} interpolation': [mutate('image: postgres:17', 'image: postgres:${PG_TAG'), lineOfText(GOOD_COMPOSE, 'image: postgres'), /services\.db\.image : syntaxe \$\{…\} invalide/],
  'a bad service name': [mutate('  db:\n    image', '  "data base":\n    image'), lineOfText(GOOD_COMPOSE, '  db:\n    image'), /nom « data base » invalide/],
};

describe('compose.valid', () => {
  test.each(Object.entries(VALID_FILES))('passes %s', async (_name, text) => {
    expect(await judge(check, text)).toEqual({ status: 'pass', message: '' });
  });

  test.each(Object.entries(INVALID_FILES))('fails %s, at the right line', async (_name, [text, line, message]) => {
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line });
    expect(finding.message).toMatch(message);
  });

  test('reports every schema error, each with its line, at most five then a count', async () => {
    const text = yaml`
      services:
        api:
          buid: ./starter
          ports: 8000
          restart: [always]
        db:
          image: 17
          environment: POSTGRES_USER=demo
          healthcheck: {test: pg_isready, retries: many}
          volumes: [{source: pgdata, target: /data}]
      extra: 1
    `;
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: 3 });
    for (const expected of ['ligne 3 : clé « buid »', 'ligne 4 : services.api.ports doit être une liste', 'ligne 5 : services.api.restart', 'ligne 7 : services.db.image', 'ligne 8 :']) {
      expect(finding.message).toContain(expected);
    }
    expect(finding.message).toMatch(/et 3 autre\(s\)/);
  });

  test('a YAML syntax error is reported with its line', async () => {
    const text = mutate('    ports:\n      - "8000:8000"\n', '    ports:\n      - "8000:8000\n');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: expect.any(Number) });
    expect(finding.message).toMatch(/n'est pas un YAML valide, ligne \d+ : /);
  });

  test('a duplicate key is invalid, even when YAML parsers usually keep the last one', async () => {
    const text = mutate('    image: postgres:17\n', '    image: postgres:17\n    image: postgres:16\n');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(GOOD_COMPOSE, 'image: postgres:17') + 1 });
    expect(finding.message).toMatch(/clé « image » en double/);
  });

  test('a file without services, or with empty services, fails', async () => {
    expect(await judge(check, 'volumes:\n  pgdata: {}\n')).toMatchObject({ status: 'fail', message: expect.stringMatching(/pas de clé services:/) });
    expect(await judge(check, 'name: x\nservices:\n')).toMatchObject({ status: 'fail', line: 2, message: expect.stringMatching(/doit contenir les services/) });
  });

  test('answers fast, without Docker', async () => {
    const started = Date.now();
    await judge(check, GOOD_COMPOSE);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('grades a real folder: the reference passes, a broken overlay fails', async () => {
    for (const [overlay, status] of [[{}, 'pass'], [{ 'docker-compose.yml': 'services:\n  api:\n    buildd: ./starter\n' }, 'fail']] as const) {
      const { dir, cleanup } = await makeSubmission(overlay);
      try {
        const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
        expect((await check.judge(ctx)).status).toBe(status);
      } finally {
        await cleanup();
      }
    }
  });
});

// Where the Compose CLI is installed, check that the schema agrees with Compose itself.
const composeCli = await execa('docker', ['compose', 'version'], { reject: false, timeout: 10_000 }).then(
  (result) => result.exitCode === 0,
  () => false,
);

describe.skipIf(!composeCli)('the schema agrees with docker compose config', () => {
  async function composeAccepts(text: string): Promise<boolean> {
    const dir = await mkdtemp(join(tmpdir(), 'compose-cli-'));
    try {
      await mkdir(join(dir, 'starter'));
      await writeFile(join(dir, 'starter/db.env'), 'POSTGRES_USER=demo\n');
      await writeFile(join(dir, 'starter/token.txt'), 'x\n');
      await writeFile(join(dir, 'docker-compose.yml'), text);
      const result = await execa('docker', ['compose', '-f', 'docker-compose.yml', 'config', '-q'], { cwd: dir, reject: false, timeout: 20_000, extendEnv: false, env: { PATH: process.env.PATH ?? '' } });
      return result.exitCode === 0;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  test.each(Object.entries(VALID_FILES))('accepts %s', async (_name, text) => {
    expect(await composeAccepts(text)).toBe(true);
  });
  test.each(Object.entries(INVALID_FILES))('refuses %s', async (_name, [text]) => {
    expect(await composeAccepts(text)).toBe(false);
  });
});
