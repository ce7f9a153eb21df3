import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isStudentOwned } from '../submission/paths.ts';

export { GRADER_ROOT } from '../location.ts';

/** Where the hashes of the grader-owned template files are committed (`npm run manifest`). */
export const MANIFEST_REL = 'grader/manifest.json';

/**
 * What the student template contains, besides the student-owned skeleton (`submission/paths.ts`). Folders are
 * taken whole, minus `EXCLUDED`; single files as they are. `classroom50/` is not among them: its
 * autograder.py serves instructors, in the bundle `npm run export:classroom50` writes.
 */
export const GRADER_OWNED_FOLDERS = ['.github', 'grader', 'labs', 'tests', 'hermetic'] as const;
export const GRADER_OWNED_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'] as const;
/**
 * Exported but not hash-checked: they cannot change a score (README.md is documentation that
 * students may annotate, .gitignore only hides files from git), and the manifest cannot list
 * its own hash.
 */
export const UNCHECKED_FILES = ['README.md', '.gitignore', MANIFEST_REL] as const;
/** The student-owned skeleton the template starts from (the repository root's own copies). */
export const STUDENT_SKELETON = ['starter', 'docker-compose.yml', 'REPORT.md', 'captures'] as const;

/**
 * The files Classroom 50 adds to every student repository in its accept commit: the workflow that
 * calls its grading runner and the repository's assignment metadata (read from the platform's
 * runner, `ACCEPT_COMMIT_PATHS`). They are the platform's, not the student's: never tampering.
 */
export const PLATFORM_FILES = ['.github/workflows/autograde.yaml', '.classroom50.yaml'] as const;

/** Tool droppings never shipped nor checked, wherever they are. */
const JUNK = new Set(['node_modules', '__pycache__', '.DS_Store', '.pytest_cache']);

/** The one name of a grader test helper module (next to the tests it serves); it never ships. */
export const TEST_HELPER_FILE = 'testing.ts';

/** A grader unit test or test helper: they reveal expected verdicts and correct answers. */
export function isGraderTestFile(rel: string): boolean {
  if (!rel.startsWith('grader/') && !rel.startsWith('labs/')) return false;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return base.endsWith('.test.ts') || base === TEST_HELPER_FILE;
}

/**
 * Paths under the grader-owned folders that never ship: the grader's unit tests and their helpers,
 * tool droppings, and the instructors' regrade workflow.
 */
export function isExcluded(rel: string): boolean {
  if (rel === '.github/workflows/regrade-class.yml') return true;
  // Of a lab folder only its data modules ship: its reference solution and mutants are the
  // instructors' self-test material, and its student files, README and rubric go to the root of
  // its own template (export/template.ts).
  if (rel.startsWith('labs/') && (!rel.endsWith('.ts') || /^labs\/[^/]+\/(?:reference\/|mutants\.ts$)/.test(rel))) return true;
  if (rel.split('/').some((part) => JUNK.has(part))) return true;
  return isGraderTestFile(rel);
}

/** True for a path whose content the manifest pins (grader-owned, shipped, checked). */
export function isChecked(rel: string): boolean {
  if ((UNCHECKED_FILES as readonly string[]).includes(rel) || (PLATFORM_FILES as readonly string[]).includes(rel)) return false;
  if (isStudentOwned(rel) || isExcluded(rel)) return false;
  if ((GRADER_OWNED_FILES as readonly string[]).includes(rel)) return true;
  return GRADER_OWNED_FOLDERS.some((folder) => rel.startsWith(`${folder}/`));
}

/** Upper bound on the entries walked under one submission's grader-owned folders. */
export const MAX_WALK_ENTRIES = 20_000;

export class WalkLimitError extends Error {}

/**
 * Repository-relative paths (POSIX) of the files and symlinks under `root/folder`, sorted; symlinks
 * are listed, never followed; other special files are skipped. Missing folder → [].
 */
export async function walk(root: string, folder: string, limit = MAX_WALK_ENTRIES): Promise<string[]> {
  const start = join(root, folder);
  try {
    const info = await lstat(start);
    if (info.isSymbolicLink() || info.isFile()) return [folder];
    if (!info.isDirectory()) return [];
  } catch {
    return [];
  }
  const out: string[] = [];
  const pending = [start];
  let seen = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > limit) throw new WalkLimitError(`more than ${limit} entries under ${folder}/`);
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!JUNK.has(entry.name)) pending.push(abs);
      } else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
    }
  }
  return out.sort();
}

/** The grader-owned, checked files present in `root` (under the grader-owned folders and files). */
export async function listCheckedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of [...GRADER_OWNED_FOLDERS, ...GRADER_OWNED_FILES]) found.push(...(await walk(root, entry)));
  return found.filter(isChecked).sort();
}
