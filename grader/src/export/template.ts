import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GRADER_ROOT, MANIFEST_REL, STUDENT_SKELETON, UNCHECKED_FILES, isExcluded, listCheckedFiles, walk } from '../integrity/files.ts';
import { buildManifest, serializeManifest } from '../integrity/manifest.ts';
import { derivedContent, isDerived } from '../integrity/shipped.ts';
import { STUDENT_README, studentReadme } from './readme.ts';

/**
 * The files of the student template, repository-relative and sorted: the student-owned skeleton
 * (the root's own starter/, docker-compose.yml, REPORT.md, captures/), the grader-owned files the
 * manifest pins, README.md and .gitignore. The manifest itself is written fresh by the export.
 * Nothing else: no selftest/ (reference solution, mutant corpus), bench/, .ci/, grader unit tests.
 */
export async function templateFiles(root = GRADER_ROOT): Promise<string[]> {
  const files = new Set<string>();
  for (const entry of STUDENT_SKELETON) for (const rel of await walk(root, entry)) if (!isExcluded(rel)) files.add(rel);
  for (const rel of await listCheckedFiles(root)) files.add(rel);
  for (const rel of UNCHECKED_FILES) {
    if (rel === MANIFEST_REL) continue;
    if ((await walk(root, rel)).length > 0) files.add(rel);
  }
  return [...files].sort();
}

export class ExportError extends Error {}

/**
 * Writes the student template into `dest` (created; must be empty if it exists), with a
 * grader/manifest.json computed from the files written. Symlinks are copied as symlinks, file
 * modes (the executable bit of scripts) are kept. Returns the paths written.
 */
export async function exportTemplate(dest: string, root = GRADER_ROOT): Promise<string[]> {
  const existing = await readdir(dest).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0) throw new ExportError(`${dest} is not empty`);
  const files = await templateFiles(root);
  for (const rel of files) {
    const from = join(root, rel);
    const to = join(dest, rel);
    await mkdir(dirname(to), { recursive: true });
    const info = await lstat(from);
    if (info.isSymbolicLink()) await symlink(await readlink(from), to);
    else if (!(await writeStudentVersion(root, rel, to))) {
      await copyFile(from, to);
      await chmod(to, info.mode & 0o777);
    }
  }
  await mkdir(dirname(join(dest, MANIFEST_REL)), { recursive: true });
  await writeFile(join(dest, MANIFEST_REL), serializeManifest(await buildManifest(dest)));
  return [...files, MANIFEST_REL].sort();
}

/**
 * Writes the student's version of a file whose template copy differs from the maintainers' one
 * (package.json and package-lock.json: `integrity/shipped.ts`; README.md: `readme.ts`); false for
 * any other file, copied as it is.
 */
async function writeStudentVersion(root: string, rel: string, to: string): Promise<boolean> {
  let content: string | null = null;
  if (isDerived(rel)) content = await derivedContent(root, rel);
  else if (rel === STUDENT_README) content = studentReadme(await readFile(join(root, rel), 'utf8'));
  if (content === null) return false;
  await writeFile(to, content);
  return true;
}
