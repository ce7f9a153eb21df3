import { describe, expect, test } from 'vitest';
import { criterion as check } from './db.ts';
import { judge, lineOfText, mutate } from './testing.ts';

const IMAGE = '    image: postgres:17\n';
const ENV = '    environment:\n      POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo\n      POSTGRES_DB: demo\n';

describe('compose.db: image', () => {
  test.each([
    'postgres:17',
    'postgres:16',
    'postgres:17.2',
    'postgres:17-alpine',
    'postgres:17.2-bookworm',
    '"postgres:17"',
    'docker.io/library/postgres:17',
    'library/postgres:17',
    'postgres:${PG_TAG:-17}',
    'postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ])('accepts image: %s', async (image) => {
    expect(await judge(check, mutate(IMAGE, `    image: ${image}\n`))).toMatchObject({ status: 'pass' });
  });

  test.each([
    ['postgres', /sans tag/],
    ['postgres:latest', /« latest » ne fixe pas de version/],
    ['postgres:alpine', /« alpine » ne fixe pas de version/],
    ['mysql:8', /au lieu de l'image officielle/],
    ['bitnami/postgresql:17', /au lieu de l'image officielle/],
    ['postgres:${PG_TAG}', /variable PG_TAG/],
  ])('fails image: %s at its line', async (image, message) => {
    const text = mutate(IMAGE, `    image: ${image}\n`);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, `image: ${image}`) });
    expect(finding.message).toMatch(message);
  });

  test('fails a db built from a Dockerfile', async () => {
    const text = mutate(IMAGE, '    build: ./db\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, 'build: ./db'), message: expect.stringMatching(/image officielle/) });
  });
});

