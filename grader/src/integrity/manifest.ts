import { createHash } from 'node:crypto';
import { lstat, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GRADER_ROOT, MANIFEST_REL, listCheckedFiles } from './files.ts';
import { derivedContent, isDerived } from './shipped.ts';

export const MANIFEST_SCHEMA = 'docker-lab-manifest/v1';

/** sha256 of each grader-owned file of the student template, by repository-relative path. */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  files: Record<string, string>;
}

/** A grader-owned file larger than this is not hashed: no shipped file comes close, so it differs. */
export const MAX_HASHED_BYTES = 32 * 1024 * 1024;

/**
 * The fingerprint of one path: sha256 of a regular file's bytes; a symlink (never followed) or
 * an oversized or unreadable file gets a fingerprint no shipped file can have.
 */
export async function fingerprint(abs: string): Promise<string | null> {
  let info;
  try {
    info = await lstat(abs);
  } catch {
    return null;
  }
  if (info.isSymbolicLink()) return `symlink:${await readlink(abs).catch(() => '?')}`;
  if (!info.isFile()) return 'not-a-file';
  if (info.size > MAX_HASHED_BYTES) return `too-large:${info.size}`;
  try {
    return createHash('sha256').update(await readFile(abs)).digest('hex');
  } catch {
    return 'unreadable';
  }
}

/** Hashes the checked grader-owned files found in `root`. */
export async function hashTree(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const rel of await listCheckedFiles(root)) files[rel] = (await fingerprint(join(root, rel))) ?? 'missing';
  return files;
}

/**
 * Hashes the checked grader-owned files as the student template ships them (`shipped.ts`: its
 * package.json and package-lock.json are derived from `root`'s): what a student repository made
 * from `root` is compared with. Same as hashTree for an exported template.
 */
export async function hashShippedTree(root: string): Promise<Record<string, string>> {
  const files = await hashTree(root);
  for (const rel of Object.keys(files)) {
    if (!isDerived(rel)) continue;
    const content = await derivedContent(root, rel);
    if (content !== null) files[rel] = createHash('sha256').update(content).digest('hex');
  }
  return files;
}

/** The manifest of `root`'s own files, as they are (`npm run manifest`). */
export async function buildManifest(root = GRADER_ROOT): Promise<Manifest> {
  return { schema: MANIFEST_SCHEMA, files: await hashTree(root) };
}

/** The manifest a student repository made from `root` is checked against (see hashShippedTree). */
export async function buildShippedManifest(root = GRADER_ROOT): Promise<Manifest> {
  return { schema: MANIFEST_SCHEMA, files: await hashShippedTree(root) };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export async function writeManifest(root = GRADER_ROOT): Promise<Manifest> {
  const manifest = await buildManifest(root);
  await writeFile(join(root, MANIFEST_REL), serializeManifest(manifest));
  return manifest;
}

/** The committed manifest of `root`, or null when it is missing or not a manifest. */
export async function readManifest(root = GRADER_ROOT): Promise<Manifest | null> {
  return readManifestFile(join(root, MANIFEST_REL));
}

/** The manifest in the file `path`, or null when it is missing or not a manifest. */
export async function readManifestFile(path: string): Promise<Manifest | null> {
  try {
    const doc = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
    if (doc.schema !== MANIFEST_SCHEMA || !doc.files || typeof doc.files !== 'object') return null;
    for (const value of Object.values(doc.files)) if (typeof value !== 'string') return null;
    return doc as Manifest;
  } catch {
    return null;
  }
}

/** Paths whose fingerprint differs between two manifests (added, removed or changed). */
export function manifestDrift(committed: Record<string, string>, fresh: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(committed), ...Object.keys(fresh)]);
  return [...paths].filter((p) => committed[p] !== fresh[p]).sort();
}
