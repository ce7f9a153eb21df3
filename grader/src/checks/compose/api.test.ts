import { describe, expect, test } from 'vitest';
import { criterion as check, containerPorts } from './api.ts';
import { GOOD_COMPOSE, judge, lineOfText, mutate } from './testing.ts';

const BUILD = '    build: ./starter\n';
const PORTS = '    ports:\n      - "8000:8000"\n';

describe('compose.api', () => {
  test.each([
    'build: ./starter',
    'build: starter',
    'build: ./starter/',
    'build: "${API_DIR:-./starter}"',
    'build: {context: ./starter}',
    'build:\n      context: ./starter/\n      dockerfile: Dockerfile',
    'build:\n      context: starter\n      dockerfile: ./Dockerfile',
    'build: {context: ./starter, dockerfile: Dockerfile}',
  ])('accepts %s', async (build) => {
    expect(await judge(check, mutate(BUILD, `    ${build}\n`))).toMatchObject({ status: 'pass' });
  });

  test.each([
    '"8000:8000"',
    '"127.0.0.1:8000:8000"',
    '"8080:8000"',
    '"8000"',
    '8000',
    '8000:8000/tcp',
    '"127.0.0.1::8000"',
    '"[::1]:8000:8000"',
    '"7990-8010:7990-8010"',
    '"${API_PORT:-8000}:8000"',
    '{target: 8000, published: 8000}',
    '{target: 8000, published: "8080", host_ip: 127.0.0.1, protocol: tcp}',
    '{target: 8000}',
  ])('accepts ports: - %s', async (port) => {
    expect(await judge(check, mutate(PORTS, `    ports:\n      - ${port}\n`))).toMatchObject({ status: 'pass' });
  });

  test('accepts 8000 among other ports', async () => {
    expect(await judge(check, mutate(PORTS, '    ports:\n      - "9000:9000"\n      - "8000:8000"\n'))).toMatchObject({ status: 'pass' });
  });

  test('fails image: alone, at the image line', async () => {
    const text = mutate(BUILD, '    image: simple-api\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, 'image: simple-api'), message: expect.stringMatching(/seulement image:.*build: \.\/starter/) });
  });

  test('fails when there is no build at all, at the service line', async () => {
    const text = mutate(BUILD, '');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, 'api:'), message: expect.stringMatching(/pas de build:/) });
  });

  test.each([
    ['build: .', 'build: .'],
    ['build: ./api', 'build: ./api'],
    ['build: ../starter', 'build: ../starter'],
    ['build: /home/me/starter', 'build: /home/me/starter'],
    ['build: https://github.com/me/repo.git#main:starter', 'build: https'],
    ['build: {dockerfile: starter/Dockerfile}', 'build:'],
    ['build:\n      context: .\n      dockerfile: starter/Dockerfile', 'context: .'],
    ['build: ${API_DIR}', 'build:'],
  ])('fails %s, at the offending line', async (build, needle) => {
    const text = mutate(BUILD, `    ${build}\n`);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: lineOfText(text, needle) });
    expect(finding.message).toMatch(/build: \.\/starter/);
  });

  test('fails a Dockerfile other than starter/Dockerfile', async () => {
    const text = mutate(BUILD, '    build:\n      context: ./starter\n      dockerfile: Dockerfile.dev\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, 'dockerfile:'), message: expect.stringMatching(/Dockerfile\.dev/) });
  });

  test('fails dockerfile_inline', async () => {
    const text = mutate(BUILD, '    build:\n      context: ./starter\n      dockerfile_inline: "FROM python:3.12-slim"\n');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: lineOfText(text, 'dockerfile_inline') });
  });

  test.each([
    ['no ports', '', 'api:', /ne publie aucun port/],
    ['expose only', '    expose: ["8000"]\n', 'api:', /expose:/],
    ['an empty list', '    ports: []\n', 'ports:', /ne publie aucun port/],
    ['another container port', '    ports:\n      - "8000:80"\n', 'ports:', /port\(s\) conteneur 80\/tcp/],
    ['a UDP port', '    ports:\n      - "8000:8000/udp"\n', 'ports:', /8000\/udp/],
    ['a long form on another target', '    ports:\n      - {target: 80, published: 8000}\n', 'ports:', /conteneur 80\/tcp/],
    ['a range without 8000', '    ports:\n      - "9000-9010:9000-9010"\n', 'ports:', /9000-9010/],
  ])('fails %s', async (_name, ports, needle, message) => {
    const text = mutate(PORTS, ports);
    const finding = await judge(check, text);
    expect(finding).toMatchObject({ status: 'fail', line: lineOfText(text, needle) });
    expect(finding.message).toMatch(message);
  });

  test('fails when the api service is missing', async () => {
    const text = GOOD_COMPOSE.replace(/  api:\n(    .*\n|      .*\n|        .*\n)*/, '');
    expect(text).not.toContain('api:');
    expect(await judge(check, text)).toMatchObject({ status: 'fail', line: 1, message: expect.stringMatching(/service « api » est absent/) });
  });

  test('points to compose.valid when the file cannot be parsed', async () => {
    expect(await judge(check, 'services:\n  api: [\n')).toMatchObject({ status: 'fail', message: expect.stringMatching(/voir compose\.valid/) });
  });
});

describe('containerPorts', () => {
  test.each([
    [8000, { start: 8000, end: 8000, protocol: 'tcp' }],
    ['0.0.0.0:8000:8000/UDP', { start: 8000, end: 8000, protocol: 'udp' }],
    ['fe80::1:8080:8000', { start: 8000, end: 8000, protocol: 'tcp' }],
    ['8000-8002', { start: 8000, end: 8002, protocol: 'tcp' }],
    [{ target: '8000', protocol: 'tcp' }, { start: 8000, end: 8000, protocol: 'tcp' }],
    ['nonsense', undefined],
    [{ published: 8000 }, undefined],
  ])('%j', (entry, expected) => {
    expect(containerPorts(entry)).toEqual(expected);
  });
});
