import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isStudentOwned, normalizeRelative } from './paths.ts';

export type FileRead =
  | { state: 'ok'; path: string; bytes: Buffer }
  | { state: 'missing'; path: string }
  | { state: 'not-a-file'; path: string }
  | { state: 'outside'; path: string; reason: 'not-student-owned' | 'escapes-repository' }
  | { state: 'too-large'; path: string; size: number }
  | { state: 'unreadable'; path: string; reason: string };

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Read-only access to a submission folder that only ever reaches student-owned paths (`paths.ts`):
 * a path that is not student-owned, or a symlink whose target leaves the repository or lands on a
 * grader-owned path, reads as `outside`. Reads are bounded in size.
 */
export class Submission {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  static async open(dir: string): Promise<Submission> {
    return new Submission(await realpath(dir));
  }

  /** Resolves a repository-relative path to an absolute one inside the root, following symlinks. */
  async resolve(rel: string): Promise<{ state: 'ok'; abs: string } | Exclude<FileRead, { state: 'ok' | 'too-large' | 'not-a-file' }>> {
    const clean = normalizeRelative(rel);
    if (clean === null) return { state: 'outside', path: rel, reason: 'escapes-repository' };
    if (!isStudentOwned(clean)) return { state: 'outside', path: clean, reason: 'not-student-owned' };
    const abs = join(this.root, clean);
    try {
      await lstat(abs);
    } catch {
      return { state: 'missing', path: clean };
    }
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      // A dangling symlink: its target does not exist.
      return { state: 'missing', path: clean };
    }
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      return { state: 'outside', path: clean, reason: 'escapes-repository' };
    }
    const inside = relative(this.root, real).split(sep).join('/');
    if (!isStudentOwned(inside)) return { state: 'outside', path: clean, reason: 'not-student-owned' };
    return { state: 'ok', abs: real };
  }

  async read(rel: string, maxBytes = DEFAULT_MAX_BYTES): Promise<FileRead> {
    const resolved = await this.resolve(rel);
    if (resolved.state !== 'ok') return resolved;
    const path = normalizeRelative(rel) ?? rel;
    try {
      const info = await stat(resolved.abs);
      if (!info.isFile()) return { state: 'not-a-file', path };
      if (info.size > maxBytes) return { state: 'too-large', path, size: info.size };
      const handle = await open(resolved.abs, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > maxBytes) return { state: 'too-large', path, size: bytesRead };
        return { state: 'ok', path, bytes: buffer.subarray(0, bytesRead) };
      } finally {
        await handle.close();
      }
    } catch (error) {
      return { state: 'unreadable', path, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  }

  /** Whether a student-owned path exists as a regular file (after following symlinks inside the repository). */
  async isFile(rel: string): Promise<boolean> {
    const resolved = await this.resolve(rel);
    if (resolved.state !== 'ok') return false;
    try {
      return (await stat(resolved.abs)).isFile();
    } catch {
      return false;
    }
  }

  /** Entry names of a student-owned directory; empty when absent or outside. */
  async list(relDir: string): Promise<string[]> {
    const resolved = await this.resolve(relDir);
    if (resolved.state !== 'ok') return [];
    try {
      return (await readdir(resolved.abs)).sort();
    } catch {
      return [];
    }
  }
}
