import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GRADER_ROOT, MANIFEST_REL, WalkLimitError, listCheckedFiles } from './files.ts';
import { MANIFEST_PATH } from '../location.ts';
import { fingerprint, readManifestFile } from './manifest.ts';

export type TamperKind = 'modified' | 'missing' | 'added';
export interface TamperEntry {
  path: string;
  kind: TamperKind;
}

/**
 * Compares the grader-owned files of `dir` with `expected` (path → fingerprint): files that
 * differ, are missing, or were added under a grader-owned folder. Sorted by path.
 */
export async function diffGraderFiles(expected: Record<string, string>, dir: string): Promise<TamperEntry[]> {
  const entries: TamperEntry[] = [];
  let present: string[];
  try {
    present = await listCheckedFiles(dir);
  } catch (error) {
    if (!(error instanceof WalkLimitError)) throw error;
    // Tens of thousands of files in grader-owned folders: tampering, whatever they contain.
    return [{ path: 'grader/', kind: 'added' }];
  }
  const presentSet = new Set(present);
  for (const [path, hash] of Object.entries(expected)) {
    if (!presentSet.has(path)) entries.push({ path, kind: 'missing' });
    else if ((await fingerprint(join(dir, path))) !== hash) entries.push({ path, kind: 'modified' });
  }
  for (const path of present) if (!(path in expected)) entries.push({ path, kind: 'added' });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Tamper check of a student's repository against the manifest of the grader that runs (its
 * repository's `grader/manifest.json`, or the Classroom 50 bundle's): the grader-owned paths that
 * differ, are missing, or were added. A missing or unreadable manifest is itself reported.
 */
export async function checkTamper(dir: string, manifestPath = MANIFEST_PATH): Promise<string[]> {
  const manifest = await readManifestFile(manifestPath);
  if (!manifest) return [MANIFEST_REL];
  return (await diffGraderFiles(manifest.files, dir)).map((entry) => entry.path);
}

/** True when `dir` is the repository this grader runs from (a student grading their own copy). */
export async function isGraderRoot(dir: string): Promise<boolean> {
  try {
    return (await realpath(resolve(dir))) === (await realpath(GRADER_ROOT));
  } catch {
    return false;
  }
}
