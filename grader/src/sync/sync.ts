import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderVocabularyStems, vocabularyStemsFile } from './vocabulary-stems.ts';
import { renderReportTemplate } from '../lab/render-report-template.ts';
import type { Lab } from '../lab/lab.ts';
import { parseRubric, type Rubric, type RubricSettings } from '../rubric/rubric.ts';

// Every view of the rubric that lives in a committed file is generated here from
// `.github/classroom/rubric.yml`: the README's « Barème » table, the legacy
// `.github/classroom/autograding.json`, the rubric-dependent block of the workflow, and the
// grader's catalogue: the id list (`model/criterion-ids.ts`) and the registry of criterion modules
// (`checks/registry.ts`), one module `grader/src/checks/<group>/<name>.ts` per id `<group>.<name>`.
// It scans and writes both `model/` and `checks/`, so it sits above them (layer 13); the grader
// never runs it: only maintainers do, through `npm run rubric:sync`.

export const RUBRIC_FILE = '.github/classroom/rubric.yml';
export const README_FILE = 'README.md';
export const AUTOGRADING_FILE = '.github/classroom/autograding.json';
export const WORKFLOW_FILE = '.github/workflows/classroom.yml';
export const CRITERION_IDS_FILE = 'grader/src/model/criterion-ids.ts';
export const REGISTRY_FILE = 'grader/src/checks/registry.ts';
const CHECKS_DIR = 'grader/src/checks';
export const LABS_DIR = 'labs';
export const LAB_INDEX_FILE = 'labs/index.ts';
/** The lab whose student template is the repository's root (README.md, REPORT.md…), graded with RUBRIC_FILE. */
export const ROOT_LAB = 'csc8613-tp1';

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

/** The module of criterion `id` (`<group>.<name>`), relative to the repository. */
export function criterionModulePath(id: string): string {
  const [group, name] = id.split('.');
  return `${CHECKS_DIR}/${group}/${name}.ts`;
}

/** A criterion module as `npm run rubric:sync` found it: its id and its kind. */
export interface FoundCriterion {
  id: string;
  kind: 'static' | 'dynamic';
}

/**
 * Imports the module of every rubric id under `root` and checks that it exports `criterion` with
 * that id and a kind: the registry only lists modules that hold what their path promises.
 */
export async function findCriteria(root: string, ids: readonly string[]): Promise<FoundCriterion[]> {
  const found: FoundCriterion[] = [];
  for (const id of ids) {
    const path = criterionModulePath(id);
    let module: { criterion?: { id?: unknown; kind?: unknown } };
    try {
      module = (await import(pathToFileURL(join(root, path)).href)) as typeof module;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(path);
      throw new SyncError(
        missing
          ? `${RUBRIC_FILE}: criterion "${id}" has no module ${path} (it must export \`criterion\` with id '${id}')`
          : `${path}: cannot be loaded: ${(error as Error).message}`,
      );
    }
    const criterion = module.criterion;
    if (!criterion || typeof criterion !== 'object') throw new SyncError(`${path}: exports no \`criterion\` (expected the descriptor of "${id}")`);
    if (criterion.id !== id) throw new SyncError(`${path}: criterion.id is ${JSON.stringify(criterion.id)}, expected "${id}" (a criterion's module is named after its id: <group>/<name>.ts)`);
    if (criterion.kind !== 'static' && criterion.kind !== 'dynamic') throw new SyncError(`${path}: criterion.kind must be 'static' or 'dynamic'`);
    found.push({ id, kind: criterion.kind });
  }
  return found;
}

/**
 * Criterion modules under `root` that the rubric does not name (a module exporting `criterion`
 * whose rubric line was forgotten would otherwise never be graded).
 */
export async function unlistedCriterionModules(root: string, ids: readonly string[]): Promise<string[]> {
  const listed = new Set(ids.map(criterionModulePath));
  const unlisted: string[] = [];
  for (const folder of await readdir(join(root, CHECKS_DIR), { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of await readdir(join(root, CHECKS_DIR, folder.name))) {
      const path = `${CHECKS_DIR}/${folder.name}/${file}`;
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || listed.has(path)) continue;
      if (/^export const criterion\b/m.test(await readFile(join(root, path), 'utf8'))) unlisted.push(path);
    }
  }
  return unlisted.sort();
}

const GENERATED = (what: string) => [
  `// Generated by \`npm run rubric:sync\` from ${RUBRIC_FILE}: do not edit by hand.`,
  `// ${what}`,
];

/** `model/criterion-ids.ts`: the catalogue's ids as literals, in the rubric's order. */
export function renderCriterionIds(ids: readonly string[]): string {
  return [
    ...GENERATED('The stable ids of the catalogue, in the rubric\'s order (CriterionId is their union).'),
    'export const CRITERION_IDS = [',
    ...ids.map((id) => `  '${id}',`),
    '] as const;',
    '',
  ].join('\n');
}

/** An import statement of generated code (written so that no scan of this file's own imports mistakes it for one). */
const importLine = (what: string, path: string) => ['import', what, 'from', `'${path}';`].join(' ');

/** `checks/registry.ts`: one import per criterion module, listed in the rubric's order. */
export function renderRegistry(ids: readonly string[]): string {
  const local = (id: string) => id.replace(/[^a-z0-9]+/g, '_');
  return [
    ...GENERATED('Every criterion module, in the rubric\'s order; a criterion `<group>.<name>` is checks/<group>/<name>.ts.'),
    importLine('type { Criterion }', './criterion.ts'),
    ...ids.map((id) => importLine(`{ criterion as ${local(id)} }`, `./${criterionModulePath(id).slice(CHECKS_DIR.length + 1)}`)),
    '',
    'export const CRITERIA: readonly Criterion[] = [',
    ...ids.map((id) => `  ${local(id)},`),
    '];',
    '',
  ].join('\n');
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

/** The folders of labs/ (each holds a lab.ts), sorted. */
export async function labFolders(root: string): Promise<string[]> {
  const entries = await readdir(join(root, LABS_DIR), { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await readOptional(join(root, LABS_DIR, entry.name, 'lab.ts'))) !== undefined) folders.push(entry.name);
  }
  return folders.sort((a, b) => (a === ROOT_LAB ? -1 : b === ROOT_LAB ? 1 : a.localeCompare(b)));
}

