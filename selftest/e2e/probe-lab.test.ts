// Adding a lab is a folder. In a copy of the project, a tiny lab « probe-lab » is added exactly as
// INSTRUCTORS.md's « Adding a lab » says: one folder labs/probe-lab/ (lab.ts, rubric.yml, README.md,
// starter/, reference/), then `npm run rubric:sync` and `npm run manifest`. Nothing else of the
// project is edited by hand; the copy type-checks, and its reference is graded end to end on the
// engine with full marks, and a broken program loses the program's points.
import { execa } from 'execa';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../../grader/src/model/result.ts';
import { machineEnv } from '../support/env.ts';
import { copyProject } from '../support/project-copy.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAB = 'labs/probe-lab';

const FILES: Record<string, string> = {
  [`${LAB}/lab.ts`]: `import { defineLab } from '../../grader/src/lab/lab.ts';
import { VOCABULARY_STEMS, WORDING_STEMS } from './vocabulary-stems.ts';

export const lab = defineLab({
  id: 'probe-lab',
  title: 'Un programme dans un conteneur',
  imageContext: 'starter',
  studentPaths: ['starter/', 'REPORT.md', 'captures/'],
  words: { build: 'docker build -t salut:1.0 ./starter', app: 'le programme', ofApp: 'du programme', appFile: 'starter/salut.py' },
  report: {
    title: 'Rapport du TP « Un programme dans un conteneur »',
    questions: [
      { id: '1.a', exercise: 1, type: 'explication', title: 'La fin du conteneur', prompt: 'Expliquez pourquoi le conteneur s’arrête après avoir affiché son message.' },
    ],
    exerciseTitles: { 1: 'Un programme qui se termine' },
    groups: { 'report.ex1-2': [1] },
    notions: { '1.a': { about: 'la vie d’un conteneur et de son programme', notions: [{ name: 'processus principal', pattern: /processus|process|programme|commande/ }] } },
    vocabulary: { '1.a': 'processus principal programme termine fin arrête exited sortie conteneur vit' },
    genericWords: 'docker lancer commande',
    stems: { vocabulary: VOCABULARY_STEMS, wording: WORDING_STEMS },
  },
  program: {
    plain: { shown: 'docker run --rm salut:1.0', expect: [{ line: 'Salut !' }] },
    env: { shown: 'docker run --rm -e QUI=Alice salut:1.0', env: { QUI: 'Alice' }, expect: [{ line: 'Salut Alice !' }] },
    override: { shown: 'docker run --rm salut:1.0 echo autre', command: ['echo', 'autre'], expect: [{ line: 'autre' }] },
  },
});
`,
  [`${LAB}/rubric.yml`]: `lab: probe-lab
groups:
  image: "Image"
  program: "Programme"
  report: "Rapport"
criteria:
  dockerfile.present:       { group: image, points: 10, title: "Dockerfile présent" }
  image.build:              { group: image, points: 20, title: "L'image se construit" }
  program.output:           { group: program, points: 30, title: "Le message s'affiche" }
  program.env:              { group: program, points: 20, title: "QUI change le message" }
  program.command-override: { group: program, points: 10, title: "Une commande remplace CMD" }
  report.ex1-2:             { group: report, points: 10, title: "Exercice 1 répondu" }
`,
  [`${LAB}/README.md`]: `# TP — Un programme dans un conteneur

Écrivez \`starter/salut.py\` et son \`Dockerfile\`, puis répondez dans \`REPORT.md\`.

## Barème

<!-- rubric:begin -->
<!-- rubric:end -->
`,
  [`${LAB}/starter/salut.py`]: '# TODO : afficher « Salut ! », ou « Salut <QUI> ! » quand la variable QUI est définie\n',
  [`${LAB}/starter/Dockerfile`]: '# TODO : FROM, WORKDIR, COPY et CMD en forme exec\n',
  [`${LAB}/captures/README.md`]: 'Vos captures ici.\n',
  [`${LAB}/reference/starter/salut.py`]: 'import os\n\nqui = os.getenv("QUI")\nprint(f"Salut {qui} !" if qui else "Salut !")\n',
  [`${LAB}/reference/starter/Dockerfile`]: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY salut.py .\nCMD ["python", "salut.py"]\n',
  [`${LAB}/reference/REPORT.md`]:
    '# Rapport\n\n### 1.a — La fin du conteneur\n\nLe conteneur ne vit que tant que son processus principal tourne : python affiche le message puis se termine, donc le conteneur passe en Exited avec le code 0.\n',
};

let copy: string;

async function inCopy(command: string, args: string[]) {
  const result = await execa(command, args, { cwd: copy, reject: false, env: machineEnv({ GITHUB_ACTIONS: '', CI: '' }), extendEnv: false, stdin: 'ignore' });
  expect(result.exitCode, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(async () => {
  copy = await copyProject(ROOT, 'probe-lab-');
  // The folder, by hand; then the two generators.
  for (const [rel, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(copy, rel)), { recursive: true });
    await writeFile(join(copy, rel), text);
  }
  await inCopy('npm', ['run', '-s', 'rubric:sync']);
  await inCopy('npm', ['run', '-s', 'manifest']);
}, 120_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('a probe lab added as one folder in a copy of the project', { timeout: 300_000 }, () => {
  test('the change is the folder and the files the generators write', async () => {
    const { stdout } = await inCopy('git', ['status', '--porcelain', '--untracked-files=all']);
    const changed = stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(changed.filter((path) => !path.startsWith(`${LAB}/`))).toEqual(['grader/manifest.json', 'labs/index.ts'].sort());
    expect(changed).toEqual(expect.arrayContaining([`${LAB}/vocabulary-stems.ts`, `${LAB}/REPORT.md`]));
    expect(await readFile(join(copy, LAB, 'README.md'), 'utf8')).toMatch(/program\.command-override.*\| 10 \|/);
  });

  // Engine-independent: checked once, not again in the passes of the other engines.
  test.skipIf(process.env.DOCKER_LAB_CORPUS === 'docker')('the copy type-checks', async () => {
    await inCopy('npm', ['run', '-s', 'typecheck']);
  });

  test('its reference gets full marks end to end on the engine, and a program that ignores QUI loses program.env', async () => {
    const out = join(copy, 'probe-grade.json');
    await inCopy('npm', ['run', '-s', 'grade', '--', '--lab', 'probe-lab', `${LAB}/reference`, '--json', out]);
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    expect(report.criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect([report.score, report.maxScore]).toEqual([100, 100]);

    await cp(join(copy, LAB, 'reference'), join(copy, 'broken'), { recursive: true });
    await writeFile(join(copy, 'broken/starter/salut.py'), 'print("Salut !")\n');
    const broken = join(copy, 'broken-grade.json');
    await inCopy('npm', ['run', '-s', 'grade', '--', '--lab', 'probe-lab', 'broken', '--json', broken]);
    const lost = (JSON.parse(await readFile(broken, 'utf8')) as GradeReport).criteria.filter((c) => c.status !== 'pass').map((c) => c.id);
    expect(lost).toEqual(['program.env']);
  });
});
