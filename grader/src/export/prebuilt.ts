import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRADER_ROOT } from '../location.ts';
import { fingerprint, writeManifest } from '../integrity/manifest.ts';
import { FINGERPRINT_FILE, PREBUILT_DIRS, PREBUILT_ENTRY, sourceFingerprint } from '../../prebuilt.mjs';
import { BUNDLE_NODE_MAJOR, COMMONJS_SHIM, OPTIONAL_NATIVE } from './bundle-options.ts';
import { ExportError } from './template.ts';

/** Where the student template ships its prebuilt (grader-owned: its manifest pins it). */
export const TEMPLATE_PREBUILT_DIR = PREBUILT_DIRS[0]!;
/** Where `npm run build` writes the repository's own prebuilt (git-ignored). */
export const LOCAL_PREBUILT_DIR = PREBUILT_DIRS[1]!;

/**
 * Builds the grader's CLI from `root`'s sources into `outDir` (emptied first): ES modules split at
 * the CLI's dynamic imports, so a static-only run still loads none of the Docker side; plus the
 * fingerprint of the sources (grader/prebuilt.mjs) that says which sources it is the build of.
 * `outDir` sits two levels under the root, like grader/src/, so the grader finds its own files
 * (location.ts) the same way from either.
 */
export async function buildPrebuilt(outDir: string, root = GRADER_ROOT): Promise<string[]> {
  // Loaded here, not at the top: bundles that reach this module (the CLI's batch mode) keep
  // esbuild out of their start-up, and a bundle without it only fails if it builds.
  const { build } = await import('esbuild');
  const fingerprint = await sourceFingerprint(root);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: { [PREBUILT_ENTRY.replace(/\.mjs$/, '')]: join(root, 'grader/src/cli.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: `node${BUNDLE_NODE_MAJOR}`,
    // esbuild itself (only the batch reaches it, from the repository) is never bundled.
    external: [...OPTIONAL_NATIVE, 'esbuild'],
    // Paths in the output (esbuild's `// path` comments) are the root's: the same build anywhere.
    absWorkingDir: root,
    banner: { js: COMMONJS_SHIM },
    legalComments: 'eof',
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new ExportError(`esbuild: ${result.errors.map((e) => e.text).join('; ')}`);
  await writeFile(join(outDir, FINGERPRINT_FILE), `${fingerprint}\n`);
  return (await readdir(outDir)).sort();
}

/**
 * Adds the prebuilt grader to an exported student template (`dest`, from exportTemplate) and
 * rewrites its manifest so that it pins the prebuilt too. The template installs with
 * `npm ci --omit=dev`, without esbuild: it runs this build, made here from `root`'s sources,
 * whose fingerprint must be that of the sources the template ships.
 */
export async function addTemplatePrebuilt(dest: string, root = GRADER_ROOT): Promise<string[]> {
  const files = await buildPrebuilt(join(dest, TEMPLATE_PREBUILT_DIR), root);
  if ((await sourceFingerprint(dest)) !== (await sourceFingerprint(root))) throw new ExportError('the exported grader sources differ from the ones built');
  await writeManifest(dest);
  return files.map((name) => `${TEMPLATE_PREBUILT_DIR}/${name}`);
}

/**
 * The sha256 of each file of the prebuilt an exported template ships, by repository path, as a
 * build of `root`'s sources gives them (the build is reproducible: same sources, same lock, same
 * bytes). The batch compares student repositories' copies with these.
 */
export async function templatePrebuiltHashes(root = GRADER_ROOT): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-lab-prebuilt-'));
  try {
    const hashes: Record<string, string> = {};
    for (const name of await buildPrebuilt(dir, root)) hashes[`${TEMPLATE_PREBUILT_DIR}/${name}`] = (await fingerprint(join(dir, name))) ?? 'missing';
    return hashes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
