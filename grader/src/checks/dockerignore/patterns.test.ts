import { describe, expect, it } from 'vitest';
import { isExcluded, lastMatch, parseDockerignore } from './patterns.ts';

const excluded = (text: string, path: string): boolean => isExcluded(parseDockerignore(text), path);

describe('.dockerignore matching (Docker semantics)', () => {
  it('excludes a directory and everything under it', () => {
    expect(excluded('__pycache__', '__pycache__/app.cpython-313.pyc')).toBe(true);
    expect(excluded('__pycache__/', '__pycache__/app.cpython-313.pyc')).toBe(true);
    expect(excluded('/.git', '.git/HEAD')).toBe(true);
    expect(excluded('./.venv/', '.venv/bin/python')).toBe(true);
  });

  it('anchors patterns at the context root: * never crosses /', () => {
    expect(excluded('*.pyc', 'app.pyc')).toBe(true);
    expect(excluded('*.pyc', '__pycache__/app.cpython-313.pyc')).toBe(false);
    expect(excluded('__pycache__', 'pkg/__pycache__/x.pyc')).toBe(false);
  });

  it('lets ** span any number of directories', () => {
    expect(excluded('**/*.pyc', '__pycache__/app.cpython-313.pyc')).toBe(true);
    expect(excluded('**/__pycache__', '__pycache__/x.pyc')).toBe(true);
    expect(excluded('**/__pycache__', 'a/b/__pycache__/x.pyc')).toBe(true);
    expect(excluded('**', 'anything/at/all')).toBe(true);
  });

  it('supports ? and character classes', () => {
    expect(excluded('*.py[co]', 'x.pyc')).toBe(true);
    expect(excluded('?env', 'venv/bin/python')).toBe(true);
    expect(excluded('?env', 'env/bin/python')).toBe(false);
  });

  it('lets the last matching line win, ! re-including', () => {
    expect(excluded('*\n!app.py\n!requirements.txt', '.git/HEAD')).toBe(true);
    expect(excluded('*\n!app.py', 'app.py')).toBe(false);
    expect(excluded('.git\n!.git/HEAD', '.git/HEAD')).toBe(false);
    expect(excluded('!.git\n.git', '.git/HEAD')).toBe(true);
    expect(lastMatch(parseDockerignore('.git\n\n!.git/HEAD'), '.git/HEAD')?.line).toBe(3);
  });

  it('ignores comments and blank lines, trims spaces', () => {
    expect(parseDockerignore('# .git\n\n   \n  .venv  \n')).toMatchObject([{ line: 4, text: '.venv' }]);
    expect(excluded('# .git', '.git/HEAD')).toBe(false);
    expect(excluded('.git # comment', '.git/HEAD')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(excluded('a+b', 'a+b')).toBe(true);
    expect(excluded('a+b', 'aab')).toBe(false);
    expect(excluded('.venv', 'xvenv')).toBe(false);
  });

  it('matches case-sensitively, as Linux builders do, and reads Windows line endings', () => {
    expect(excluded('.GIT', '.git/HEAD')).toBe(false);
    expect(excluded('.venv\r\n.git\r\n', '.git/HEAD')).toBe(true);
    expect(parseDockerignore('.venv\r\n!app.py\r\n')).toMatchObject([{ line: 1, text: '.venv' }, { line: 2, text: '!app.py', exclusion: true }]);
  });
});
