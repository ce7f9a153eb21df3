import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportTemplate } from '../../grader/src/export/template.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { renderTerminal } from '../../grader/src/output/terminal.ts';
import { renderMarkdown } from '../../grader/src/output/markdown.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { GRADER_ROOT, MANIFEST_REL } from '../../grader/src/integrity/files.ts';
import { hashShippedTree, hashTree } from '../../grader/src/integrity/manifest.ts';
import { checkTamper, diffGraderFiles, isGraderRoot } from '../../grader/src/integrity/tamper.ts';

// A student repository as the template exports it (its own fresh manifest), then tampered with.
let tmp: string;
let repo: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'tamper-'));
  repo = join(tmp, 'repo');
  await exportTemplate(repo);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('checkTamper on a student repository', () => {
  test('an untouched template has no tampering; student-owned and unchecked files may change', async () => {
    await writeFile(join(repo, 'REPORT.md'), '# mes réponses');
    await writeFile(join(repo, 'README.md'), 'mes notes');
    await writeFile(join(repo, 'grader/src/model/extra.test.ts'), 'ignored: grader tests never run in the template');
    expect(await checkTamper(repo, join(repo, MANIFEST_REL))).toEqual([]);
    await unlink(join(repo, 'grader/src/model/extra.test.ts'));
  });

  test('an edited test, a new test, an edited rubric, a deleted workflow and a symlinked package.json are listed', async () => {
    const copy = join(tmp, 'tampered');
    await exportTemplate(copy);
    await writeFile(join(copy, 'tests/report.test.ts'), "import { test } from 'vitest';\ntest('ok', () => {});\n");
    await writeFile(join(copy, 'tests/bonus.test.ts'), "test('100/100', () => {});\n");
    const rubric = await readFile(join(copy, '.github/classroom/rubric.yml'), 'utf8');
    await writeFile(join(copy, '.github/classroom/rubric.yml'), rubric.replace('image.build:              { group: image, points: 6', 'image.build:              { group: image, points: 0'));
    await unlink(join(copy, '.github/workflows/classroom.yml'));
    await unlink(join(copy, 'package.json'));
    await symlink(join(GRADER_ROOT, 'package.json'), join(copy, 'package.json'));
    expect(await diffGraderFiles((await readManifestOf(copy)).files, copy)).toEqual([
      { path: '.github/classroom/rubric.yml', kind: 'modified' },
      { path: '.github/workflows/classroom.yml', kind: 'missing' },
      { path: 'package.json', kind: 'modified' },
      { path: 'tests/bonus.test.ts', kind: 'added' },
      { path: 'tests/report.test.ts', kind: 'modified' },
    ]);
    expect(await checkTamper(copy, join(copy, MANIFEST_REL))).toEqual(['.github/classroom/rubric.yml', '.github/workflows/classroom.yml', 'package.json', 'tests/bonus.test.ts', 'tests/report.test.ts']);
  });

  // Classroom 50's accept commit adds exactly these two files (its runner's ACCEPT_COMMIT_PATHS).
  test("the platform's accept-commit files are not tampering; any other change beside them still is", async () => {
    const copy = join(tmp, 'accepted');
    await exportTemplate(copy);
    await mkdir(join(copy, '.github/workflows'), { recursive: true });
    await writeFile(join(copy, '.github/workflows/autograde.yaml'), 'name: Autograde\non: push\njobs: {}\n');
    await writeFile(join(copy, '.classroom50.yaml'), 'schema: "classroom50/repo-config/v1"\nclassroom: "c"\nassignment: "a"\n');
    expect(await checkTamper(copy, join(copy, MANIFEST_REL))).toEqual([]);
    await writeFile(join(copy, '.github/workflows/grade-me.yaml'), 'name: x\n');
    expect(await checkTamper(copy, join(copy, MANIFEST_REL))).toEqual(['.github/workflows/grade-me.yaml']);
  });

  test('a missing manifest is reported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'no-manifest-'));
    try {
      expect(await checkTamper(dir, join(dir, MANIFEST_REL))).toEqual([MANIFEST_REL]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the pristine grader\'s shipped files (what the batch compares with) match an exported template', async () => {
    expect(await diffGraderFiles(await hashShippedTree(GRADER_ROOT), repo)).toEqual([]);
    // The template's package files are not the maintainers' own: compared as they are, they differ.
    expect(await diffGraderFiles(await hashTree(GRADER_ROOT), repo)).toEqual([
      { path: 'package-lock.json', kind: 'modified' },
      { path: 'package.json', kind: 'modified' },
    ]);
  });
});

describe('grade() and tampering', () => {
  test('tamperCheck fills report.tampered; the French terminal report and job summary say the official grade comes from the instructor', async () => {
    const copy = join(tmp, 'graded');
    await exportTemplate(copy);
    await writeFile(join(copy, 'tests/bonus.test.ts'), 'x');
    const rubric = await loadRubric();
    const report = await grade(copy, { staticOnly: true, only: ['report.present'], tamperCheck: true, rubric });
    expect(report.tampered).toContain('tests/bonus.test.ts');
    expect(renderTerminal(report, rubric)).toMatch(/fichiers du correcteur modifiés \(.*tests\/bonus\.test\.ts.*\)\. La note officielle sera recalculée/);
    // The job summary (Markdown) says it too.
    expect(renderMarkdown(report, rubric)).toMatch(/Fichiers du correcteur modifiés : .*tests\/bonus\.test\.ts/);
  });

  test('by default only the repository the grader runs from is checked', async () => {
    expect(await isGraderRoot(GRADER_ROOT)).toBe(true);
    expect(await isGraderRoot(repo)).toBe(false);
    const own = await grade(GRADER_ROOT, { staticOnly: true, only: ['report.present'] });
    expect(Array.isArray(own.tampered)).toBe(true);
    const other = await grade(repo, { staticOnly: true, only: ['report.present'] });
    expect(other.tampered).toBeUndefined();
  });
});

async function readManifestOf(dir: string) {
  return JSON.parse(await readFile(join(dir, MANIFEST_REL), 'utf8')) as { files: Record<string, string> };
}
