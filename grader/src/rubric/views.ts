// The rubric's views that are pure functions of a rubric: the README's « Barème » table, the legacy
// autograding.json, and the workflow's rubric-dependent lines. `npm run rubric:sync` writes them in
// the repository; `npm run export:template -- --lab <id>` writes them for that lab's template.
import type { Rubric, RubricSettings } from './rubric.ts';

/** The rubric an exported template or the repository's root grades with. */
export const RUBRIC_FILE = '.github/classroom/rubric.yml';

export class SyncError extends Error {}

function totalPoints(rubric: Rubric, group?: string): number {
  let total = 0;
  for (const c of rubric.criteria.values()) if (!group || c.group === group) total += c.points;
  return total;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's « Barème » table (French). */
export function renderReadmeTable(rubric: Rubric, from = RUBRIC_FILE): string {
  const lines = [
    `_Généré par \`npm run rubric:sync\` à partir de \`${from}\` : ne pas modifier à la main._`,
    '',
    '| Groupe | Critère | Intitulé | Points |',
    '|---|---|---|---:|',
  ];
  for (const [group, label] of Object.entries(rubric.groups)) {
    for (const c of rubric.criteria.values()) {
      if (c.group !== group) continue;
      lines.push(`| ${cell(label)} | \`${c.id}\` | ${cell(c.title)} | ${c.points === 0 ? '« conseil »' : c.points} |`);
    }
  }
  lines.push(`| **Total** | | | **${totalPoints(rubric)}** |`);
  lines.push('', 'Les critères « conseil » valent 0 point : le correcteur les signale sans pénalité.');
  return lines.join('\n');
}

/** Worst case of one full grading run, in seconds: every Docker phase reaching its deadline. */
export function worstCaseSeconds(s: RubricSettings): number {
  const image = s.buildTimeoutSeconds + s.startupTimeoutSeconds + s.stopLimitSeconds;
  const stack = 3 * s.stackTimeoutSeconds + s.startupTimeoutSeconds; // up, down, up again; /health
  return image + stack;
}

function groupTimeoutMinutes(rubric: Rubric, group: string, dynamicIds: readonly string[]): number {
  const dynamic = [...rubric.criteria.values()].some((c) => c.group === group && dynamicIds.includes(c.id));
  return dynamic ? Math.ceil(worstCaseSeconds(rubric.settings) / 60) + 1 : 2;
}

/**
 * Legacy `.github/classroom/autograding.json`: one test per group worth points; it passes on full
 * marks. A group with a criterion of `dynamicIds` (judged on a Docker engine) gets the worst case of
 * a full run as its timeout.
 */
export function renderAutograding(rubric: Rubric, dynamicIds: readonly string[]): string {
  const groups = Object.keys(rubric.groups).filter((g) => totalPoints(rubric, g) > 0);
  const tests = groups.map((group, index) => ({
    name: `${rubric.groups[group]} (${group})`,
    setup: index === 0 ? 'npm ci --omit=dev --no-audit --no-fund' : '',
    run: `npm run grade -- . --group ${group} --require-full`,
    input: '',
    output: '',
    comparison: 'included',
    timeout: groupTimeoutMinutes(rubric, group, dynamicIds),
    points: totalPoints(rubric, group),
  }));
  return `${JSON.stringify({ tests }, null, 2)}\n`;
}

/** The workflow's rubric-dependent lines: the job deadline and the total the last step checks. */
export function renderWorkflowBlock(rubric: Rubric): string[] {
  return [
    `timeout-minutes: ${Math.ceil(worstCaseSeconds(rubric.settings) / 60) + 5}`,
    'env:',
    `  MAX_SCORE: ${totalPoints(rubric)}`,
  ];
}

/** Replaces the lines strictly between the begin and end markers (each on its own line). */
export function replaceBetween(text: string, begin: RegExp, end: RegExp, render: (indent: string) => string[], file: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => begin.test(line));
  const stop = lines.findIndex((line, i) => i > start && end.test(line));
  if (start < 0 || stop < 0) throw new SyncError(`${file}: markers ${begin} … ${end} not found`);
  const indent = /^\s*/.exec(lines[start]!)![0];
  const body = render(indent).map((line) => (line ? `${indent}${line}` : line));
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(stop)].join('\n');
}

