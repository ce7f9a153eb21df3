import { execa } from 'execa';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { FINGERPRINT_FILE, freshPrebuilt, PREBUILT_DIRS, PREBUILT_ENTRY, sourceFingerprint } from '../../prebuilt.mjs';
import { GRADER_ROOT } from '../location.ts';
import { REFERENCE_DIR } from '../submission/testing.ts';
import { fingerprint } from '../integrity/manifest.ts';
import { buildPrebuilt, TEMPLATE_PREBUILT_DIR, templatePrebuiltHashes } from './prebuilt.ts';

async function fakeRoot(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'prebuilt-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  return root;
}

describe('the prebuilt grader is used only when built from the sources as they are', () => {
  test('the fingerprint follows the sources and the runtime packages the lock file pins, not the unit tests nor the maintainers\' tools', async () => {
    const lock = (runtime: string, tool: string) =>
      JSON.stringify({
        packages: {
          '': { dependencies: { lib: '1' }, devDependencies: { tool: '1' } },
          'node_modules/lib': { version: runtime, dependencies: { dep: '1' } },
          'node_modules/dep': { version: '1.0.0' },
          'node_modules/tool': { version: tool, dev: true },
        },
      });
    const root = await fakeRoot({ 'grader/src/a.ts': 'export const a = 1;\n', 'grader/src/a.test.ts': 'test', 'package-lock.json': lock('1.0.0', '1.0.0') });
    try {
      const first = await sourceFingerprint(root);
      await writeFile(join(root, 'grader/src/a.test.ts'), 'another test');
      expect(await sourceFingerprint(root)).toBe(first);
      await writeFile(join(root, 'grader/src/a.ts'), 'export const a = 2;\n');
      const edited = await sourceFingerprint(root);
      expect(edited).not.toBe(first);
      // A maintainers' tool is never bundled: the template's production lockfile does not hold it.
      await writeFile(join(root, 'package-lock.json'), lock('1.0.0', '2.0.0'));
      expect(await sourceFingerprint(root)).toBe(edited);
      await writeFile(join(root, 'package-lock.json'), lock('1.0.1', '2.0.0'));
      expect(await sourceFingerprint(root)).not.toBe(edited);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('a stale or missing build falls back to the sources; a fresh one is found in either place', async () => {
    const root = await fakeRoot({ 'grader/src/a.ts': 'export const a = 1;\n', 'package-lock.json': '{}' });
    try {
      expect(await freshPrebuilt(root)).toBeUndefined();
      const [shipped, local] = PREBUILT_DIRS as [string, string];
      await mkdir(join(root, shipped), { recursive: true });
      await writeFile(join(root, shipped, FINGERPRINT_FILE), 'stale\n');
      expect(await freshPrebuilt(root)).toBeUndefined();
      await mkdir(join(root, local), { recursive: true });
      await writeFile(join(root, local, FINGERPRINT_FILE), `${await sourceFingerprint(root)}\n`);
      expect(await freshPrebuilt(root)).toBe(join(root, local));
      await writeFile(join(root, 'grader/src/a.ts'), 'export const a = 2;\n');
      expect(await freshPrebuilt(root)).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  // Built two levels under the root, as grader/src/ is: the build finds the rubric the same way.
  const outDir = join(GRADER_ROOT, '.grade', `prebuilt-test-${process.pid}`);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  test('the build grades as the sources do, and a static run loads none of the Docker side', async () => {
    const files = await buildPrebuilt(outDir);
    expect(files).toContain(PREBUILT_ENTRY);
    expect(files).toContain(FINGERPRINT_FILE);
    // Every module the process loads, listed on stderr when it exits.
    const listLoaded = `data:text/javascript,${encodeURIComponent("import { registerHooks } from 'node:module'; const seen = []; registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } }); process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(seen) + '\\n'));")}`;
    const run = async (name: string, entry: string[]) => {
      const json = join(outDir, `${name}.json`);
      const { stderr } = await execa(process.execPath, ['--import', listLoaded, ...entry, REFERENCE_DIR, '--static-only', '--json', json], { stdin: 'ignore', env: { GITHUB_ACTIONS: '' } });
      const report = JSON.parse(await readFile(json, 'utf8')) as { criteria: { id: string; points: number; message: string; durationMs?: number }[] };
      const loaded = JSON.parse(stderr.slice(stderr.lastIndexOf('LOADED ') + 7)) as string[];
      return { criteria: report.criteria.map(({ durationMs: _, ...rest }) => rest), loaded };
    };
    const [built, sources] = await Promise.all([
      run('built', [join(outDir, PREBUILT_ENTRY)]),
      run('sources', ['--experimental-strip-types', '--no-warnings', join(GRADER_ROOT, 'grader/src/cli.ts')]),
    ]);
    expect(built.criteria).toEqual(sources.criteria);
    expect(built.criteria.length).toBeGreaterThan(10);
    // The build is self-contained (no dependency read from node_modules, no TypeScript), and its
    // Docker side is a chunk a static run never loads; nor do the sources load Docker's clients.
    expect(built.loaded.filter((url) => url.startsWith('file:')).every((url) => url.startsWith(pathToFileURL(outDir).href))).toBe(true);
    expect(built.loaded.some((url) => url.includes('grade-dynamic'))).toBe(false);
    expect(sources.loaded.filter((url) => /node_modules\/(dockerode|execa|@actions\/core)\//.test(url))).toEqual([]);
    // Reproducible: another build elsewhere gives the same files, the ones the batch compares
    // student repositories' copies with.
    const shipped: Record<string, string> = {};
    for (const name of files) shipped[`${TEMPLATE_PREBUILT_DIR}/${name}`] = (await fingerprint(join(outDir, name)))!;
    expect(await templatePrebuiltHashes()).toEqual(shipped);
  }, 120_000);
});