/** The rubric of a lab: the repository's for the root lab, `labs/<id>/rubric.yml` for the others. */
export function labRubricFile(id: string): string {
  return id === ROOT_LAB ? RUBRIC_FILE : `${LABS_DIR}/${id}/rubric.yml`;
}

/** `labs/index.ts`: every lab folder, imported, by its name. */
export function renderLabIndex(ids: readonly string[]): string {
  const local = (id: string) => id.replace(/[^a-z0-9]+/g, '_');
  return [
    '// Generated by `npm run rubric:sync` from the folders of labs/: do not edit by hand.',
    '// Every lab the grader knows, by its folder\'s name; a rubric names the lab it grades (`lab:`).',
    importLine('type { Lab }', '../grader/src/lab/lab.ts'),
    ...ids.map((id) => importLine(`{ lab as ${local(id)} }`, `./${id}/lab.ts`)),
    '',
    'export const LABS: ReadonlyMap<string, Lab> = new Map([',
    ...ids.map((id) => `  ['${id}', ${local(id)}],`),
    ']);',
    '',
  ].join('\n');
}

const EMPTY_STEMS = [
  '// Generated by `npm run rubric:sync`: do not edit by hand.',
  'export const VOCABULARY_STEMS: Readonly<Record<string, readonly string[]>> = {};',
  'export const WORDING_STEMS: Readonly<Record<string, readonly string[]>> = {};',
  '',
].join('\n');

/** Loads a lab's lab.ts; a lab folder new to the grader gets an empty stems file first, for its import. */
async function importLab(root: string, id: string): Promise<Lab> {
  const stems = join(root, vocabularyStemsFile(id));
  if ((await readOptional(stems)) === undefined) await writeFile(stems, EMPTY_STEMS);
  const module = (await import(pathToFileURL(join(root, LABS_DIR, id, 'lab.ts')).href)) as { lab?: Lab };
  if (!module.lab || module.lab.id !== id) throw new SyncError(`${LABS_DIR}/${id}/lab.ts: must export \`lab\` (defineLab) with id '${id}'`);
  return module.lab;
}

/** What every generated view should contain, given the labs and their rubrics under `root`. */
export async function plan(root: string): Promise<SyncedFile[]> {
  const labIds = await labFolders(root);
  const rubric = parseRubric(await readFile(join(root, RUBRIC_FILE), 'utf8'), 'any');
  const ids = [...rubric.criteria.keys()];
  const labViews: SyncedFile[] = [{ path: LAB_INDEX_FILE, current: await readOptional(join(root, LAB_INDEX_FILE)), expected: renderLabIndex(labIds) }];
  for (const id of labIds) {
    const lab = await importLab(root, id);
    labViews.push({ path: vocabularyStemsFile(id), current: await readOptional(join(root, vocabularyStemsFile(id))), expected: await renderVocabularyStems(lab) });
    if (id === ROOT_LAB) continue;
    const labRubric = parseRubric(await readFile(join(root, labRubricFile(id)), 'utf8'), 'any');
    if (labRubric.lab !== id) throw new SyncError(`${labRubricFile(id)}: "lab: ${labRubric.lab}", expected "lab: ${id}"`);
    for (const criterion of labRubric.criteria.keys()) if (!ids.includes(criterion)) ids.push(criterion);
    const reportFile = `${LABS_DIR}/${id}/REPORT.md`;
    labViews.push({ path: reportFile, current: await readOptional(join(root, reportFile)), expected: renderReportTemplate(lab.report) });
    const readmeFile = `${LABS_DIR}/${id}/README.md`;
    const labReadme = await readOptional(join(root, readmeFile));
    if (labReadme === undefined) throw new SyncError(`${readmeFile} not found`);
    labViews.push({
      path: readmeFile,
      current: labReadme,
      expected: replaceBetween(labReadme, /^<!-- rubric:begin -->$/, /^<!-- rubric:end -->$/, () => renderReadmeTable(labRubric, labRubricFile(id)).split('\n'), readmeFile),
    });
  }
  const criteria = await findCriteria(root, ids);
  const unlisted = await unlistedCriterionModules(root, ids);
  if (unlisted.length > 0) {
    throw new SyncError(`${unlisted.join(', ')}: a criterion module that ${RUBRIC_FILE} does not list (add its line to the rubric, or delete the module)`);
  }
  const dynamicIds = criteria.filter((c) => c.kind === 'dynamic').map((c) => c.id);
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
    { path: AUTOGRADING_FILE, current: await readOptional(join(root, AUTOGRADING_FILE)), expected: renderAutograding(rubric, dynamicIds) },
    {
      path: WORKFLOW_FILE,
      current: workflow,
      expected: replaceBetween(workflow, /^\s*# rubric:begin\b/, /^\s*# rubric:end\b/, () => renderWorkflowBlock(rubric), WORKFLOW_FILE),
    },
    { path: CRITERION_IDS_FILE, current: await readOptional(join(root, CRITERION_IDS_FILE)), expected: renderCriterionIds(ids) },
    { path: REGISTRY_FILE, current: await readOptional(join(root, REGISTRY_FILE)), expected: renderRegistry(ids) },
    ...labViews,
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
