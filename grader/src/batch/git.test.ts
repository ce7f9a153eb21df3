import { execa } from 'execa';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { gitInfo } from './git.ts';

test('commit sha and date of a repository; nothing for a plain folder, even inside a repository', async () => {
  const root = await mkdtemp(join(tmpdir(), 'git-'));
  try {
    const env = { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b', GIT_COMMITTER_DATE: '2026-10-01T12:00:00+02:00', GIT_AUTHOR_DATE: '2026-10-01T12:00:00+02:00' };
    await execa('git', ['init', '-q'], { cwd: root, env });
    await writeFile(join(root, 'f'), 'x');
    await execa('git', ['add', 'f'], { cwd: root, env });
    await execa('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'm'], { cwd: root, env });
    const info = await gitInfo(root);
    expect(info?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(info?.committedAt).toBe('2026-10-01T12:00:00+02:00');
    await mkdir(join(root, 'plain'));
    expect(await gitInfo(join(root, 'plain'))).toBeUndefined();
    await mkdir(join(root, 'empty-repo'));
    await execa('git', ['init', '-q'], { cwd: join(root, 'empty-repo') });
    expect(await gitInfo(join(root, 'empty-repo'))).toBeUndefined();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
