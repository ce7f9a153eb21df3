import { build } from 'esbuild';
import { execa } from 'execa';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BUNDLE_FILES, GRADER_ROOT } from '../location.ts';
import { buildShippedManifest, serializeManifest } from '../integrity/manifest.ts';
import { ExportError, templateLab } from './template.ts';
import { labTemplateManifest } from './lab-template.ts';
import { BUNDLE_NODE_MAJOR, COMMONJS_SHIM, OPTIONAL_NATIVE } from './bundle-options.ts';

export { BUNDLE_NODE_MAJOR } from './bundle-options.ts';

/**
 * Classroom 50 publishes `CLASSROOM/autograders/ASSIGNMENT/` as `ASSIGNMENT.tar.gz` and its runner
 * refuses a download above 10 MiB (runner.py, `MAX_FETCH_BYTES = 10 * 1024 * 1024`).
 */
export const MAX_BUNDLE_BYTES = 10 * 1024 * 1024;

/** Bundles the grader's CLI and every dependency into one ES module that runs with `node` alone. */
export async function bundleGrader(outfile: string, root = GRADER_ROOT): Promise<void> {
  const result = await build({
    entryPoints: [join(root, 'grader/src/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${BUNDLE_NODE_MAJOR}`,
    define: { DOCKER_LAB_BUNDLED: 'true' },
    // esbuild (the batch's, which the bundle refuses to run) is never bundled.
    external: [...OPTIONAL_NATIVE, 'esbuild'],
    banner: { js: COMMONJS_SHIM },
    legalComments: 'eof',
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new ExportError(`esbuild: ${result.errors.map((e) => e.text).join('; ')}`);
}

export interface BundleExport {
  files: string[];
  /** Size of the folder as Classroom 50 publishes it (`tar -czf`), when `tar` is available. */
  compressedBytes?: number;
}

/**
 * Writes the Classroom 50 bundle into `dest` (created; must be empty if it exists): the folder an
 * instructor commits as `CLASSROOM/autograders/ASSIGNMENT/` in their classroom repository.
 *
 * - `autograder.py`: the entry point Classroom 50's runner calls (cwd = the student's checkout);
 * - `grader.mjs`: the grader and its dependencies as one JavaScript file (no `npm ci`);
 * - `rubric.yml`: the points per criterion (the repository's `.github/classroom/rubric.yml`);
 * - `manifest.json`: the fingerprints of the template's grader-owned files, to report tampering.
 */
export async function exportClassroom50(dest: string, root = GRADER_ROOT, labId?: string): Promise<BundleExport> {
  const lab = await templateLab(root, labId);
  const existing = await readdir(dest).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0) throw new ExportError(`${dest} is not empty`);
  await mkdir(dest, { recursive: true });
  await copyFile(join(root, 'classroom50/autograder.py'), join(dest, BUNDLE_FILES.entry));
  await chmod(join(dest, BUNDLE_FILES.entry), 0o755);
  await writeFile(join(dest, BUNDLE_FILES.rubric), lab.rubricText ?? (await readFile(join(root, '.github/classroom/rubric.yml'), 'utf8')));
  await writeFile(join(dest, BUNDLE_FILES.manifest), serializeManifest(lab.root ? await buildShippedManifest(root) : await labTemplateManifest(lab.id, root)));
  await bundleGrader(join(dest, BUNDLE_FILES.grader), root);
  const compressedBytes = await publishedSize(dest);
  if (compressedBytes !== undefined && compressedBytes > MAX_BUNDLE_BYTES) {
    throw new ExportError(`the bundle is ${compressedBytes} bytes compressed, above Classroom 50's ${MAX_BUNDLE_BYTES}`);
  }
  return { files: Object.values(BUNDLE_FILES).sort(), compressedBytes };
}

/** Size of `tar -czf NAME.tar.gz -C PARENT NAME`, the way Classroom 50's publish-pages.yaml packs it. */
export async function publishedSize(dir: string): Promise<number | undefined> {
  const tmp = await mkdtemp(join(tmpdir(), 'docker-lab-bundle-'));
  try {
    const archive = join(tmp, 'bundle.tar.gz');
    const run = await execa('tar', ['-czf', archive, '-C', dirname(dir), basename(dir)], { reject: false, stdin: 'ignore' });
    return run.exitCode === 0 ? (await stat(archive)).size : undefined;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
