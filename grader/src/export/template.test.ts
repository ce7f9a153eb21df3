import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT } from '../integrity/files.ts';
import { ExportError, exportTemplate, templateFiles } from './template.ts';

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

  test('nothing that reveals answers or belongs to the maintainers', async () => {
    const files = await templateFiles(GRADER_ROOT);
    const leaks = files.filter((rel) =>
      /^(selftest|bench|\.ci|node_modules)\//.test(rel) || /\.test\.ts$/.test(rel) && rel.startsWith('grader/') || /(^|\/)(testing|test-support)\.ts$/.test(rel) ||
      rel === '.github/workflows/regrade-class.yml' || rel.startsWith('classroom50/'));
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
