// The grader prebuilt as JavaScript (esbuild, `npm run build`; the student template ships one), and
// the check that it is the build of the sources beside it. Plain JavaScript on purpose: it runs
// before any TypeScript is loaded, so that a fresh prebuilt saves the type stripping of every file.
//
// A prebuilt folder holds `cli.mjs` (the command line), its chunks and `fingerprint`: the
// fingerprint of the sources it was built from. It is used only when that fingerprint is the one
// of the sources now (grader/src without its unit tests, and package-lock.json): an edited source,
// a stale or a missing build all fall back to the TypeScript sources.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or template) root this file belongs to. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where a prebuilt may be, repository-relative, first found first: the one the student template
 * ships (pinned by its manifest), then the local build of `npm run build` (git-ignored).
 */
export const PREBUILT_DIRS = ['grader/prebuilt', '.grade/prebuilt'];
export const PREBUILT_ENTRY = 'cli.mjs';
export const FINGERPRINT_FILE = 'fingerprint';

/** A grader unit test or test helper: never bundled, never shipped, so not fingerprinted. */
const isTestFile = (name) => name.endsWith('.test.ts') || name === 'testing.ts';

async function sourceFiles(root) {
  const out = [];
  const pending = [join(root, 'grader/src')];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(abs);
      else if (entry.isFile() && !isTestFile(entry.name)) out.push(relative(root, abs).split(sep).join('/'));
    }
  }
  return out.sort();
}

/** sha256 over the grader's sources (paths and contents) and package-lock.json. */
export async function sourceFingerprint(root = ROOT) {
  const hash = createHash('sha256');
  for (const rel of [...(await sourceFiles(root)), 'package-lock.json']) {
    const bytes = await readFile(join(root, rel)).catch(() => Buffer.alloc(0));
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The absolute path of a prebuilt folder built from the sources as they are now, if any. */
export async function freshPrebuilt(root = ROOT) {
  let wanted;
  for (const rel of PREBUILT_DIRS) {
    const dir = join(root, rel);
    const recorded = await readFile(join(dir, FINGERPRINT_FILE), 'utf8').catch(() => undefined);
    if (recorded === undefined) continue;
    wanted ??= await sourceFingerprint(root);
    if (recorded.trim() === wanted) return dir;
  }
  return undefined;
}
