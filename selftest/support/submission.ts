import { cp, mkdtemp, rm, writeFile, mkdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The instructor's reference solution: a complete submission expected to score every criterion. */
export const REFERENCE_DIR = fileURLToPath(new URL('../reference', import.meta.url));

/** The untouched student template at the repository root (student-owned paths only). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Changes applied on top of a base submission: a path maps to new content (string or bytes),
 * `null` to delete it, or `{ symlink: target }` to replace it by a symbolic link.
 */
export type Overlay = Record<string, string | Buffer | null | { symlink: string }>;

const STUDENT_PATHS = ['starter', 'docker-compose.yml', 'REPORT.md', 'captures'];

/**
 * Writes a real submission folder in a temporary directory: the student-owned paths of `base`
 * (the reference solution by default) with `overlay` applied. Returns its path and a cleanup.
 */
export async function makeSubmission(
  overlay: Overlay = {},
  base: string = REFERENCE_DIR,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-lab-sub-'));
  for (const entry of STUDENT_PATHS) {
    await cp(join(base, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
  }
  await applyOverlay(dir, overlay);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Applies `overlay` to the folder `dir`: writes, deletes or symlinks each path it names. */
export async function applyOverlay(dir: string, overlay: Overlay): Promise<void> {
  for (const [rel, content] of Object.entries(overlay)) {
    const target = join(dir, rel);
    await rm(target, { recursive: true, force: true });
    if (content === null) continue;
    await mkdir(dirname(target), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) await symlink(content.symlink, target);
    else await writeFile(target, content);
  }
}
