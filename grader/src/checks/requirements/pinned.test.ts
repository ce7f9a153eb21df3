import { describe, expect, it } from 'vitest';
import { runOn, runOnFolder } from '../testing.ts';
import { criterion as check } from './pinned.ts';
import { parseRequirements } from './source.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';

const FILE = 'starter/requirements.txt';
const on = (text: string) => runOn(check, { [FILE]: text });

describe('requirements.pinned', () => {
  it.each([
    ['plain pins', 'fastapi==0.115.11\nuvicorn==0.32.0\n'],
    ['extras, spaces, comments and blank lines', '# API\nfastapi == 0.115.11  # web\n\nuvicorn[standard]==0.32.0\n'],
    ['environment markers', 'fastapi==0.115.11 ; python_version >= "3.9"\nuvicorn==0.32.0\n'],
    ['option lines', '-r base.txt\n--index-url https://pypi.org/simple\nfastapi==0.115.11\n'],
    ['hashes', 'fastapi==0.115.11 \\\n    --hash=sha256:abc\nuvicorn==0.32.0 --hash=sha256:def\n'],
    ['=== and direct references', 'fastapi===0.115.11\nmylib @ https://example.org/mylib-1.0-py3-none-any.whl\n'],
  ])('accepts %s', async (_name, text) => {
    expect((await on(text)).status).toBe('pass');
  });

  it('lists every unpinned requirement with its line', async () => {
    const finding = await on('fastapi==0.115.11\n# comment\nuvicorn>=0.30\nhttpx\nstarlette==0.46.*\n');
    expect(finding).toMatchObject({ status: 'fail', file: FILE, line: 3 });
    expect(finding.message).toContain('« uvicorn>=0.30 » (ligne 3)');
    expect(finding.message).toContain('« httpx » (ligne 4)');
    expect(finding.message).toContain('« starlette==0.46.* » (ligne 5)');
    expect(finding.message).not.toContain('fastapi==');
  });

  it('does not count a pin written in a comment', async () => {
    expect(await on('fastapi  # ==0.115.11\n')).toMatchObject({ status: 'fail', line: 1 });
  });

  it('fails an empty or missing file', async () => {
    expect((await on('# nothing yet\n')).status).toBe('fail');
    expect((await runOn(check, {})).status).toBe('fail');
  });

  it('parses requirements into name and specifier', () => {
    expect(parseRequirements('uvicorn[standard] ==0.32.0 ; sys_platform != "win32"')).toMatchObject([
      { line: 1, name: 'uvicorn', specifier: '==0.32.0', url: false },
    ]);
  });

  it('grades real folders: the reference passes, an unpinned file fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    expect(await runOnFolder(check, { [FILE]: 'fastapi\nuvicorn==0.32.0\n' })).toMatchObject({ status: 'fail', line: 1 });
  });
});

describe('requirements.pinned, in the words of the lab graded', () => {
  it('names the lab’s own requirements (docker-basics: Flask, gunicorn)', async () => {
    expect((await runOn(check, { [FILE]: '# rien\n' }, BASICS)).message).toBe('starter/requirements.txt ne liste aucune dépendance : ajoutez Flask et gunicorn avec leur version exacte (par exemple Flask==3.1.1).');
    expect((await runOn(check, {}, BASICS)).message).toMatch(/ Listez-y les dépendances de l’application avec leur version exacte \(Flask==…, gunicorn==…\)\.$/);
    expect((await runOn(check, { [FILE]: 'Flask>=3\n' }, BASICS)).message).toContain('casser l’application du jour au lendemain');
  });

  it('asks for exact versions in general when the lab gives no requirements', async () => {
    expect((await runOn(check, { [FILE]: '# rien\n' }, BASIC1)).message).toBe('starter/requirements.txt ne liste aucune dépendance : ajoutez-y chaque dépendance avec sa version exacte (nom==version).');
  });
});
