import { describe, expect, test } from 'vitest';
import { criterion as check, parseMount } from './db-volume.ts';
import { judge, lineOfText, mutate } from './testing.ts';

const MOUNT = '      - pgdata:/var/lib/postgresql/data\n';

describe('compose.db-volume', () => {
  test.each([
    'pgdata:/var/lib/postgresql/data',
    'pgdata:/var/lib/postgresql/data:rw',
    'pgdata:/var/lib/postgresql/data/',
    '"pgdata:/var/lib/postgresql/data"',
    '${VOLUME:-pgdata}:/var/lib/postgresql/data',
    '{type: volume, source: pgdata, target: /var/lib/postgresql/data}',
  ])('accepts - %s', async (mount) => {
    expect(await judge(check, mutate(MOUNT, `      - ${mount}\n`))).toMatchObject({ status: 'pass' });
  });

  test('accepts a named volume among other mounts', async () => {
    const text = mutate(MOUNT, `      - ./starter/init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n${MOUNT}`);
    expect(await judge(check, text)).toMatchObject({ status: 'pass' });
  });

  test('accepts a top-level declaration written pgdata: (empty) or external', async () => {
    expect(await judge(check, mutate('  pgdata: {}\n', '  pgdata:\n'))).toMatchObject({ status: 'pass' });
    expect(await judge(check, mutate('  pgdata: {}\n', '  pgdata:\n    external: true\n'))).toMatchObject({ status: 'pass' });
  });

  test('accepts a mount on a parent of PGDATA', async () => {
    const text = mutate('      POSTGRES_DB: demo\n', '      POSTGRES_DB: demo\n      PGDATA: /var/lib/postgresql/data/pgdata\n');
    expect(await judge(check, text)).toMatchObject({ status: 'pass' });
    const moved = mutate(MOUNT, '      - pgdata:/pg\n', mutate('      POSTGRES_DB: demo\n', '      POSTGRES_DB: demo\n      PGDATA: /pg/data\n'));
    expect(await judge(check, moved)).toMatchObject({ status: 'pass' });
  });

  test('fails a mount on the parent directory when PGDATA is not set', async () => {
    const text = mutate(MOUNT, '      - pgdata:/var/lib/postgresql\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, '    volumes:\n      - pgdata') });
  });

  test('fails when PGDATA points outside the mounted volume', async () => {
    const text = mutate('      POSTGRES_DB: demo\n', '      POSTGRES_DB: demo\n      PGDATA: /srv/pg\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', message: expect.stringMatching(/aucun volume sur \/srv\/pg/) });
  });

  test.each([
    ['a bind mount', '      - ./data:/var/lib/postgresql/data\n', /bind mount « \.\/data ».*down -v/],
    ['a long bind mount', '      - {type: bind, source: ./data, target: /var/lib/postgresql/data}\n', /bind mount/],
    ['an anonymous volume', '      - /var/lib/postgresql/data\n', /anonyme.*down puis up/],
    ['a long anonymous volume', '      - {type: volume, target: /var/lib/postgresql/data}\n', /anonyme/],
    ['a tmpfs', '      - {type: tmpfs, target: /var/lib/postgresql/data}\n', /tmpfs/],
  ])('fails %s at its line, saying why and how to fix', async (_name, mount, message) => {
    const text = mutate(MOUNT, mount);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, mount.trimEnd()) });
    expect(finding.message).toMatch(message);
  });

  test('fails when there is no volume at all', async () => {
    const text = mutate(`    volumes:\n${MOUNT}`, '');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, 'image: postgres') - 1 });
    expect(finding.message).toMatch(/ne monte aucun volume sur \/var\/lib\/postgresql\/data.*perdues.*pgdata:\/var\/lib\/postgresql\/data/);
  });

  test('fails a named volume that is not declared at top level', async () => {
    const text = mutate('volumes:\n  pgdata: {}\n', '');
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, '- pgdata:') });
    expect(finding.message).toMatch(/« pgdata » .*n'est pas déclaré.*refuse/);
  });

  test('fails a volume declared under another name', async () => {
    const text = mutate('  pgdata: {}\n', '  db-data: {}\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', message: expect.stringMatching(/pas déclaré/) });
  });
});

describe('parseMount', () => {
  test.each([
    ['pgdata:/data', { kind: 'volume', source: 'pgdata', target: '/data' }],
    ['./data:/data:ro', { kind: 'bind', source: './data', target: '/data' }],
    ['/srv/pg:/data', { kind: 'bind', source: '/srv/pg', target: '/data' }],
    ['~/pg:/data', { kind: 'bind', source: '~/pg', target: '/data' }],
    ['/data', { kind: 'anonymous', target: '/data' }],
    [{ type: 'volume', source: 'v', target: '/data/' }, { kind: 'volume', source: 'v', target: '/data' }],
    [{ type: 'npipe', source: 'x', target: '/data' }, { kind: 'other', target: '/data' }],
    [42, undefined],
  ])('%j', (entry, expected) => {
    expect(parseMount(entry)).toEqual(expected);
  });
});
