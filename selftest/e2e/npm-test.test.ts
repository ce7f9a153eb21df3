import { DYNAMIC_IDS } from '../support/root-lab.ts';
import { execa } from 'execa';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';

import { exportTemplate } from '../../grader/src/export/template.ts';
import { EXIT_CODES } from '../../grader/src/output/crash.ts';
import { REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';
import { machineEnv } from '../support/env.ts';

// `npm test` as a student reads it, on the untouched template: the real command, its real output,
// with a Docker engine, without one, and in static mode. One French report: a line per criterion,
// the French message under what is not passed, one total; nothing of vitest's own output.

const rubric = await loadRubric();
const dynamicPoints = DYNAMIC_IDS.reduce((sum, id) => sum + (rubric.criteria.get(id)?.points ?? 0), 0);

async function npmTest(extra: Record<string, string> = {}) {
  const run = await execa('npm', ['test'], { cwd: TEMPLATE_DIR, env: machineEnv(extra), extendEnv: false, reject: false, stdin: 'ignore', all: true });
  return { exitCode: run.exitCode, output: run.all ?? '' };
}

interface Line {
  mark: string;
  id: string;
  points: string;
  details: string[];
}

/** The criterion lines of the report (`  ✓ Title   2/2  dockerfile.present`) and the lines under each. */
function criterionLines(output: string): Line[] {
  const lines: Line[] = [];
  for (const line of output.split('\n')) {
    const row = /^ {2}([✓✗–·]) .*?\s(\S+\/\d+|conseil) {2}([a-z0-9-]+\.[a-z0-9-]+)$/.exec(line);
    if (row) lines.push({ mark: row[1]!, points: row[2]!, id: row[3]!, details: [] });
    else if (line.startsWith('      ') && lines.length > 0) lines.at(-1)!.details.push(line.trim());
  }
  return lines;
}

function expectOneFrenchReport(output: string): Line[] {
  expect(output).not.toMatch(/No test suite found|AssertionError|expected .* to (be|equal)|Test Files|Tests\s+\d+ (failed|passed)|❯|^\s*\d+\s*\|/m);
  expect(output).not.toMatch(/\x1b\[/); // not a TTY: no colour
  const lines = criterionLines(output);
  expect(lines.map((l) => l.id).sort()).toEqual([...rubric.criteria.keys()].sort());
  for (const line of lines) {
    // ✓ only on what passes: a passed criterion carries no message; anything else carries its French note.
    if (line.mark === '✓') expect(line.details, line.id).toEqual([]);
    else expect(line.details.length, line.id).toBeGreaterThan(0);
    // Advice not followed is skipped with its advice, never ✓ and never ✗.
    if (line.points === 'conseil' && line.mark !== '✓') {
      expect(line.mark, line.id).toBe('–');
      expect(line.details[0], line.id).toMatch(/conseil : /);
    }
  }
  return lines;
}

function lastLine(output: string): string {
  return output.trimEnd().split('\n').at(-1)!;
}

describe('npm test on the untouched template', () => {
  test('with an engine: every criterion judged, failures in French, exit 1, ends with the total', { timeout: 600_000 }, async () => {
    const run = await npmTest();
    const lines = expectOneFrenchReport(run.output);
    expect(lines.filter((l) => DYNAMIC_IDS.includes(l.id as never)).every((l) => l.mark === '✗')).toBe(true); // the skeleton does not build
    expect(lastLine(run.output)).toMatch(/^Note : \d+\/100$/);
    expect(run.exitCode).toBe(1);
  });

  test('without an engine (DOCKER_HOST names no socket): Docker criteria skipped with the reason, counted as not evaluated', { timeout: 300_000 }, async () => {
    // DOCKER_HOST wins over any Docker context, as for the docker CLI.
    const run = await npmTest({ DOCKER_HOST: 'unix:///nonexistent/docker-lab-no-engine.sock' });
    const lines = expectOneFrenchReport(run.output);
    for (const line of lines.filter((l) => DYNAMIC_IDS.includes(l.id as never))) {
      expect(line.mark, line.id).toBe('–');
      expect(line.details[0], line.id).toMatch(/Docker ne répond pas/);
    }
    // The reason names the address tried and what chose it (here the DOCKER_HOST variable).
    expect(lastLine(run.output)).toMatch(new RegExp(`^Note : \\d+/100 — ${dynamicPoints} points non évalués \\(Docker ne répond pas \\(adresse \`unix:///nonexistent/[^\`]+\`, donnée par la variable \`DOCKER_HOST\`\\)\\)$`));
    expect(run.exitCode).toBe(1); // static criteria of the skeleton fail
  });

  test('in static mode (GRADE_STATIC_ONLY=1): the same, with the static mode as the reason; no empty suite', { timeout: 300_000 }, async () => {
    const run = await npmTest({ GRADE_STATIC_ONLY: '1' });
    const lines = expectOneFrenchReport(run.output);
    for (const line of lines.filter((l) => DYNAMIC_IDS.includes(l.id as never))) expect(line.mark, line.id).toBe('–');
    expect(lastLine(run.output)).toMatch(new RegExp(`^Note : \\d+/100 — ${dynamicPoints} points non évalués \\(mode statique sans Docker\\)$`));
    expect(run.exitCode).toBe(1);
  });
});

// A student's first `npm test` on a fresh template: the progress they see (through a terminal and
// through a pipe, timed chunk by chunk), then a grader failure (a broken rubric) as they would read it.

/** What a command printed, chunk by chunk, with the time each chunk arrived (ms since the spawn). */
interface Timed {
  exitCode?: number;
  chunks: Array<{ at: number; text: string }>;
  output: string;
}

async function timedRun(file: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Timed> {
  const start = performance.now();
  const chunks: Timed['chunks'] = [];
  const child = execa(file, args, { cwd, env: machineEnv(extra), extendEnv: false, reject: false, stdin: 'ignore', all: true, buffer: false, encoding: 'utf8' });
  child.all?.on('data', (text: string) => chunks.push({ at: performance.now() - start, text }));
  const done = await child;
  return { exitCode: done.exitCode, chunks, output: chunks.map((c) => c.text).join('') };
}

/**
 * The progress as a student sees it: the first progress line within 2 s of the command's own start
 * (npm's `> …` header: npm's start-up is not the grader's), then output at least every 10 s until
 * the report's first line.
 */
function expectSteadyProgress(run: Timed): void {
  const when = (pattern: RegExp) => {
    let seen = '';
    for (const chunk of run.chunks) {
      seen += chunk.text;
      if (pattern.test(seen)) return chunk.at;
    }
    throw new Error(`never printed: ${pattern}\n${run.output.slice(-3000)}`);
  };
  const commandStart = when(/> docker-lab-autograder@\S+ test/);
  const first = when(/\[0 s\] Correction en cours : chargement du correcteur…/);
  const report = when(/Exercice 3 — Dockerfile — /);
  expect(first - commandStart, 'first progress line after the command starts (ms)').toBeLessThanOrEqual(2_000);
  const times = run.chunks.map((c) => c.at).filter((at) => at >= first && at <= report);
  const gaps = times.slice(1).map((at, i) => at - times[i]!);
  expect(Math.max(...gaps), 'longest silence before the report (ms)').toBeLessThanOrEqual(10_000);
}

/** A report, not a grader failure: 0 with full marks, 1 otherwise (a loaded machine can make docker stop slow). */
function expectScoreExitCode(run: Timed): void {
  const full = /^Note : 100\/100$/m.test(run.output.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, ''));
  expect(run.exitCode, run.output.slice(-3000)).toBe(full ? EXIT_CODES.fullMarks : EXIT_CODES.pointsMissing);
}

describe('npm test on a fresh template: progress through a terminal and a pipe, a grader failure in French', () => {
  let tmp: string;
  let dir: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'docker-lab-progress-'));
    dir = join(tmp, 'template');
    await exportTemplate(dir);
    await symlink(join(TEMPLATE_DIR, 'node_modules'), join(dir, 'node_modules'));
    // The student's work: the reference solution, so that the whole run happens (build, container, stack).
    for (const entry of ['starter', 'docker-compose.yml', 'REPORT.md', 'captures']) {
      await rm(join(dir, entry), { recursive: true, force: true });
      await cp(join(REFERENCE_DIR, entry), join(dir, entry), { recursive: true });
    }
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  /** A requirements.txt no build has seen: its COPY, pip install and everything after run again. */
  const freshLayers = () => appendFile(join(dir, 'starter/requirements.txt'), `# ${Math.random().toString(36).slice(2)}\n`);

  test('through a pseudo-terminal: the phase lines stay, one live line is redrawn in place with the build step, then the report', { timeout: 600_000 }, async () => {
    await freshLayers();
    const run = await timedRun('script', ['-qefc', 'stty cols 120 rows 40; npm test', '/dev/null'], dir);
    expectSteadyProgress(run);
    const progress = run.output.slice(0, run.output.indexOf('Exercice 3 — Dockerfile'));
    expect(progress).toMatch(/\r\x1b\[2K\[[^\]]+\] construction de l'image — étape \d+\/\d+ : RUN pip install/);
    for (const phase of ["Construction de l'image de starter/", 'Démarrage de la pile Compose', 'Correction terminée : voici le résultat.']) expect(progress).toContain(phase);
    expectScoreExitCode(run);
  });

  test('through a pipe: plain lines only (a line per phase and per build step, a « toujours en cours » when a phase lasts), then the report', { timeout: 600_000 }, async () => {
    await freshLayers();
    const run = await timedRun('npm', ['test'], dir);
    expectSteadyProgress(run);
    expect(run.output).not.toMatch(/[\r\x1b]/);
    const lines = run.output.slice(0, run.output.indexOf('Exercice 3 — Dockerfile')).split('\n').filter((line) => line.startsWith('['));
    expect(lines[0]).toBe('[0 s] Correction en cours : chargement du correcteur…');
    expect(lines.some((line) => /^\[[^\]]+\] {3}étape \d+\/\d+ : RUN pip install/.test(line)), lines.join('\n')).toBe(true);
    for (const phase of ["Construction de l'image de starter/", 'Démarrage de la pile Compose', 'Nettoyage']) expect(lines.some((line) => line.includes(phase)), phase).toBe(true);
    expect(lines.at(-1)).toMatch(/^\[\d+ (min \d+ )?s\] Correction terminée : voici le résultat\.$/);
    expectScoreExitCode(run);
  });

  test('a rubric that is not YAML: npm test and npm run grade say so in French with the fix, no stack, exit code 3', { timeout: 300_000 }, async () => {
    const rubric = join(dir, '.github/classroom/rubric.yml');
    const original = await readFile(rubric, 'utf8');
    try {
      await writeFile(rubric, 'criteria:\n  dockerfile.present: [1, 2\n');
      const run = await timedRun('npm', ['test'], dir, { GRADE_STATIC_ONLY: '1' });
      expect(run.output).toContain('Le correcteur a échoué : aucune note n’a été calculée. Ce n’est pas une note basse.');
      expect(run.output).toMatch(/Cause : Le barème `\.github\/classroom\/rubric\.yml:\d+` n'est pas du YAML valide\./);
      expect(run.output).toContain('Que faire : Ce fichier appartient au correcteur : restaurez-le avec `git checkout -- .github/classroom/rubric.yml`');
      const detail = /Détail technique \(pour l'enseignant\) : (\S+)/.exec(run.output)?.[1];
      expect(await readFile(detail!, 'utf8')).toMatch(/YAMLParseError/);
      expect(run.output.match(/Le correcteur a échoué/g)).toHaveLength(1);
      expect(run.output).not.toMatch(/^\s+at |Unhandled|YAMLParseError|Error:|⎯/m);
      expect(run.exitCode).toBe(EXIT_CODES.graderFailure);

      // A folder where the rubric should be, through the command line.
      await rm(rubric);
      await mkdir(rubric);
      const grade = await execa('npm', ['run', '--silent', 'grade', '--', '.', '--static-only'], { cwd: dir, env: machineEnv(), extendEnv: false, reject: false, stdin: 'ignore', all: true });
      expect(grade.all).toMatch(/Cause : Le barème `\.github\/classroom\/rubric\.yml` est un dossier, pas un fichier\./);
      expect(grade.all).not.toMatch(/^\s+at |Error:/m);
      expect(grade.exitCode).toBe(EXIT_CODES.graderFailure);
    } finally {
      await rm(rubric, { recursive: true, force: true });
      await writeFile(rubric, original);
    }
  });
});
