import { describe, expect, test } from 'vitest';
import { parseEnvFile } from './environment.ts';

describe('parseEnvFile', () => {
  test('reads KEY=value lines, quotes, export, comments and defaults', () => {
    const text = [
      '# database',
      'POSTGRES_USER=demo',
      'export POSTGRES_PASSWORD="demo"',
      "POSTGRES_DB='de$mo'",
      'PGDATA=/var/lib/postgresql/data # inline comment',
      'FROM_DEFAULT=${X:-demo}',
      'FROM_SHELL',
      '',
      'not a variable line',
    ].join('\n');
    const vars = Object.fromEntries(parseEnvFile(text, 'starter/db.env').map((v) => [v.name, v]));
    expect(vars.POSTGRES_USER).toMatchObject({ value: 'demo', line: 2, file: 'starter/db.env' });
    expect(vars.POSTGRES_PASSWORD).toMatchObject({ value: 'demo', line: 3 });
    expect(vars.POSTGRES_DB).toMatchObject({ value: 'de$mo', line: 4 });
    expect(vars.PGDATA?.value).toBe('/var/lib/postgresql/data');
    expect(vars.FROM_DEFAULT?.value).toBe('demo');
    expect(vars.FROM_SHELL).toMatchObject({ value: undefined, unresolved: ['FROM_SHELL'] });
    expect(Object.keys(vars)).toHaveLength(6);
  });

  test('handles CRLF line endings', () => {
    expect(parseEnvFile('POSTGRES_USER=demo\r\nPOSTGRES_DB=demo\r\n', 'x').map((v) => v.value)).toEqual(['demo', 'demo']);
  });
});
