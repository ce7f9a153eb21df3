import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { explainCrash, GraderFailure, loadRubricOrExplain, reportCrash } from './crash.ts';

const dir = await mkdtemp(join(tmpdir(), 'crash-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function rubricFailure(content: string | null, mode?: number): Promise<GraderFailure> {
  const path = join(dir, `rubric-${Math.random().toString(36).slice(2)}.yml`);
  if (content !== null) await writeFile(path, content);
  if (mode !== undefined) await chmod(path, mode);
  const error = await loadRubricOrExplain(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraderFailure);
  return error as GraderFailure;
}

describe('a rubric the grader cannot use: the cause in French, and how to restore it', () => {
  test('missing', async () => {
    const { explanation } = await rubricFailure(null);
    expect(explanation.what).toMatch(/^Le barème `.*rubric-\w+\.yml` est introuvable\.$/);
    expect(explanation.fix).toMatch(/git checkout -- .*rubric-\w+\.yml/);
  });

  test('not YAML: the line', async () => {
    const { explanation } = await rubricFailure('criteria:\n  a: [1, 2\n  b: }\n');
    expect(explanation.what).toMatch(/^Le barème `.*\.yml:\d+` n'est pas du YAML valide\.$/);
  });

  test('YAML, but not a rubric', async () => {
    const { explanation } = await rubricFailure('groups: {}\n');
    expect(explanation.what).toMatch(/est invalide \(un critère, ses points ou un réglage\)\.$/);
  });

  test.skipIf(process.getuid?.() === 0)('unreadable', async () => {
    const { explanation } = await rubricFailure('criteria: {}\n', 0o000);
    expect(explanation.what).toMatch(/est illisible \(droits d'accès refusés\)\.$/);
    expect(explanation.fix).toMatch(/chmod u\+r/);
  });
});

describe('the crash report', () => {
  const boom = new Error('Cannot read properties of undefined (reading x)');

  test('on a terminal: no score, the cause, what to do, the path of the detail; no stack on screen', async () => {
    const { text, detailFile } = await reportCrash(boom, { env: {}, dir });
    expect(text).toContain('Le correcteur a échoué : aucune note n’a été calculée. Ce n’est pas une note basse.');
    expect(text).toContain('Cause : Le correcteur a rencontré une erreur interne.');
    expect(text).toMatch(/Que faire : Relancez/);
    expect(text).toContain(`Détail technique (pour l'enseignant) : ${detailFile}`);
    expect(text).not.toMatch(/\n\s+at |Cannot read properties/);
    const detail = await readFile(detailFile!, 'utf8');
    expect(detail).toContain('Cannot read properties of undefined');
    expect(detail).toMatch(/\n\s+at /);
  });

  test('in GitHub Actions: the detail after a separator as well (the runner’s files are gone after the job)', async () => {
    const { text } = await reportCrash(boom, { env: { GITHUB_ACTIONS: 'true' }, dir });
    const [head, detail] = text.split('-------- Détail technique (pour l’enseignant) --------');
    expect(head).not.toMatch(/Cannot read properties/);
    expect(detail).toMatch(/Cannot read properties/);
  });

  test('an explained failure keeps its explanation; its cause is in the detail', async () => {
    const failure = new GraderFailure({ what: 'Quoi.', fix: 'Comment.' }, boom);
    const { text, detailFile } = await reportCrash(failure, { env: {}, dir });
    expect(text).toContain('Cause : Quoi.');
    expect(text).toContain('Que faire : Comment.');
    expect(await readFile(detailFile!, 'utf8')).toMatch(/Cause :\nError: Cannot read properties/);
  });

  test('known system errors', () => {
    expect(explainCrash(Object.assign(new Error('no space'), { code: 'ENOSPC' })).what).toMatch(/disque est plein/);
    expect(explainCrash(Object.assign(new Error('x'), { code: 'ERR_MODULE_NOT_FOUND' })).fix).toMatch(/npm ci/);
    expect(explainCrash(Object.assign(new Error('x'), { code: 'ENOENT', path: '/nowhere/at/all' })).what).toBe('Le chemin `/nowhere/at/all` est introuvable.');
  });
});
