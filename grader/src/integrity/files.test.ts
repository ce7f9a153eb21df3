import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WalkLimitError, isChecked, isExcluded, walk } from './files.ts';

describe('which paths the manifest pins', () => {
  test.each([
    ['tests/report.test.ts', true],
    ['tests/support/grade-once.ts', true],
    ['.github/classroom/rubric.yml', true],
    ['.github/workflows/classroom.yml', true],
    ['grader/src/cli.ts', true],
    ['grader/src/checks/compose/schema/compose-spec.schema.json', true],
    ['hermetic/python/Dockerfile', true],
    ['package.json', true],
    ['package-lock.json', true],
    ['tsconfig.json', true],
  ])('%s is checked', (rel, expected) => expect(isChecked(rel)).toBe(expected));

  test.each([
    'starter/Dockerfile',
    'docker-compose.yml',
    'REPORT.md',
    'captures/x.png',
    'README.md',
    '.gitignore',
    'grader/manifest.json',
    'grader/src/checks/compose/api.test.ts',
    'grader/src/output/testing.ts',
    'grader/src/checks/dockerfile/testing.ts',
    'grader/src/checks/testing.ts',
    'grader/src/submission/testing.ts',
    'classroom50/autograder.py',
    'classroom50/test_autograder.py',
    '.github/workflows/autograde.yaml',
    '.classroom50.yaml',
    '.github/workflows/regrade-class.yml',
    'labs/csc8613-tp1/reference/starter/Dockerfile',
    'labs/csc8613-tp1/README.md',
    'labs/csc8613-tp1/rubric.yml',
    'bench/run.ts',
    '.ci/run',
    'node_modules/yaml/package.json',
  ])('%s is not checked', (rel) => expect(isChecked(rel)).toBe(false));

  test('grader unit tests are excluded, the student suites in tests/ are not', () => {
    expect(isExcluded('grader/src/batch/run.test.ts')).toBe(true);
    expect(isExcluded('tests/report.test.ts')).toBe(false);
  });

  test('a lab folder ships its data modules, never its test material (mutants, test helpers, tests, reference)', () => {
    for (const rel of ['labs/csc8613-tp1/mutants.ts', 'labs/csc8613-tp1/testing.ts', 'labs/docker-basics/lab.test.ts', 'labs/csc8613-tp1/reference/REPORT.md']) expect(isExcluded(rel), rel).toBe(true);
    expect(isExcluded('labs/csc8613-tp1/questions.ts')).toBe(false);
  });
});

describe('walk', () => {
  test('lists files and symlinks without following them, skips node_modules, bounds the count', async () => {
    const root = await mkdtemp(join(tmpdir(), 'walk-'));
    try {
      await mkdir(join(root, 'tests/support'), { recursive: true });
      await mkdir(join(root, 'tests/node_modules/x'), { recursive: true });
      await writeFile(join(root, 'tests/a.test.ts'), 'a');
      await writeFile(join(root, 'tests/node_modules/x/i.js'), 'i');
      await symlink('/etc', join(root, 'tests/support/out'));
      expect(await walk(root, 'tests')).toEqual(['tests/a.test.ts', 'tests/support/out']);
      expect(await walk(root, 'absent')).toEqual([]);
      await expect(walk(root, 'tests', 2)).rejects.toBeInstanceOf(WalkLimitError);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
