import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CopyLimitError, copyStudentOwned } from './workspace.ts';

const dirs: string[] = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'workspace-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('copyStudentOwned', () => {
  test('copies only starter/, docker-compose.yml, REPORT.md and captures/; symlinks stay symlinks', async () => {
    const src = await temp();
    const dest = await temp();
    await mkdir(join(src, 'starter/sub'), { recursive: true });
    await mkdir(join(src, 'captures'));
    await mkdir(join(src, 'tests'));
    await mkdir(join(src, '.github/classroom'), { recursive: true });
    await writeFile(join(src, 'starter/Dockerfile'), 'FROM x');
    await writeFile(join(src, 'starter/sub/a.py'), 'a');
    await writeFile(join(src, 'docker-compose.yml'), 'services: {}');
    await writeFile(join(src, 'REPORT.md'), '# r');
    await writeFile(join(src, 'captures/a.png'), 'png');
    await symlink('/etc/passwd', join(src, 'captures/out.png'));
    await symlink('../grader/src/cli.ts', join(src, 'starter/inside'));
    await writeFile(join(src, 'tests/bonus.test.ts'), 'x');
    await writeFile(join(src, 'package.json'), '{}');
    await writeFile(join(src, '.github/classroom/rubric.yml'), 'x');
    const { files } = await copyStudentOwned(src, dest);
    expect(files).toBe(5);
    expect((await readdir(dest)).sort()).toEqual(['REPORT.md', 'captures', 'docker-compose.yml', 'starter']);
    expect(await readFile(join(dest, 'starter/sub/a.py'), 'utf8')).toBe('a');
    expect((await lstat(join(dest, 'captures/out.png'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dest, 'captures/out.png'))).toBe('/etc/passwd');
    expect(await readlink(join(dest, 'starter/inside'))).toBe('../grader/src/cli.ts');
  });

  test('a student-owned path that is itself a symlink is copied as the symlink', async () => {
    const src = await temp();
    const dest = await temp();
    await symlink('/etc', join(src, 'starter'));
    await copyStudentOwned(src, dest);
    expect(await readlink(join(dest, 'starter'))).toBe('/etc');
  });

  test('missing paths are skipped; limits on entries and bytes', async () => {
    const src = await temp();
    await mkdir(join(src, 'starter'));
    for (let i = 0; i < 5; i++) await writeFile(join(src, 'starter', `f${i}`), 'x'.repeat(100));
    expect((await copyStudentOwned(src, await temp())).files).toBe(5);
    await expect(copyStudentOwned(src, await temp(), { maxEntries: 3, maxBytes: 1e9 })).rejects.toBeInstanceOf(CopyLimitError);
    await expect(copyStudentOwned(src, await temp(), { maxEntries: 100, maxBytes: 250 })).rejects.toBeInstanceOf(CopyLimitError);
  });
});
