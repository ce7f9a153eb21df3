import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDENT_SKELETON, walk } from '../integrity/files.ts';
import { RUBRIC_FILE, SyncError } from '../rubric/views.ts';

// The repository's root is the student template of one lab, the root lab: its statement
// (README.md), report template, starter files, Compose file, captures folder and rubric are copies
// of that lab's folder, written by `npm run rubric:sync`. Maintainers edit `labs/<id>/`; the root's
// copies are never edited by hand (sync refuses to overwrite one that was).

/** The lab whose student template is the repository's root. */
export const ROOT_LAB = 'csc8613-tp1';

/** A root file and the file of the lab's folder it is a copy of, both repository-relative. */
export interface RootCopy {
  path: string;
  source: string;
}

/** Where a root file of the template comes from in the lab's folder (the rubric has its own name there). */
export function sourceInLab(labId: string, rootPath: string): string {
  return `labs/${labId}/${rootPath === RUBRIC_FILE ? 'rubric.yml' : rootPath}`;
}

/**
 * Every root file that is a copy of the lab's folder: its README.md, its rubric, and each file of its
 * student skeleton (starter/, docker-compose.yml, REPORT.md, captures/) in the folder or at the root.
 * A root skeleton file the folder lacks is listed with the source it should have come from.
 */
export async function rootCopies(root: string, labId: string): Promise<RootCopy[]> {
  const paths = new Set<string>(['README.md', RUBRIC_FILE]);
  const home = `labs/${labId}/`;
  for (const entry of STUDENT_SKELETON) {
    for (const rel of await walk(root, `${home}${entry}`)) paths.add(rel.slice(home.length));
    for (const rel of await walk(root, entry)) paths.add(rel);
  }
  return [...paths].sort().map((path) => ({ path, source: sourceInLab(labId, path) }));
}

/**
 * Refuses to overwrite a root copy that holds work of its own: a root file the lab's folder lacks,
 * or one that differs from its source as committed and was changed after it (an edit made at the
 * root instead of in the lab's folder, which the copy would silently undo). A copy equal to its
 * source is only waiting for the source's generated parts, and is rewritten.
 */
export async function assertRootCopiesUnedited(root: string, stale: readonly RootCopy[]): Promise<void> {
  const problems: string[] = [];
  for (const copy of stale) {
    const source = await readOptional(join(root, copy.source));
    if (source === undefined) {
      problems.push(`${copy.path} is not in labs/${copy.source.split('/')[1]}/: the root is a copy of that folder; move the file to ${copy.source} (or delete it)`);
      continue;
    }
    const own = await readOptional(join(root, copy.path));
    if (own === undefined || own.equals(source)) continue;
    if ((await stat(join(root, copy.path))).mtimeMs > (await stat(join(root, copy.source))).mtimeMs) {
      problems.push(`${copy.path} was edited after ${copy.source}, of which it is a copy: make the change in ${copy.source}, then run npm run rubric:sync again`);
    }
  }
  if (problems.length > 0) throw new SyncError(problems.join('\n'));
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * What a root copy should hold, and the copy as it is, both as text: its source's generated text
 * (UTF-8), else the source's bytes as committed, read as Latin-1 so that any file (an image in
 * captures/ too) round-trips byte for byte.
 */
export async function copyState(root: string, copy: RootCopy, generated: ReadonlyMap<string, string>): Promise<{ current: string | undefined; expected: string | undefined; encoding: BufferEncoding }> {
  const text = generated.get(copy.source);
  const encoding: BufferEncoding = text === undefined ? 'latin1' : 'utf8';
  const expected = text ?? (await readOptional(join(root, copy.source)))?.toString(encoding);
  return { current: (await readOptional(join(root, copy.path)))?.toString(encoding), expected, encoding };
}
