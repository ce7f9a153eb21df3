// The grader prebuilt as JavaScript (esbuild, `npm run build`; the student template ships one), and
// the check that it is the build of the sources beside it. Plain JavaScript on purpose: it runs
// before any TypeScript is loaded, so that a fresh prebuilt saves the type stripping of every file.
//
// A prebuilt folder holds `cli.mjs` (the command line), its chunks and `fingerprint`: the
// fingerprint of the sources it was built from. It is used only when that fingerprint is the one
// of the sources now (grader/src without its unit tests, and the runtime packages package-lock.json pins): an edited source,
// a stale or a missing build all fall back to the TypeScript sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

/**
 * The grader's sources, sorted. Read synchronously on purpose, here and below: before anything else
 * runs, a few hundred small files are read several times faster without the thread pool's round
 * trips (about 35 ms in all against 75 ms on the 2-core CI machine).
 */
function sourceFiles(root) {
  const out = [];
  // The labs' data modules are sources too; their reference solutions and mutants never ship.
  const pending = [join(root, 'grader/src'), join(root, 'labs')];
  while (pending.length > 0) {
    const dir = pending.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (/^labs\/[^/]+\/(?:reference|mutants\.ts$)/.test(rel)) continue;
      if (entry.isDirectory()) pending.push(abs);
      else if (entry.isFile() && !isTestFile(entry.name) && (!rel.startsWith('labs/') || rel.endsWith('.ts'))) out.push(rel);
    }
  }
  return out.sort();
}

/**
 * The packages a build can bundle, as package-lock.json pins them: those reached from package.json's
 * `dependencies` (and their own dependencies and optional dependencies, resolved the way Node
 * resolves them in node_modules), with their version and integrity. The student template's lockfile
 * holds only these (grader/src/integrity/lockfile.ts); the repository's holds the maintainers' tools
 * too: both give the same list.
 */
function runtimePackages(root) {
  let lock;
  try {
    lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  } catch {
    return '';
  }
  const packages = lock.packages ?? {};
  const resolve = (from, name) => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (base === '') return undefined;
    }
  };
  const reached = new Set();
  const pending = [''];
  while (pending.length > 0) {
    const at = pending.pop();
    const entry = packages[at] ?? {};
    const names = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies });
    for (const name of names) {
      const found = resolve(at, name);
      if (found && !reached.has(found)) {
        reached.add(found);
        pending.push(found);
      }
    }
  }
  return [...reached]
    .sort()
    .map((key) => `${key}@${packages[key].version ?? ''}#${packages[key].integrity ?? ''}`)
    .join('\n');
}

/** sha256 over the grader's sources (paths and contents) and the runtime packages package-lock.json pins. */
export async function sourceFingerprint(root = ROOT) {
  const hash = createHash('sha256');
  for (const rel of sourceFiles(root)) {
    let bytes;
    try {
      bytes = readFileSync(join(root, rel));
    } catch {
      bytes = Buffer.alloc(0);
    }
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  const locked = Buffer.from(runtimePackages(root));
  hash.update(`package-lock.json\0${locked.length}\0`).update(locked);
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
