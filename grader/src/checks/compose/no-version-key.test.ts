import { describe, expect, test } from 'vitest';
import { criterion as check } from './no-version-key.ts';
import { GOOD_COMPOSE, judge } from './testing.ts';

describe('compose.no-version-key', () => {
  test('passes without a version key', async () => {
    expect(await judge(check, GOOD_COMPOSE)).toEqual({ status: 'pass', message: '' });
  });

  test.each(['version: "3.8"', "version: '3'", 'version: 3.8'])('fails %s with its line', async (version) => {
    const finding = await judge(check, `# my stack\n${version}\n${GOOD_COMPOSE}`);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: 2 });
    expect(finding.message).toMatch(/obsolète.*Compose v2 l'ignore.*Supprimez/);
  });

  test('a version in a comment or inside a service is not the key', async () => {
    expect(await judge(check, `# version: "3.8"\n${GOOD_COMPOSE}`)).toMatchObject({ status: 'pass' });
    expect(await judge(check, GOOD_COMPOSE.replace('    image: postgres:17\n', '    image: postgres:17\n    labels: {version: "3"}\n'))).toMatchObject({ status: 'pass' });
  });

  test('points to compose.valid when the file is missing', async () => {
    expect(await judge(check, null)).toMatchObject({ status: 'fail', message: expect.stringMatching(/voir compose\.valid/) });
  });
});
