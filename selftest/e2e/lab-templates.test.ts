// Each lab other than the repository's root gets its own student template: `npm run
// export:template -- DIR --lab <id>` writes that lab's README, REPORT, starter files and rubric at
// the root (no other lab's text), and `npm test` there, with the lab's reference solution copied in,
// grades that lab with full marks on the engine. For docker-basic-1, the Dockerfile a real student
// wrote in the course's report (docker-basic-1.md) gets every point of the program, and its
// `# syntax=` line the grader's explanation on a machine without a registry.
import { execa } from 'execa';
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GRADER_ROOT } from '../../grader/src/location.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { labNamed } from '../../grader/src/run/lab.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { labRubricPath } from '../../grader/src/location.ts';
import { makeSubmission } from '../support/submission.ts';
import { machineEnv } from '../support/env.ts';

const NODE = ['--experimental-strip-types', '--no-warnings'];
const LAB = 'docker-basic-1';
const LAB_DIR = join(GRADER_ROOT, 'labs', LAB);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

/** What each lab's template must hold and must not: its own files, and none of the other labs'. */
const EXPECTED: Record<string, { title: string; has: string[]; hasNot: string[]; group: string }> = {
  'docker-basic-1': {
    title: 'Premiers pas avec Docker',
    has: ['starter/welcome.py', 'starter/Dockerfile', 'tests/program.test.ts'],
    hasNot: ['docker-compose.yml', 'starter/app.py', 'tests/compose.test.ts', 'tests/stack.test.ts'],
    group: 'program',
  },
  'docker-basics': {
    title: 'Les bases de Docker',
    has: ['starter/app.py', 'starter/Dockerfile', 'starter/requirements.txt', 'tests/image.test.ts'],
    hasNot: ['docker-compose.yml', 'starter/welcome.py', 'tests/compose.test.ts', 'tests/stack.test.ts', 'tests/program.test.ts'],
    group: 'image',
  },
};

for (const [id, expected] of Object.entries(EXPECTED)) {
  const labDir = join(GRADER_ROOT, 'labs', id);
  let tmp: string;
  let dir: string;
  let files: string[];

  describe(`npm run export:template -- DIR --lab ${id}`, () => {
    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'docker-lab-template-'));
      dir = join(tmp, 'template');
      const run = await execa('node', [...NODE, join(GRADER_ROOT, 'grader/src/export/export-cli.ts'), dir, '--lab', id], { stdin: 'ignore', reject: false, cwd: GRADER_ROOT });
      expect(run.exitCode, run.stderr).toBe(0);
      files = await listFiles(dir);
      await symlink(join(GRADER_ROOT, 'node_modules'), join(dir, 'node_modules'));
    }, 120_000);
    afterAll(() => rm(tmp, { recursive: true, force: true }));

    test('writes the lab’s own statement, report template, starter files and rubric at the root, and no other lab’s', async () => {
      for (const rel of ['README.md', 'REPORT.md', 'captures/README.md', '.github/classroom/rubric.yml', 'grader/manifest.json', ...expected.has]) expect(files, rel).toContain(rel);
      for (const rel of expected.hasNot) expect(files, rel).not.toContain(rel);
      expect(files.filter((rel) => rel.startsWith('labs/') && !rel.endsWith('.ts'))).toEqual([]);
      expect(files.filter((rel) => /^labs\/[^/]+\/(reference\/|mutants\.ts|testing\.ts|.*\.test\.ts)/.test(rel))).toEqual([]);
      const readme = await readFile(join(dir, 'README.md'), 'utf8');
      expect(readme.split('\n')[0]).toContain(expected.title);
      expect(readme).not.toMatch(/FastAPI|PostgreSQL|docker compose|INSTRUCTORS\.md/);
      expect(await readFile(join(dir, 'REPORT.md'), 'utf8')).toBe(await readFile(join(labDir, 'REPORT.md'), 'utf8'));
      expect(await readFile(join(dir, '.github/classroom/rubric.yml'), 'utf8')).toMatch(new RegExp(`^lab: ${id}$`, 'm'));
      const autograding = JSON.parse(await readFile(join(dir, '.github/classroom/autograding.json'), 'utf8')) as { tests: { run: string; points: number }[] };
      expect(autograding.tests.map((t) => t.run)).toContain(`npm run grade -- . --group ${expected.group} --require-full`);
      expect(autograding.tests.reduce((sum, t) => sum + t.points, 0)).toBe(100);
    });

    test('npm test there, with the lab’s reference solution copied in, grades the lab with full marks', async () => {
      await cp(join(labDir, 'reference', 'starter'), join(dir, 'starter'), { recursive: true, force: true });
      await writeFile(join(dir, 'REPORT.md'), await readFile(join(labDir, 'reference', 'REPORT.md')));
      const run = await execa('npm', ['test'], { cwd: dir, env: machineEnv(), extendEnv: false, reject: false, stdin: 'ignore', all: true });
      const output = run.all ?? '';
      expect(output, output).toMatch(/Note : 100\/100/);
      expect(output).not.toMatch(/stack\.|compose\./);
      expect(run.exitCode, output).toBe(0);
    }, 300_000);
  });
}

/** The Dockerfile of the real report (docker-basic-1.md, « Étape 3 »), as its author wrote it. */
const REAL_DOCKERFILE = '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nWORKDIR /app\nCOPY welcome.py .\nCMD ["python", "welcome.py"]\n';
/** welcome.py as the statement asks for it (the report's copy lost its indentation). */
const WELCOME = `import datetime
import os
import platform


def banner() -> str:
    name = os.getenv("WELCOME_NAME", "Docker")
    return (
        f"Bonjour {name} !\\n"
        f"Date et heure : {datetime.datetime.now(datetime.timezone.utc).isoformat()}\\n"
        f"Système : {platform.system()} {platform.release()}"
    )


if __name__ == "__main__":
    print(banner())
`;

describe('the Dockerfile of the real report of docker-basic-1', () => {
  const PROGRAM = ['image.build', 'image.size', 'program.output', 'program.env', 'program.command-override'] as const;

  test('without its # syntax= line, beside a welcome.py as the statement asks, gets every dynamic point', async () => {
    const rubric = await loadRubric(labRubricPath(LAB));
    const sub = await makeSubmission({ 'starter/Dockerfile': REAL_DOCKERFILE.replace(/^# syntax=.*\n/, ''), 'starter/welcome.py': WELCOME }, join(LAB_DIR, 'reference'));
    try {
      const report = await grade(sub.dir, { rubric, lab: labNamed(LAB), only: [...PROGRAM] });
      expect(report.criteria.map((c) => `${c.id}: ${c.status}${c.status === 'pass' ? '' : ` — ${c.message}`}`)).toEqual(PROGRAM.map((id) => `${id}: pass`));
    } finally {
      await sub.cleanup();
    }
  }, 120_000);

  test('with it, on a machine without a registry, image.build explains the line and the lab’s own build command', async () => {
    const rubric = await loadRubric(labRubricPath(LAB));
    const sub = await makeSubmission({ 'starter/Dockerfile': REAL_DOCKERFILE, 'starter/welcome.py': WELCOME }, join(LAB_DIR, 'reference'));
    try {
      const report = await grade(sub.dir, { rubric, lab: labNamed(LAB), only: ['image.build'] });
      const build = report.criteria.find((c) => c.id === 'image.build')!;
      expect(build).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 1 });
      expect(build.message).toContain('# syntax=');
      expect(build.message).toContain('docker build -t welcome:1.0.0 ./starter');
    } finally {
      await sub.cleanup();
    }
  }, 120_000);
});
