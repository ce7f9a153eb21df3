import { describe, expect, test } from 'vitest';
import { parseCompose, type ComposeFile } from './compose-file.ts';
import { criterion as valid } from './valid.ts';
import { GOOD_COMPOSE, judge, lineOfText, yaml } from './testing.ts';

const parse = (text: string | Buffer) => parseCompose(typeof text === 'string' ? Buffer.from(text) : text);
function parsed(text: string): ComposeFile {
  const load = parse(text);
  if (load.state !== 'ok') throw new Error(load.message);
  return load.file;
}

describe('parseCompose', () => {
  test('maps paths back to 1-based lines', () => {
    const file = parsed(GOOD_COMPOSE);
    expect(file.lineOf([])).toBe(1);
    expect(file.lineOf(['services', 'api'])).toBe(lineOfText(GOOD_COMPOSE, 'api:'));
    expect(file.lineOf(['services', 'api', 'ports', 0])).toBe(lineOfText(GOOD_COMPOSE, '"8000:8000"'));
    expect(file.lineOf(['services', 'db', 'environment', 'POSTGRES_DB'])).toBe(lineOfText(GOOD_COMPOSE, 'POSTGRES_DB'));
    // A missing key points at its deepest existing ancestor.
    expect(file.lineOf(['services', 'db', 'nope', 'deeper'])).toBe(lineOfText(GOOD_COMPOSE, 'image: postgres') - 1);
  });

  test('resolves anchors and merge keys, and finds merged keys in the anchor', () => {
    const text = yaml`
      x-pg: &pg
        image: postgres:17
        environment: &env
          POSTGRES_USER: demo
      services:
        db:
          <<: *pg
          environment: *env
    `;
    const file = parsed(text);
    expect(file.data.services).toEqual({ db: { image: 'postgres:17', environment: { POSTGRES_USER: 'demo' } } });
    expect(file.lineOf(['services', 'db', 'image'])).toBe(2);
    expect(file.lineOf(['services', 'db', 'environment', 'POSTGRES_USER'])).toBe(4);
  });

  test('explicit keys win over merged ones', () => {
    const file = parsed('x: &a {image: postgres:16}\nservices:\n  db:\n    <<: *a\n    image: postgres:17\n');
    expect(file.data.services).toEqual({ db: { image: 'postgres:17' } });
    expect(file.lineOf(['services', 'db', 'image'])).toBe(5);
  });

  test('a comment is not a value', () => {
    const file = parsed('services:\n  db:\n    # POSTGRES_USER: demo\n    image: postgres:17\n');
    expect(file.data.services).toEqual({ db: { image: 'postgres:17' } });
  });

  test.each([
    ['invalid YAML, with its line', 'services:\n  api:\n    build: [./starter\n  db: {}\n', /YAML valide, ligne \d/],
    ['duplicate keys', 'services:\n  db: {}\n  db: {}\n', /clé « db » en double/],
    ['tab indentation', 'services:\n\tapi: {}\n', /tabulation/],
    ['several documents', 'services: {}\n---\nservices: {}\n', /plusieurs documents/],
    ['an empty file', '# nothing\n', /vide/],
    ['a list', '- api\n- db\n', /pas une liste/],
    ['a scalar', 'hello\n', /valeur seule/],
    ['an undefined alias', 'services:\n  api: *nope\n', /alias/],
    ['a merge of a scalar', 'x: &x 1\nservices:\n  api:\n    <<: *x\n', /fusion/],
  ])('rejects %s', (_name, text, message) => {
    const load = parse(text);
    expect(load.state).toBe('bad');
    if (load.state === 'bad') expect(load.message).toMatch(message);
  });

  test('reports the line of a YAML error and of a duplicate key', () => {
    const dup = parse('services:\n  api:\n    image: a\n    image: b\n');
    expect(dup).toMatchObject({ state: 'bad', line: 4 });
    const tab = parse('services:\n  api:\n\t  image: a\n');
    expect(tab).toMatchObject({ state: 'bad', line: 3 });
  });

  test('refuses an alias bomb quickly instead of hanging', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = 'a';
    for (const name of 'bcdefghij') {
      text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = name;
    }
    const started = Date.now();
    const load = parse(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(load).toMatchObject({ state: 'bad', message: expect.stringMatching(/billion laughs/) });
  });

  test('refuses pathological nesting without throwing', () => {
    expect(parse('['.repeat(50_000) + ']'.repeat(50_000)).state).toBe('bad');
    expect(parse(`services: ${'{a: '.repeat(60)}1${'}'.repeat(60)}\n`)).toMatchObject({ state: 'bad', message: expect.stringMatching(/imbriqué/) });
  });

  test('refuses binary, UTF-16 and non-UTF-8 bytes', () => {
    expect(parse(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))).toMatchObject({ state: 'bad', message: expect.stringMatching(/UTF-8/) });
    expect(parse(Buffer.from('\ufeffservices: {}\n', 'utf16le'))).toMatchObject({ state: 'bad' });
    expect(parse(Buffer.from([0x73, 0x3a, 0x20, 0xe9, 0x0a]))).toMatchObject({ state: 'bad', message: expect.stringMatching(/UTF-8/) });
  });

  test('accepts a UTF-8 byte order mark', () => {
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD_COMPOSE)])).state).toBe('ok');
  });
});

describe('composeLoader (through the Submission)', () => {
  test('a missing file', async () => {
    expect(await judge(valid, null)).toMatchObject({ status: 'fail', message: expect.stringMatching(/absent/) });
  });

  test('a huge file', async () => {
    const huge = `services: {}\n${'# padding\n'.repeat(40_000)}`;
    expect(await judge(valid, huge)).toMatchObject({ status: 'fail', message: expect.stringMatching(/anormalement gros/) });
  });

  test('a directory instead of a file', async () => {
    const finding = await judge(valid, null, { 'docker-compose.yml/inner.txt': 'x' });
    expect(finding).toMatchObject({ status: 'fail', message: expect.stringMatching(/pas un fichier ordinaire/) });
  });
});
