import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE_FILES, GRADER_ROOT } from '../location.ts';
import { isGraderTestFile } from '../integrity/files.ts';
import { buildShippedManifest, serializeManifest } from '../integrity/manifest.ts';
import type { GradeReport } from '../model/result.ts';
import { grade } from '../run/grade.ts';
import { loadRubric } from '../rubric/rubric.ts';
import { exportClassroom50, MAX_BUNDLE_BYTES } from './classroom50.ts';
import { exportTemplate, ExportError } from './template.ts';

// The bundle is run from a folder outside this repository, with `node` alone: no node_modules can
// be found from there, and every path the grader derives from its own location must point into
// the bundle (its rubric, its manifest).
const REFERENCE = join(GRADER_ROOT, 'labs/csc8613-tp1/reference');
let tmp: string;
let bundle: string;
let compressed: number | undefined;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'classroom50-bundle-'));
  bundle = join(tmp, 'autograders/docker-lab');
  ({ compressedBytes: compressed } = await exportClassroom50(bundle));
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function bundled(args: string[], cwd = tmp) {
  return execa(process.execPath, [join(bundle, BUNDLE_FILES.grader), ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    env: { GITHUB_ACTIONS: '', CLASSROOM50_BUNDLE_DIR: '', NO_COLOR: '1', NODE_PATH: '' },
  });
}

describe('npm run export:classroom50', () => {
  test('writes autograder.py, the prebuilt grader, the rubric and the template manifest; packed under 10 MiB', async () => {
    expect(await readFile(join(bundle, BUNDLE_FILES.entry), 'utf8')).toBe(await readFile(join(GRADER_ROOT, 'classroom50/autograder.py'), 'utf8'));
    expect(await readFile(join(bundle, BUNDLE_FILES.rubric), 'utf8')).toBe(await readFile(join(GRADER_ROOT, '.github/classroom/rubric.yml'), 'utf8'));
    expect(await readFile(join(bundle, BUNDLE_FILES.manifest), 'utf8')).toBe(serializeManifest(await buildShippedManifest(GRADER_ROOT)));
    expect(compressed).toBeGreaterThan(0);
    expect(compressed).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  // esbuild heads each bundled module with a `// path` comment: the modules the CLI reaches.
  test('the prebuilt grader holds no grader unit test nor test helper (testing.ts): no expected verdict ships', async () => {
    const modules = [...(await readFile(join(bundle, BUNDLE_FILES.grader), 'utf8')).matchAll(/^\/\/ (grader\/src\/\S+\.ts)$/gm)].map((m) => m[1]!);
    expect(modules).toContain('grader/src/checks/report/source/sections.ts');
    expect(modules.filter(isGraderTestFile)).toEqual([]);
  });

  test('refuses a folder that is not empty', async () => {
    await expect(exportClassroom50(bundle)).rejects.toBeInstanceOf(ExportError);
  });

  test('the bundled grader runs with node alone and gives the source grader’s static verdicts', { timeout: 60_000 }, async () => {
    const json = join(tmp, 'bundled.json');
    const run = await bundled([REFERENCE, '--static-only', '--json', json]);
    expect(run.exitCode, run.stderr).toBe(0);
    const fromBundle = JSON.parse(await readFile(json, 'utf8')) as GradeReport;
    const fromSource = await grade(REFERENCE, { staticOnly: true, rubric: await loadRubric(), tamperCheck: false });
    const verdicts = (r: GradeReport) => r.criteria.map((c) => [c.id, c.status, c.points, c.maxPoints]);
    expect(verdicts(fromBundle)).toEqual(verdicts(fromSource));
  });

  test('it grades with the bundle’s rubric, and checks tampering against the bundle’s manifest', { timeout: 120_000 }, async () => {
    const rubric = await readFile(join(bundle, BUNDLE_FILES.rubric), 'utf8');
    const template = join(tmp, 'template');
    await exportTemplate(template);
    await writeFile(join(template, 'tests/bonus.test.ts'), 'x');
    const json = join(tmp, 'rubric.json');
    try {
      await writeFile(join(bundle, BUNDLE_FILES.rubric), rubric.replace(/(dockerfile\.present:\s*\{[^}]*points:\s*)\d+/, '$17'));
      const run = await bundled([template, '--static-only', '--only', 'dockerfile.present', '--tamper-check', '--json', json]);
      expect(run.exitCode, run.stderr).toBe(0);
    } finally {
      await writeFile(join(bundle, BUNDLE_FILES.rubric), rubric);
    }
    const report = JSON.parse(await readFile(json, 'utf8')) as GradeReport;
    expect(report.criteria.map((c) => [c.id, c.maxPoints])).toEqual([['dockerfile.present', 7]]);
    expect(report.tampered).toEqual(['tests/bonus.test.ts']);
  });

  test('the instructor modes stay with the repository', async () => {
    const run = await bundled(['--batch', tmp, '--out', join(tmp, 'out')]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('not from the Classroom 50 bundle');
  });
});
