import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../../grader/src/model/result.ts';
import { AUTOGRADING_FILE, CRITERION_IDS_FILE, README_FILE, REGISTRY_FILE, RUBRIC_FILE, WORKFLOW_FILE } from '../../grader/src/sync/sync.ts';
import { copyProject } from '../support/project-copy.ts';

// Issue 16's promise, kept: adding a criterion touches its module, its test and one rubric line,
// plus the files `npm run rubric:sync` and `npm run manifest` regenerate. A copy of the project gets a
// probe criterion `compose.restart-policy` exactly as INSTRUCTORS.md's « Adding a criterion » says, and must
// then type-check, run the probe's unit test, and grade the reference solution with it. No Docker.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ID = 'compose.restart-policy';
const MODULE = 'grader/src/checks/compose/restart-policy.ts';
const MODULE_TEST = 'grader/src/checks/compose/restart-policy.test.ts';
/** The root lab's rubric, where the line is added (RUBRIC_FILE, its root copy, follows). */
const LAB_RUBRIC = 'labs/csc8613-tp1/rubric.yml';
const GENERATED = [README_FILE, 'labs/csc8613-tp1/README.md', RUBRIC_FILE, AUTOGRADING_FILE, WORKFLOW_FILE, CRITERION_IDS_FILE, REGISTRY_FILE, 'grader/manifest.json'];

// An advice the reference solution follows (the lab does not change): a restart policy, when a
// service sets one, is one that Compose knows.
const PROBE_MODULE = `import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { asDict, COMPOSE_PATH, composeLoader, unusable } from './compose-file.ts';

const POLICY = /^(no|always|unless-stopped|on-failure(:\\d+)?)$/;

export const criterion: StaticCriterion = {
  id: '${ID}',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    for (const [name, service] of Object.entries(asDict(load.file.data.services) ?? {})) {
      const restart = asDict(service)?.restart;
      if (restart === undefined || (typeof restart === 'string' && POLICY.test(restart))) continue;
      return fail(\`Le service \${name} a \\\`restart: \${String(restart)}\\\`, une politique que Compose ne connaît pas : écrivez \\\`no\\\`, \\\`always\\\`, \\\`on-failure\\\` ou \\\`unless-stopped\\\`.\`, {
        file: COMPOSE_PATH,
        line: load.file.lineOf(['services', name, 'restart']),
      });
    }
    return pass();
  },
};
`;

const PROBE_TEST = `import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { criterion } from './restart-policy.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

async function judgeCompose(compose: string) {
  const dir = await mkdtemp(join(tmpdir(), 'restart-policy-'));
  try {
    await writeFile(join(dir, 'docker-compose.yml'), compose);
    return await criterion.judge(createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('passes without a restart policy and with a known one', async () => {
  expect((await judgeCompose('services:\\n  api:\\n    build: ./starter\\n')).status).toBe('pass');
  expect((await judgeCompose('services:\\n  api:\\n    build: ./starter\\n    restart: on-failure:3\\n')).status).toBe('pass');
});

test('fails on an unknown policy, at its line', async () => {
  const finding = await judgeCompose('services:\\n  api:\\n    build: ./starter\\n    restart: sometimes\\n');
  expect(finding).toMatchObject({ status: 'fail', file: 'docker-compose.yml', line: 4 });
  expect(finding.message).toContain('restart: sometimes');
});
`;

const RUBRIC_LINE = `  ${ID}:   { group: compose, points: 0, title: "Conseil : politique de redémarrage connue" }`;

let copy: string;

/** Runs a command in the copy; a failure shows its output. */
async function inCopy(command: string, args: string[]) {
  const result = await execa(command, args, { cwd: copy, reject: false, env: { GITHUB_ACTIONS: '', CI: '' }, stdin: 'ignore' });
  expect(result.exitCode, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(async () => {
  copy = await copyProject(ROOT, 'probe-criterion-');

  // The three hand-made changes.
  await writeFile(join(copy, MODULE), PROBE_MODULE);
  await writeFile(join(copy, MODULE_TEST), PROBE_TEST);
  const rubric = await readFile(join(copy, LAB_RUBRIC), 'utf8');
  const withLine = rubric.replace(/^( {2}compose\.no-version-key:.*\n)/m, `$1${RUBRIC_LINE}\n`);
  expect(withLine).not.toBe(rubric);
  await writeFile(join(copy, LAB_RUBRIC), withLine);

  // The two generators.
  await inCopy('npm', ['run', '-s', 'rubric:sync']);
  await inCopy('npm', ['run', '-s', 'manifest']);
}, 120_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe(`a probe criterion (${ID}) added in a copy of the project`, { timeout: 120_000 }, () => {
  test('the change is its module, its test, one rubric line and regenerated files', async () => {
    const { stdout } = await inCopy('git', ['status', '--porcelain', '--untracked-files=all']);
    const changed = stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(changed).toEqual(expect.arrayContaining([MODULE, MODULE_TEST, LAB_RUBRIC, RUBRIC_FILE, REGISTRY_FILE, CRITERION_IDS_FILE]));
    expect(changed.filter((path) => ![MODULE, MODULE_TEST, LAB_RUBRIC, ...GENERATED].includes(path))).toEqual([]);
    for (const rubric of [LAB_RUBRIC, RUBRIC_FILE]) {
      const rubricDiff = (await inCopy('git', ['diff', '-U0', '--', rubric])).stdout;
      expect(rubricDiff.split('\n').filter((line) => /^[+-](?![+-])/.test(line)), rubric).toEqual([`+${RUBRIC_LINE}`]);
    }
    expect((await inCopy('npm', ['run', '-s', 'rubric:sync', '--', '--check'])).exitCode).toBe(0);
  });

  // The generated id list keeps CriterionId a union of literals: the new id is typed like the others.
  test('the copy type-checks', { timeout: 300_000 }, async () => {
    await inCopy('npm', ['run', '-s', 'typecheck']);
  });

  // The compose folder's test derives its criteria from the registry: it now grades the probe too.
  test("the probe's unit test and the compose folder's test pass there", async () => {
    const { stdout } = await inCopy('npx', ['vitest', 'run', '--root', '.', MODULE_TEST, 'grader/src/checks/compose/index.test.ts']);
    expect(stripVTControlCharacters(stdout)).toMatch(/Test Files +2 passed \(2\)/);
  });

  test('a static grade of the reference solution judges it, in the rubric\'s place', async () => {
    const out = join(copy, 'probe-grade.json');
    await inCopy('npm', ['run', '-s', 'grade', '--', 'labs/csc8613-tp1/reference', '--static-only', '--json', out]);
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    const ids = report.criteria.map((c) => c.id as string);
    expect(ids.indexOf(ID)).toBe(ids.indexOf('compose.no-version-key') + 1);
    const probe = report.criteria.find((c) => (c.id as string) === ID)!;
    expect(probe).toMatchObject({ status: 'pass', group: 'compose', maxPoints: 0, title: 'Conseil : politique de redémarrage connue' });
  });
});
