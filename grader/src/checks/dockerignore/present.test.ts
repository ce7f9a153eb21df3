import { describe, expect, it } from 'vitest';
import { runOn, runOnFolder } from '../testing.ts';
import { criterion as check } from './present.ts';

const FILE = 'starter/.dockerignore';
const on = (text: string) => runOn(check, { [FILE]: text });

describe('dockerignore.present', () => {
  it.each([
    ['directory names', '__pycache__/\n.venv/\n.git\n'],
    ['** patterns', '**/__pycache__\n**/.venv\n.git\n'],
    ['**/*.pyc and venv', '**/*.pyc\nvenv\n.git/\n'],
    ['env as virtualenv', '__pycache__\nenv/\n/.git\n'],
    ['a whitelist', '*\n!app.py\n!requirements.txt\n'],
    ['CRLF and comments', '# caches\r\n__pycache__/\r\n.venv/\r\n.git\r\n'],
  ])('accepts %s', async (_name, text) => {
    expect((await on(text)).status).toBe('pass');
  });

  it('fails a missing file and says to create it', async () => {
    const finding = await runOn(check, {});
    expect(finding).toMatchObject({ status: 'fail', file: FILE });
    expect(finding.message).toMatch(/Créez-le/);
  });

  it('fails a file with only comments', async () => {
    const finding = await on('# __pycache__/\n# .venv/\n# .git\n');
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/aucun motif/);
  });

  it.each([
    ['caches', '.venv/\n.git\n', /caches Python/],
    ['caches with only *.pyc', '*.pyc\n.venv/\n.git\n', /« \*\.pyc » ne vise que la racine/],
    ['virtualenv', '__pycache__/\n.git\n', /environnement virtuel/],
    ['.git', '__pycache__/\n.venv/\n', /dépôt Git/],
  ])('says which one is missing: %s', async (_name, text, message) => {
    const finding = await on(text);
    expect(finding).toMatchObject({ status: 'fail', file: FILE });
    expect(finding.message).toMatch(message);
  });

  it('names all the missing ones', async () => {
    const finding = await on('node_modules\n');
    expect(finding.message).toMatch(/caches Python.*environnement virtuel.*dépôt Git/);
  });

  it('points at the ! line that brings a path back', async () => {
    const finding = await on('__pycache__/\n.venv/\n.git\n!.git\n');
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
  });

  it('fails binary content with a message', async () => {
    const finding = await runOn(check, { [FILE]: Buffer.from([0, 1, 2]) });
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/binaires/);
  });

  it('grades real folders: the reference passes, a file without .git fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    expect((await runOnFolder(check, { [FILE]: '__pycache__/\n.venv/\n' })).status).toBe('fail');
    expect((await runOnFolder(check, { [FILE]: null })).status).toBe('fail');
  });
});
