import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT } from './files.ts';
import { hashShippedTree, hashTree } from './manifest.ts';
import { STUDENT_SCRIPTS, ShippedFileError, derivedContent, studentLockfile, studentPackageJson } from './shipped.ts';

const MAINTAINERS = {
  name: 'lab',
  version: '1.0.0',
  private: true,
  type: 'module',
  engines: { node: '^24.0.0' },
  scripts: { test: 'node check.cjs && vitest run', 'test:static': 'npm test -- --mode static', grade: 'node cli.ts', selftest: 'vitest run selftest', typecheck: 'tsc' },
  dependencies: { vitest: '5.1.1' },
  devDependencies: { typescript: '7.0.2' },
  license: 'MIT',
};

describe('studentPackageJson', () => {
  test('keeps the student scripts and the runtime dependencies; drops maintainer scripts, devDependencies and other keys; idempotent', () => {
    const text = studentPackageJson(JSON.stringify(MAINTAINERS));
    expect(JSON.parse(text)).toEqual({
      name: 'lab', version: '1.0.0', private: true, type: 'module', engines: { node: '^24.0.0' },
      scripts: { test: 'node check.cjs && vitest run', 'test:static': 'npm test -- --mode static', grade: 'node cli.ts' },
      dependencies: { vitest: '5.1.1' },
    });
    expect(studentPackageJson(text)).toBe(text);
  });

  test('a package.json without a student script, or not JSON, is an error', () => {
    expect(() => studentPackageJson(JSON.stringify({ scripts: { test: 'x' } }))).toThrow(/lacks the student scripts test:static, grade/);
    expect(() => studentPackageJson('{')).toThrow(ShippedFileError);
  });

  test("this repository's package.json has every student script, none using the `VAR=1 cmd` syntax cmd.exe and PowerShell lack", async () => {
    const pkg = JSON.parse(await readFile(join(GRADER_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of STUDENT_SCRIPTS) expect(pkg.scripts[name], name).not.toMatch(/(^|&&\s*)[A-Z_]+=/);
    expect(JSON.parse(studentLockfile(await readFile(join(GRADER_ROOT, 'package-lock.json'), 'utf8'), await readFile(join(GRADER_ROOT, 'package.json'), 'utf8'))).packages['']).not.toHaveProperty('devDependencies');
  });
});

describe('hashShippedTree', () => {
  test('pins the derived package files of a maintainers\' root; a symlinked package.json is fingerprinted as a symlink', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipped-'));
    try {
      await writeFile(join(dir, 'package.json'), JSON.stringify(MAINTAINERS));
      const [shipped, plain] = await Promise.all([hashShippedTree(dir), hashTree(dir)]);
      expect(shipped['package.json']).not.toBe(plain['package.json']);
      await writeFile(join(dir, 'package.json'), (await derivedContent(dir, 'package.json'))!);
      expect((await hashTree(dir))['package.json']).toBe(shipped['package.json']);
      await rm(join(dir, 'package.json'));
      await symlink(join(GRADER_ROOT, 'package.json'), join(dir, 'package.json'));
      expect((await hashShippedTree(dir))['package.json']).toMatch(/^symlink:/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
