import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { DYNAMIC_IDS } from '../../grader/src/checks/catalogue.ts';
import { TEMPLATE_DIR } from '../support/submission.ts';
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
