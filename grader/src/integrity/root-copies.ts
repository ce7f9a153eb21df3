import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUBRIC_FILE } from '../rubric/views.ts';
import { STUDENT_SKELETON, walk } from './files.ts';

// The repository's root is the student template of one lab, the root lab: its statement
// (README.md), report template, starter files, Compose file, captures folder and rubric are copies
// of that lab's folder. Which root file is a copy of which file of the folder: `npm run
// rubric:sync` writes the copies, the template export checks them.

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

/** The root copies whose bytes differ from their source's (or whose source is missing), as `path (source)`. */
export async function differingRootCopies(root: string, labId: string): Promise<string[]> {
  const differing: string[] = [];
  for (const copy of await rootCopies(root, labId)) {
    const [ours, theirs] = await Promise.all([readIfPresent(join(root, copy.path)), readIfPresent(join(root, copy.source))]);
    if (ours !== undefined && (theirs === undefined || !ours.equals(theirs))) differing.push(`${copy.path} (${copy.source})`);
  }
  return differing;
}

/** A file's bytes, or undefined when it does not exist. */
export async function readIfPresent(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
