// A copy of the project as it is in this work tree (committed or not, node_modules linked), in a
// git repository of its own with one commit: the probes change it as a maintainer would, and
// `git status` then shows exactly what changed.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export async function copyProject(root: string, prefix: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), prefix));
  const { stdout } = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  for (const rel of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(root, rel))) continue;
    await mkdir(dirname(join(copy, rel)), { recursive: true });
    await cp(join(root, rel), join(copy, rel));
  }
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  const git = (...args: string[]) => execa('git', ['-c', 'user.name=probe', '-c', 'user.email=probe@localhost', ...args], { cwd: copy });
  await git('init', '-q');
  await appendFile(join(copy, '.git/info/exclude'), 'node_modules\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'project as copied');
  return copy;
}
