// Test helpers for the grader's own tests (never shipped to students): real submission folders
// written in a temporary directory from the reference solution or the student template, with
// files replaced, deleted or symlinked. selftest/ re-uses them; the grader never imports selftest/.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GRADER_ROOT } from '../location.ts';
import { STUDENT_OWNED } from './paths.ts';

/** The instructor's reference solution: a complete submission expected to score every criterion. */
export const REFERENCE_DIR = join(GRADER_ROOT, 'labs', 'csc8613-tp1', 'reference');

/** The untouched student template at the repository root (student-owned paths only). */
export const TEMPLATE_DIR = GRADER_ROOT;

/**
 * Changes applied on top of a base submission: a path maps to new content (string or bytes),
 * `null` to delete it, or `{ symlink: target }` to replace it by a symbolic link.
 */
export type Overlay = Record<string, string | Buffer | null | { symlink: string }>;

const STUDENT_PATHS = STUDENT_OWNED.map((owned) => owned.replace(/\/$/, ''));

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
