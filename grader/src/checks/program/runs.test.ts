import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';
import type { ProgramInput } from '../observations.ts';
import { frenchList, judgeRun, missingExpectations, nearMiss, outputExcerpt, printedLines, programFiles, quoteFirstLines } from './runs.ts';
import { PROGRAM, RECORDED, exited } from './testing.ts';

/** A lab whose program is `app/hello.py`, built from `app/`. */
const OTHER = { imageContext: 'app', words: { ...BASIC1.words, appFile: 'app/hello.py' } };
const ran = (outcome: Extract<ProgramInput, { state: 'ran' }>['outcome']): ProgramInput => ({ state: 'ran', run: PROGRAM.plain, outcome });
const verdictOn = (outcome: Extract<ProgramInput, { state: 'ran' }>['outcome'], lab: Parameters<typeof programFiles>[0] = BASIC1) => {
  const verdict = judgeRun(ran(outcome), DEFAULT_SETTINGS, programFiles(lab));
  if (verdict.ended) throw new Error('the run was judged as ended');
  return verdict.finding;
};

describe('the program files a lab names', () => {
  test("docker-basic-1's program, its name and its Dockerfile", () => {
    expect(programFiles(BASIC1)).toEqual({ program: 'starter/welcome.py', name: 'welcome.py', dockerfile: 'starter/Dockerfile' });
  });

  test("a run that fails points at the lab's own files", () => {
    const missing = verdictOn(exited('', { stderr: "python: can't open file '/app/hello.py': [Errno 2] No such file or directory\n", exitCode: 2 }), OTHER);
    expect(missing).toMatchObject({ file: 'app/Dockerfile' });
    expect(missing.message).toContain('vérifiez que le Dockerfile copie hello.py (COPY)');
    const endless = verdictOn({ state: 'timed-out', stdout: { text: '', truncated: false }, stderr: { text: '', truncated: false }, elapsedMs: 60_000 }, OTHER);
    expect(endless).toMatchObject({ file: 'app/hello.py' });
    expect(endless.message).toContain('cherchez dans hello.py ce qui');
  });
});

describe('judgeRun', () => {
  test('a run that exited with 0 is left to the criterion; its run and outcome are handed on', () => {
    const outcome = exited('Bonjour Docker !\n');
    expect(judgeRun(ran(outcome), DEFAULT_SETTINGS, programFiles(BASIC1))).toEqual({ ended: true, run: PROGRAM.plain, outcome });
  });

  test('an image not built, a lab without a program, an interrupted run', () => {
    const files = programFiles(BASIC1);
    expect(judgeRun({ state: 'not-built' }, DEFAULT_SETTINGS, files)).toMatchObject({ ended: false, finding: { status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." } });
    expect(judgeRun({ state: 'not-judged', because: 'no-program' }, DEFAULT_SETTINGS, files)).toMatchObject({ ended: false, finding: { status: 'error' } });
    expect(verdictOn({ state: 'interrupted' })).toEqual({ status: 'error', message: 'Critère non évalué (grading interrompu).' });
  });

  test('a command the engine cannot find points at the Dockerfile', () => {
    expect(verdictOn({ state: 'start-failed', step: 'start', reason: RECORDED.execNotFound })).toMatchObject({ file: 'starter/Dockerfile', message: expect.stringContaining('la commande « pythn » est introuvable') });
    expect(verdictOn(exited('', { stderr: RECORDED.shellNotFound, exitCode: 127 }))).toMatchObject({ file: 'starter/Dockerfile', message: expect.stringContaining('La commande « pythn » est introuvable') });
  });

  test('a crash names the cause: input() without a terminal, a variable read without a default', () => {
    expect(verdictOn(exited('', { stderr: RECORDED.eof, exitCode: 1 })).message).toContain('Le programme attend une saisie au clavier (input())');
    expect(verdictOn(exited('', { stderr: RECORDED.keyError, exitCode: 1 })).message).toContain('lisez-la avec `os.getenv("WELCOME_NAME", …)`');
  });
});

describe('reading the output', () => {
  test('printed lines: stdout then stderr, trimmed, blank lines and control characters left out', () => {
    expect(printedLines({ stdout: { text: '  Bonjour \x1b[1mDocker\x1b[0m !\n\n', truncated: false }, stderr: { text: 'warning\n', truncated: false } })).toEqual(['Bonjour Docker !', 'warning']);
  });

  test('expectations: exact lines up to spaces, patterns, near misses', () => {
    expect(missingExpectations(PROGRAM.plain, ['Bonjour  Docker\u00a0!', 'Date : 2025-10-31', 'Linux'])).toEqual([]);
    expect(missingExpectations(PROGRAM.plain, ['bonjour docker', 'Linux'])).toEqual([PROGRAM.plain.expect[0], PROGRAM.plain.expect[1]]);
    expect(nearMiss({ line: 'Bonjour Docker !' }, ['bonjour docker'])).toBe('bonjour docker');
    expect(nearMiss({ line: 'Bonjour Docker !' }, ['Bonsoir Docker'])).toBeUndefined();
  });

  test('lists and quotes for the messages', () => {
    expect([frenchList([]), frenchList(['a']), frenchList(['a', 'b']), frenchList(['a', 'b', 'c'])]).toEqual(['', 'a', 'a et b', 'a, b et c']);
    expect(quoteFirstLines(['a', 'b', 'c', 'd'])).toBe('« a » / « b » / « c » / …');
    expect(quoteFirstLines(['x'.repeat(100)])).toBe(`« ${'x'.repeat(79)}… »`);
  });

  test('the excerpt says where the output was cut', () => {
    expect(outputExcerpt({ stdout: { text: 'a'.repeat(5), truncated: true }, stderr: { text: '', truncated: false } })).toBe(`${'a'.repeat(5)}\n[… sortie coupée : elle dépasse la taille lue par le correcteur]`);
  });
});
