import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LockfileError, productionLockfile, type Lockfile } from './lockfile.ts';

/**
 * The student template's package.json and package-lock.json are not the maintainers' own: a
 * student repository keeps only the scripts that work there and the runtime dependencies, so that
 * `npm ci --omit=dev` (the workflow's install) and `npm run` hold nothing of the maintainers'. The
 * export writes these derived files, and the manifests students are checked against (the Classroom
 * 50 bundle's, the class regrade's pristine one) pin them.
 */

/** The scripts a student repository keeps (each runs with the files the template ships). */
export const STUDENT_SCRIPTS = ['test', 'test:static', 'grade'] as const;

/** The package.json keys a student repository keeps, in this order. */
const STUDENT_KEYS = ['name', 'version', 'private', 'description', 'type', 'engines', 'scripts', 'dependencies', 'optionalDependencies'] as const;

export class ShippedFileError extends Error {}

type PackageJson = Record<string, unknown> & { scripts?: Record<string, string>; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

function parsePackage(text: string): PackageJson {
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc as PackageJson;
  } catch {
    // reported below
  }
  throw new ShippedFileError('package.json is not a JSON object');
}

/** The template's package.json from the maintainers' one (idempotent). */
export function studentPackageJson(text: string): string {
  const pkg = parsePackage(text);
  const out: Record<string, unknown> = {};
  for (const key of STUDENT_KEYS) {
    if (key === 'scripts') {
      const scripts = Object.fromEntries(STUDENT_SCRIPTS.filter((name) => pkg.scripts?.[name] !== undefined).map((name) => [name, pkg.scripts![name]!]));
      const missing = STUDENT_SCRIPTS.filter((name) => !(name in scripts));
      if (missing.length > 0) throw new ShippedFileError(`package.json lacks the student scripts ${missing.join(', ')}`);
      out.scripts = scripts;
    } else if (pkg[key] !== undefined) out[key] = pkg[key];
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The template's package-lock.json: the maintainers' one for the template's package.json (idempotent). */
export function studentLockfile(lockText: string, packageText: string): string {
  const pkg = JSON.parse(studentPackageJson(packageText)) as PackageJson;
  let lock: Lockfile;
  try {
    lock = JSON.parse(lockText) as Lockfile;
  } catch {
    throw new ShippedFileError('package-lock.json is not JSON');
  }
  try {
    return `${JSON.stringify(productionLockfile(lock, pkg), null, 2)}\n`;
  } catch (error) {
    if (error instanceof LockfileError) throw new ShippedFileError(error.message);
    throw error;
  }
}

/** Repository-relative paths whose shipped bytes are derived from the repository's own file. */
export const DERIVED_FILES = ['package.json', 'package-lock.json'] as const;

export function isDerived(rel: string): boolean {
  return (DERIVED_FILES as readonly string[]).includes(rel);
}

/**
 * The bytes the template ships at `rel` (one of DERIVED_FILES), derived from `root`'s files, or
 * null when `root`'s file is not a regular file (it is then shipped and fingerprinted as it is).
 */
export async function derivedContent(root: string, rel: string): Promise<string | null> {
  const info = await lstat(join(root, rel)).catch(() => null);
  if (!info?.isFile()) return null;
  const packageText = await readFile(join(root, 'package.json'), 'utf8');
  if (rel === 'package.json') return studentPackageJson(packageText);
  if (rel === 'package-lock.json') return studentLockfile(await readFile(join(root, rel), 'utf8'), packageText);
  throw new ShippedFileError(`${rel} is not derived`);
}
