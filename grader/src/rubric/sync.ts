import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DYNAMIC_IDS } from '../run/dynamic.ts';
import { parseRubric, type Rubric, type RubricSettings } from './rubric.ts';

// Every view of the rubric that lives in a committed file is generated here from
// `.github/classroom/rubric.yml`: the README's « Barème » table, the legacy
// `.github/classroom/autograding.json`, and the rubric-dependent block of the workflow.

export const RUBRIC_FILE = '.github/classroom/rubric.yml';
export const README_FILE = 'README.md';
export const AUTOGRADING_FILE = '.github/classroom/autograding.json';
export const WORKFLOW_FILE = '.github/workflows/classroom.yml';

export class SyncError extends Error {}

function totalPoints(rubric: Rubric, group?: string): number {
  let total = 0;
  for (const c of rubric.criteria.values()) if (!group || c.group === group) total += c.points;
  return total;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's « Barème » table (French). */
export function renderReadmeTable(rubric: Rubric): string {
  const lines = [
    '_Généré par `npm run rubric:sync` à partir de `.github/classroom/rubric.yml` : ne pas modifier à la main._',
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

function groupTimeoutMinutes(rubric: Rubric, group: string): number {
  const dynamic = [...rubric.criteria.values()].some((c) => c.group === group && DYNAMIC_IDS.includes(c.id));
  return dynamic ? Math.ceil(worstCaseSeconds(rubric.settings) / 60) + 1 : 2;
}

/** Legacy `.github/classroom/autograding.json`: one test per group worth points; it passes on full marks. */
export function renderAutograding(rubric: Rubric): string {
  const groups = Object.keys(rubric.groups).filter((g) => totalPoints(rubric, g) > 0);
  const tests = groups.map((group, index) => ({
    name: `${rubric.groups[group]} (${group})`,
    setup: index === 0 ? 'npm ci --no-audit --no-fund' : '',
    run: `npm run grade -- . --group ${group} --require-full`,
    input: '',
    output: '',
    comparison: 'included',
    timeout: groupTimeoutMinutes(rubric, group),
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

export interface SyncedFile {
  path: string;
  current: string | undefined;
  expected: string;
}

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** What every generated view should contain, given the rubric under `root`. */
export async function plan(root: string): Promise<SyncedFile[]> {
  const rubric = parseRubric(await readFile(join(root, RUBRIC_FILE), 'utf8'));
  const readme = await readOptional(join(root, README_FILE));
  const workflow = await readOptional(join(root, WORKFLOW_FILE));
  if (readme === undefined) throw new SyncError(`${README_FILE} not found`);
  if (workflow === undefined) throw new SyncError(`${WORKFLOW_FILE} not found`);
  return [
    {
      path: README_FILE,
      current: readme,
      expected: replaceBetween(readme, /^<!-- rubric:begin -->$/, /^<!-- rubric:end -->$/, () => renderReadmeTable(rubric).split('\n'), README_FILE),
    },
    { path: AUTOGRADING_FILE, current: await readOptional(join(root, AUTOGRADING_FILE)), expected: renderAutograding(rubric) },
    {
      path: WORKFLOW_FILE,
      current: workflow,
      expected: replaceBetween(workflow, /^\s*# rubric:begin\b/, /^\s*# rubric:end\b/, () => renderWorkflowBlock(rubric), WORKFLOW_FILE),
    },
  ];
}

/** Files whose committed content differs from what the rubric gives. */
export async function drift(root: string): Promise<string[]> {
  return (await plan(root)).filter((f) => f.current !== f.expected).map((f) => f.path);
}

/** Rewrites the generated views; returns the files that changed. */
export async function sync(root: string): Promise<string[]> {
  const changed: string[] = [];
  for (const file of await plan(root)) {
    if (file.current === file.expected) continue;
    await writeFile(join(root, file.path), file.expected);
    changed.push(file.path);
  }
  return changed;
}
