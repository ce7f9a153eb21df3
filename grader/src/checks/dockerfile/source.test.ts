import { describe, expect, it } from 'vitest';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { FileRead, Submission } from '../../submission/submission.ts';
import { dockerfileSource, parseDockerfile, rootStage } from './source.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

async function load(read: FileRead) {
  const submission = { read: async () => read } as unknown as Submission;
  return createStaticContext(submission, DEFAULT_SETTINGS, TP1).load(dockerfileSource);
}

describe('dockerfileSource', () => {
  it("reads the Dockerfile of the lab's image context, and names it", async () => {
    const asked: string[] = [];
    const submission = { read: async (rel: string) => (asked.push(rel), { state: 'missing', path: rel }) } as unknown as Submission;
    const source = await createStaticContext(submission, DEFAULT_SETTINGS, { ...TP1, imageContext: 'app' }).load(dockerfileSource);
    expect(asked).toEqual(['app/Dockerfile']);
    expect(source).toMatchObject({ ok: false, missing: true, file: 'app/Dockerfile', message: 'Le fichier app/Dockerfile est introuvable.' });
  });

  it('turns every unreadable state into a French message, never an exception', async () => {
    const path = 'starter/Dockerfile';
    expect(await load({ state: 'missing', path })).toMatchObject({ ok: false, missing: true });
    for (const read of [
      { state: 'not-a-file', path },
      { state: 'outside', path, reason: 'escapes-repository' },
      { state: 'too-large', path, size: 10_000_000 },
      { state: 'unreadable', path, reason: 'EACCES' },
      { state: 'ok', path, bytes: Buffer.from([0x46, 0x52, 0x00, 0x01]) },
      { state: 'ok', path, bytes: Buffer.from('\uFEFFFROM x', 'utf16le') },
    ] as FileRead[]) {
      const source = await load(read);
      expect(source.ok).toBe(false);
      if (!source.ok) expect(source.message).toMatch(/starter\/Dockerfile/);
    }
  });

  it('strips a UTF-8 BOM and accepts CRLF line endings', async () => {
    const source = await load({ state: 'ok', path: 'starter/Dockerfile', bytes: Buffer.from('\uFEFFFROM python:3.13-slim\r\nWORKDIR /app\r\n') });
    expect(source.ok && source.model.steps.map((s) => [s.keyword, s.line])).toEqual([
      ['FROM', 1],
      ['WORKDIR', 2],
    ]);
  });
});

describe('parseDockerfile', () => {
  it('expands ARG defaults in FROM and follows FROM <stage> to the real base', () => {
    const model = parseDockerfile('ARG PY=3.13\nFROM --platform=linux/amd64 python:${PY}-slim AS base\nFROM base\nRUN true\n');
    expect(model.stages.map((s) => s.image)).toEqual(['python:3.13-slim', 'base']);
    expect(rootStage(model)?.from.line).toBe(2);
    expect(model.chain.map((s) => s.keyword)).toEqual(['RUN']);
  });

  it('scopes variables like Docker: global ARG only re-declared in a stage, ENV over ARG', () => {
    const model = parseDockerfile('ARG DIR=/srv\nFROM python:3.13-slim\nWORKDIR $DIR/x\nARG DIR\nENV HOME_DIR=$DIR/app\nWORKDIR ${HOME_DIR}\n');
    const workdirs = model.chain.filter((s) => s.keyword === 'WORKDIR');
    expect(workdirs.map((s) => s.words[0])).toEqual(['/x', '/srv/app']);
    expect(workdirs[0]?.unresolved).toEqual(['DIR']);
    expect(model.finalEnv.get('HOME_DIR')).toBe('/srv/app');
  });

  it('parses the escape directive (backtick continuations)', () => {
    const model = parseDockerfile('# escape=`\nFROM python:3.13-slim\nRUN pip install `\n    --no-cache-dir `\n    -r requirements.txt\nWORKDIR C:\\app\nEXPOSE 8000\n');
    expect(model.steps.map((s) => [s.keyword, s.line])).toEqual([
      ['FROM', 2],
      ['RUN', 3],
      ['WORKDIR', 6],
      ['EXPOSE', 7],
    ]);
    expect(model.steps[1]?.raw.replace(/\s+/g, ' ')).toBe('pip install --no-cache-dir -r requirements.txt');
    expect(model.steps[2]?.words).toEqual(['C:\\app']);
  });

  it('separates here-documents from the instruction line', () => {
    const model = parseDockerfile('FROM python:3.13-slim\nRUN <<EOF\npip install --no-cache-dir -r requirements.txt\nEOF\nEXPOSE 8000\n');
    const run = model.steps[1]!;
    expect(run.heredocs).toEqual(['pip install --no-cache-dir -r requirements.txt']);
    expect(model.steps[2]).toMatchObject({ keyword: 'EXPOSE', line: 5 });
  });

  it('reads several, quoted and tab-stripped (<<-) here-documents; the first line keeps its command', () => {
    const text = 'FROM python:3.13-slim\nRUN <<\'A\' bash -e && <<-B cat\n$HOME\nA\n\t\tb1\n\tB\nCOPY <<CONF /etc/app.conf\nkey=1\nCONF\nRUN <<EOF\nEOF\n';
    const [, run, copy, empty] = parseDockerfile(text).steps;
    expect(run).toMatchObject({ words: ['bash', '-e', '&&', 'cat'], heredocs: ['$HOME', 'b1'], exec: null });
    expect(copy).toMatchObject({ line: 7, head: '/etc/app.conf', words: ['/etc/app.conf'], heredocs: ['key=1'] });
    expect(empty).toMatchObject({ line: 10, head: '', heredocs: [''] });
  });

  it('names stages as Docker does (AS in any case, lower-cased) and follows FROM <stage>', () => {
    const model = parseDockerfile('FROM python:3.13-slim as Builder\nRUN true\nFROM builder\nCMD ["python"]\n');
    expect(model.stages.map((s) => s.name)).toEqual(['builder', null]);
    expect(model.final?.parent?.index).toBe(0);
  });

  it('detects the exec form only for a JSON array of strings', () => {
    const model = parseDockerfile(`FROM python:3.13-slim\nCMD ["uvicorn", "app:app"]\nCMD ['uvicorn']\nCMD uvicorn app:app\n`);
    expect(model.chain.map((s) => s.exec)).toEqual([['uvicorn', 'app:app'], null, null]);
  });

  it('records lines Docker would refuse', () => {
    const model = parseDockerfile('RUN echo hi\nFROM python:3.13-slim\nFORM x\nEXPOSE\nCOPY app.py\n');
    expect(model.problems.map((p) => p.line)).toEqual([1, 3, 4, 5]);
  });

  it('treats comments as comments, not instructions', () => {
    const model = parseDockerfile('# TODO: WORKDIR /app\n#FROM python:3.13-slim\n');
    expect(model.steps).toEqual([]);
    expect(model.todoLines).toEqual([1]);
  });
});
