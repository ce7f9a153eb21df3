import { describe, expect, test } from 'vitest';
import { criterion as check } from './healthcheck.ts';
import { judge, lineOfText, mutate } from './testing.ts';

const HEALTHCHECK = '    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U demo -d demo"]\n      interval: 5s\n      retries: 10\n';
const DEPENDS = '    depends_on:\n      db:\n        condition: service_healthy\n';

describe('compose.healthcheck', () => {
  test.each([
    ['a CMD-SHELL list', HEALTHCHECK],
    ['a CMD list', '    healthcheck:\n      test: ["CMD", "pg_isready", "-U", "demo"]\n'],
    ['a string', '    healthcheck:\n      test: pg_isready -U demo -d demo\n'],
    ['a flow map', '    healthcheck: {test: "pg_isready", disable: false}\n'],
  ])('accepts a healthcheck written as %s', async (_name, healthcheck) => {
    expect(await judge(check, mutate(HEALTHCHECK, healthcheck))).toMatchObject({ status: 'pass' });
  });

  test('accepts depends_on in flow style, with restart and required', async () => {
    const text = mutate(DEPENDS, '    depends_on: {db: {condition: service_healthy, restart: true, required: true}}\n');
    expect(await judge(check, text)).toMatchObject({ status: 'pass' });
  });

  test.each([
    ['no healthcheck', '', '  db:\n    image', /pas de healthcheck/],
    ['a disabled healthcheck', '    healthcheck:\n      test: ["CMD", "pg_isready"]\n      disable: true\n', 'disable: true', /désactivé/],
    ['test NONE', '    healthcheck:\n      test: ["NONE"]\n', 'test: ["NONE"]', /NONE/],
    ['an empty test', '    healthcheck:\n      test: ""\n', 'test: ""', /vide/],
    ['a list without CMD', '    healthcheck:\n      test: ["pg_isready"]\n', 'test: ["pg_isready"]', /CMD-SHELL/],
    ['no test', '    healthcheck:\n      interval: 5s\n', 'healthcheck:', /n’a pas de test:/],
  ])('fails %s at its line', async (_name, healthcheck, needle, message) => {
    const text = mutate(HEALTHCHECK, healthcheck);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, needle) });
    expect(finding.message).toMatch(message);
  });

  test.each([
    ['the list form', '    depends_on:\n      - db\n', 'depends_on:', /en liste.*seulement attendre le démarrage du conteneur/],
    ['the flow list form', '    depends_on: [db]\n', 'depends_on:', /en liste/],
    ['condition service_started', '    depends_on:\n      db:\n        condition: service_started\n', 'condition:', /condition: service_started/],
    ['no depends_on', '', '  api:', /ne dépend pas de db/],
    ['depends_on on another service', '    depends_on:\n      cache:\n        condition: service_healthy\n', 'depends_on:', /ne dépend pas de db/],
  ])('fails %s at its line', async (_name, depends, needle, message) => {
    const text = mutate(DEPENDS, depends);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, needle) });
    expect(finding.message).toMatch(message);
  });
});
