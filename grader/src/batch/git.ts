import { execa } from 'execa';
import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface GitInfo {
  commit: string;
  committedAt: string;
}

/**
 * The last commit of the repository `dir` (sha and ISO committer date), or undefined when `dir`
 * is not itself a git repository (no `.git` of its own: a parent repository is never consulted)
 * or git cannot tell. Hooks and fsmonitor are disabled; bounded in time.
 */
export async function gitInfo(dir: string): Promise<GitInfo | undefined> {
  const abs = resolve(dir);
  try {
    await lstat(join(abs, '.git'));
  } catch {
    return undefined;
  }
  try {
    const { stdout } = await execa(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', `safe.directory=${abs}`, '--no-pager', '-C', abs, 'log', '-1', '--format=%H%x09%cI'],
      { stdin: 'ignore', timeout: 15_000, env: { GIT_CEILING_DIRECTORIES: dirname(abs), GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
    );
    const [commit, committedAt] = stdout.trim().split('\t');
    if (!commit || !/^[0-9a-f]{40,64}$/.test(commit) || !committedAt) return undefined;
    return { commit, committedAt };
  } catch {
    return undefined;
  }
}