describe('compose.db: credentials', () => {
  test.each([
    ['a map', ENV],
    ['a list', '    environment:\n      - POSTGRES_USER=demo\n      - POSTGRES_PASSWORD=demo\n      - POSTGRES_DB=demo\n'],
    ['quoted values', '    environment:\n      POSTGRES_USER: "demo"\n      POSTGRES_PASSWORD: \'demo\'\n      POSTGRES_DB: demo # the database\n'],
    ['quoted list items', '    environment:\n      - "POSTGRES_USER=demo"\n      - \'POSTGRES_PASSWORD=demo\'\n      - POSTGRES_DB=demo\n'],
    ['defaults of variables', '    environment:\n      POSTGRES_USER: ${PGUSER:-demo}\n      POSTGRES_PASSWORD: ${PGPASSWORD-demo}\n      POSTGRES_DB: ${PGDB:-${PGUSER:-demo}}\n'],
    ['no POSTGRES_DB (defaults to the user)', '    environment:\n      POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo\n'],
    ['a flow map', '    environment: {POSTGRES_USER: demo, POSTGRES_PASSWORD: demo, POSTGRES_DB: demo}\n'],
  ])('accepts %s', async (_name, env) => {
    expect(await judge(check, mutate(ENV, env))).toMatchObject({ status: 'pass' });
  });

  test.each([
    ['a string', '    env_file: starter/db.env\n'],
    ['a ./ path', '    env_file: ./starter/db.env\n'],
    ['a list', '    env_file:\n      - starter/db.env\n'],
    ['the long form', '    env_file:\n      - path: starter/db.env\n        required: true\n      - path: starter/missing.env\n        required: false\n'],
  ])('accepts env_file as %s', async (_name, envFile) => {
    const files = { 'starter/db.env': '# credentials\nPOSTGRES_USER=demo\nPOSTGRES_PASSWORD="demo"\nPOSTGRES_DB=demo\n' };
    expect(await judge(check, mutate(ENV, envFile), files)).toMatchObject({ status: 'pass' });
  });

  test('environment overrides env_file', async () => {
    const text = mutate(ENV, '    env_file: starter/db.env\n    environment:\n      POSTGRES_USER: demo\n');
    expect(await judge(check, text, { 'starter/db.env': 'POSTGRES_USER=admin\nPOSTGRES_PASSWORD=demo\n' })).toMatchObject({ status: 'pass' });
  });

  test('fails a wrong user, naming the variable, its value and its line', async () => {
    const text = mutate('POSTGRES_USER: demo', 'POSTGRES_USER: admin');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, 'POSTGRES_USER') });
    expect(finding.message).toMatch(/POSTGRES_USER vaut « admin » au lieu de « demo »/);
  });

  test('fails a wrong password and a wrong database, listing both', async () => {
    const text = mutate('POSTGRES_DB: demo', 'POSTGRES_DB: app', mutate('POSTGRES_PASSWORD: demo', 'POSTGRES_PASSWORD: secret'));
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, 'POSTGRES_PASSWORD') });
    expect(finding.message).toMatch(/POSTGRES_PASSWORD vaut « secret ».*POSTGRES_DB vaut « app »/);
  });

  test('a demo in a comment is not a value', async () => {
    const text = mutate(ENV, '    environment:\n      # POSTGRES_USER: demo\n      POSTGRES_PASSWORD: demo # POSTGRES_USER=demo\n');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, 'environment:') });
    expect(finding.message).toMatch(/POSTGRES_USER n'est pas défini/);
  });

  test('fails a missing password', async () => {
    const text = mutate('      POSTGRES_PASSWORD: demo\n', '');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', message: expect.stringMatching(/POSTGRES_PASSWORD n'est pas défini/) });
  });

  test('fails a list item with quotes inside the value (Compose keeps them)', async () => {
    const text = mutate(ENV, '    environment:\n      - POSTGRES_USER="demo"\n      - POSTGRES_PASSWORD=demo\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', message: expect.stringMatching(/POSTGRES_USER vaut « "demo" »/) });
  });

  test('fails a value taken from the shell or .env, explaining that .env is not read', async () => {
    const text = mutate('POSTGRES_USER: demo', 'POSTGRES_USER: ${DB_USER}');
    const finding = await judge(check, text, { '.env': 'DB_USER=demo\n' });
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, 'POSTGRES_USER') });
    expect(finding.message).toMatch(/variable DB_USER.*ne lit ni votre shell ni \.env/);
  });

  test('fails a bare KEY in list form (value from the shell)', async () => {
    const text = mutate(ENV, '    environment:\n      - POSTGRES_USER\n      - POSTGRES_PASSWORD=demo\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, '- POSTGRES_USER'), message: expect.stringMatching(/POSTGRES_USER dépend de la variable POSTGRES_USER/) });
  });

  test('fails wrong credentials in an env_file, pointing into that file', async () => {
    const text = mutate(ENV, '    env_file: starter/db.env\n');
    const finding = await judge(check, text, { 'starter/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=postgres\n' });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/db.env', line: 2 });
    expect(finding.message).toMatch(/POSTGRES_PASSWORD vaut « postgres » au lieu de « demo » \(starter\/db\.env, ligne 2\)/);
  });

  test('fails an env_file at the root (.env), explaining the grader does not read it', async () => {
    const text = mutate(ENV, '    env_file: .env\n');
    const finding = await judge(check, text, { '.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=demo\n' });
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, 'env_file') });
    expect(finding.message).toMatch(/ne lit pas « \.env »/);
  });

  test('fails an env_file outside the student paths', async () => {
    const text = mutate(ENV, '    env_file: config/db.env\n');
    const finding = await judge(check, text, { 'config/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=demo\n' });
    expect(finding.message).toMatch(/ne lit pas « config\/db\.env ».*starter\//);
  });

  test('fails a missing env_file', async () => {
    const text = mutate(ENV, '    env_file: starter/db.env\n');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail' });
    expect(finding.message).toMatch(/« starter\/db\.env » est introuvable/);
  });

  test('fails when the db service is missing', async () => {
    expect(await judge(check, 'services:\n  api:\n    build: ./starter\n')).toMatchObject({ status: 'fail', message: expect.stringMatching(/service « db » est absent/) });
  });
});
