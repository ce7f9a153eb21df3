import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT, TEST_HELPER_FILE } from '../integrity/files.ts';
import { ExportError, exportTemplate, templateFiles, templateLab } from './template.ts';
import { differingRootCopies } from '../integrity/root-copies.ts';
import { INSTRUCTORS_BEGIN, INSTRUCTORS_END } from './readme.ts';

describe('templateFiles', () => {
  test('the student skeleton, the grader and its suites, the workflow, Classroom 50, package files', async () => {
    const files = await templateFiles(GRADER_ROOT);
    for (const rel of [
      'starter/Dockerfile', 'starter/app.py', 'starter/requirements.txt', 'docker-compose.yml', 'REPORT.md', 'captures/README.md',
      'README.md', '.gitignore', 'package.json', 'package-lock.json', 'tsconfig.json',
      '.github/workflows/classroom.yml', '.github/classroom/rubric.yml', '.github/classroom/autograding.json',
      'grader/src/cli.ts', 'grader/src/run/grade.ts', 'tests/vitest.config.ts', 'tests/support/grade-once.ts', 'hermetic/build-stand-ins.sh',
    ]) expect(files, rel).toContain(rel);
  });

  test('the root lab’s template comes from its folder; a root copy that differs from it is named', async () => {
    const lab = await templateLab(GRADER_ROOT);
    expect(lab).toMatchObject({ id: 'csc8613-tp1', home: 'labs/csc8613-tp1/', root: true });
    expect(await differingRootCopies(GRADER_ROOT, lab.id)).toEqual([]);
    const root = await mkdtemp(join(tmpdir(), 'root-copy-'));
    const RUBRIC_X = 'lab: x\ngroups:\n  dockerfile: "Dockerfile"\ncriteria:\n  dockerfile.present: { group: dockerfile, points: 1, title: "Dockerfile" }\n';
    try {
      const files = { 'labs/x/README.md': '# TP\n', 'README.md': '# TP, edited at the root\n', 'labs/x/rubric.yml': RUBRIC_X, '.github/classroom/rubric.yml': RUBRIC_X, 'labs/x/REPORT.md': 'r\n' };
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(join(root, rel, '..'), { recursive: true });
        await writeFile(join(root, rel), text);
      }
      expect(await differingRootCopies(root, 'x')).toEqual(['README.md (labs/x/README.md)']);
      await expect(exportTemplate(join(root, 'out'), root)).rejects.toThrow(
        "the repository's root differs from labs/x/, of which it is a copy: README.md (labs/x/README.md). Make the change in the lab's folder and run npm run rubric:sync, then export again.",
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('a lab folder’s template has that lab’s student skeleton at its root, never its reference solution nor its test material', async () => {
    for (const [id, own] of [['docker-basic-1', 'starter/welcome.py'], ['docker-basics', 'starter/app.py']] as const) {
      const files = await templateFiles(GRADER_ROOT, await templateLab(GRADER_ROOT, id));
      for (const rel of [own, 'starter/Dockerfile', 'REPORT.md', 'captures/README.md', 'README.md']) expect(files, `${id}: ${rel}`).toContain(rel);
      expect(files.filter((rel) => /(^|\/)reference\/|(^|\/)(mutants|testing)\.ts$|^docker-compose\.yml$/.test(rel)), id).toEqual([]);
    }
  });

  test('nothing that reveals answers or belongs to the maintainers', async () => {
    const files = await templateFiles(GRADER_ROOT);
    const leaks = files.filter((rel) =>
      /^(selftest|bench|\.ci|node_modules)\//.test(rel) || /\.test\.ts$/.test(rel) && rel.startsWith('grader/') || /(^|\/)(testing|test-support)\.ts$/.test(rel) ||
      rel === '.github/workflows/regrade-class.yml' || rel.startsWith('classroom50/') || rel === 'INSTRUCTORS.md');
    expect(leaks).toEqual([]);
  });

  // Every relative import of a shipped TypeScript file must resolve to a shipped file: otherwise a
  // test helper left out of the template would break the grader there.
  test('the shipped TypeScript files only import shipped files', async () => {
    const files = new Set(await templateFiles(GRADER_ROOT));
    const missing: string[] = [];
    let imports = 0;
    for (const rel of files) {
      if (!rel.endsWith('.ts') || rel.endsWith('.test.ts')) continue;
      const text = await readFile(join(GRADER_ROOT, rel), 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        imports++;
        const target = posix.normalize(posix.join(posix.dirname(rel), match[1]!));
        if (!files.has(target)) missing.push(`${rel} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
    expect(imports).toBeGreaterThan(100);
  });

  // A test helper under another name than testing.ts would ship with its expected verdicts and
  // correct answers: no shipped module may be imported by grader tests and test helpers alone,
  // unless it is a script run on its own (it tests `process.argv[1]`).
  test('no shipped module serves only the grader tests (a test helper under another name)', async () => {
    const shipped = new Set(await templateFiles(GRADER_ROOT));
    const importers = new Map<string, string[]>();
    const scripts = new Set<string>();
    const all = (await Promise.all(['grader', 'labs'].map(async (top) => (await walkTs(join(GRADER_ROOT, top))).map((abs) => posix.join(top, abs))))).flat();
    for (const rel of all) {
      const text = await readFile(join(GRADER_ROOT, rel), 'utf8');
      if (text.includes('process.argv[1]')) scripts.add(rel);
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = posix.normalize(posix.join(posix.dirname(rel), match[1]!));
        importers.set(target, [...(importers.get(target) ?? []), rel]);
      }
    }
    const testOnly = [...importers]
      .filter(([target, by]) => shipped.has(target) && !scripts.has(target) && by.every((rel) => rel.endsWith('.test.ts') || rel.endsWith(`/${TEST_HELPER_FILE}`)))
      .map(([target]) => target);
    expect(testOnly).toEqual([]);
  });
});

async function walkTs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => posix.relative(dir, posix.join(entry.parentPath, entry.name)))
    .filter((rel) => !rel.split('/').includes('node_modules'));
}

describe('a test helper never ships', () => {
  // The filter goes by the helper's one name (testing.ts) wherever it sits under grader/; a unit
  // test goes by *.test.ts. Both hold expected verdicts and correct answers.
  test('a grader folder\'s testing.ts and unit tests are neither exported nor in the exported manifest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'export-root-'));
    const dest = await mkdtemp(join(tmpdir(), 'export-dest-'));
    try {
      for (const rel of ['grader/src/probe/probe.ts', `grader/src/probe/${TEST_HELPER_FILE}`, 'grader/src/probe/probe.test.ts', `grader/src/${TEST_HELPER_FILE}`, 'tests/probe.test.ts', 'REPORT.md']) {
        await mkdir(join(root, posix.dirname(rel)), { recursive: true });
        await writeFile(join(root, rel), `// ${rel}\n`);
      }
      expect(await templateFiles(root)).toEqual(['REPORT.md', 'grader/src/probe/probe.ts', 'tests/probe.test.ts']);
      const written = await exportTemplate(join(dest, 'out'), root);
      expect(written).toEqual(['REPORT.md', 'grader/manifest.json', 'grader/src/probe/probe.ts', 'tests/probe.test.ts']);
      const manifest = JSON.parse(await readFile(join(dest, 'out/grader/manifest.json'), 'utf8')) as { files: Record<string, string> };
      expect(Object.keys(manifest.files).sort()).toEqual(['grader/src/probe/probe.ts', 'tests/probe.test.ts']);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(dest, { recursive: true, force: true });
    }
  });
});

describe('exportTemplate', () => {
  test('refuses a folder that is not empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    try {
      await writeFile(join(dir, 'x'), '');
      await expect(exportTemplate(dir)).rejects.toBeInstanceOf(ExportError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the student's versions of the maintainers' files", () => {
  test('package.json, package-lock.json and README.md are written derived, and the manifest pins what was written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'export-root-'));
    const dest = await mkdtemp(join(tmpdir(), 'export-dest-'));
    try {
      const scripts = { test: 'vitest run', 'test:static': 'npm test -- --mode static', grade: 'node cli.ts', selftest: 'vitest run selftest' };
      await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'lab', version: '1.0.0', scripts, dependencies: { a: '1.0.0' }, devDependencies: { t: '1.0.0' } }));
      await writeFile(join(root, 'package-lock.json'), JSON.stringify({ name: 'lab', version: '1.0.0', lockfileVersion: 3, requires: true, packages: {
        '': { name: 'lab', version: '1.0.0', dependencies: { a: '1.0.0' }, devDependencies: { t: '1.0.0' } },
        'node_modules/a': { version: '1.0.0' },
        'node_modules/t': { version: '1.0.0', dev: true },
      } }));
      await writeFile(join(root, 'README.md'), `# TP\n\n${INSTRUCTORS_BEGIN}\nSee INSTRUCTORS.md\n${INSTRUCTORS_END}\n\nTexte\n`);
      await writeFile(join(root, 'INSTRUCTORS.md'), '# For instructors\n');
      const out = join(dest, 'out');
      expect(await exportTemplate(out, root)).toEqual(['README.md', 'grader/manifest.json', 'package-lock.json', 'package.json']);
      expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8'))).toEqual({ name: 'lab', version: '1.0.0', scripts: { test: 'vitest run', 'test:static': 'npm test -- --mode static', grade: 'node cli.ts' }, dependencies: { a: '1.0.0' } });
      expect(Object.keys((JSON.parse(await readFile(join(out, 'package-lock.json'), 'utf8')) as { packages: object }).packages)).toEqual(['', 'node_modules/a']);
      expect(await readFile(join(out, 'README.md'), 'utf8')).toBe('# TP\n\nTexte\n');
      const manifest = JSON.parse(await readFile(join(out, 'grader/manifest.json'), 'utf8')) as { files: Record<string, string> };
      expect(manifest.files['package.json']).toBe(createHash('sha256').update(await readFile(join(out, 'package.json'))).digest('hex'));
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(dest, { recursive: true, force: true });
    }
  });
});
