import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderVocabularyStems, vocabularyStemsFile } from './vocabulary-stems.ts';
import { renderReportTemplate } from '../lab/render-report-template.ts';
import type { Lab } from '../lab/lab.ts';
import { parseRubric, type Rubric } from '../rubric/rubric.ts';
import { RUBRIC_FILE, SyncError, renderAutograding, renderReadmeTable, renderWorkflowBlock, replaceBetween } from '../rubric/views.ts';
import { ROOT_LAB, readIfPresent, rootCopies, type RootCopy } from '../integrity/root-copies.ts';
import { assertRootCopiesUnedited, copyState } from './root-export.ts';

export { RUBRIC_FILE, SyncError, renderAutograding, renderReadmeTable, renderWorkflowBlock, replaceBetween, worstCaseSeconds } from '../rubric/views.ts';

// Every view of the labs' rubrics that lives in a committed file is generated here: each lab's
// README « Barème » table, REPORT.md and vocabulary stems; the root's copy of the root lab's student
// template (integrity/root-copies.ts, root-export.ts), the legacy `.github/classroom/autograding.json` and the
// rubric-dependent block of the workflow; and the grader's catalogue: the id list
// (`model/criterion-ids.ts`) and the registry of criterion modules (`checks/registry.ts`), one
// module `grader/src/checks/<group>/<name>.ts` per id `<group>.<name>`.
// It scans and writes both `model/` and `checks/`, so it sits above them (layer 13); the grader
// never runs it: only maintainers do, through `npm run rubric:sync`.

export const README_FILE = 'README.md';
export const AUTOGRADING_FILE = '.github/classroom/autograding.json';
export const WORKFLOW_FILE = '.github/workflows/classroom.yml';
export const CRITERION_IDS_FILE = 'grader/src/model/criterion-ids.ts';
export const REGISTRY_FILE = 'grader/src/checks/registry.ts';
const CHECKS_DIR = 'grader/src/checks';
export const LABS_DIR = 'labs';
export const LAB_INDEX_FILE = 'labs/index.ts';
export { ROOT_LAB } from '../integrity/root-copies.ts';

/** The module of criterion `id` (`<group>.<name>`), relative to the repository. */
export function criterionModulePath(id: string): string {
  const [group, name] = id.split('.');
  return `${CHECKS_DIR}/${group}/${name}.ts`;
}

/** A criterion module as `npm run rubric:sync` found it: its id and its kind. */
export interface FoundCriterion {
  id: string;
  kind: 'static' | 'dynamic';
  /** The phase a dynamic criterion observes. */
  observes?: string;
}

/**
 * Imports the module of every rubric id under `root` and checks that it exports `criterion` with
 * that id and a kind: the registry only lists modules that hold what their path promises.
 */
export async function findCriteria(root: string, ids: readonly string[]): Promise<FoundCriterion[]> {
  const found: FoundCriterion[] = [];
  for (const id of ids) {
    const path = criterionModulePath(id);
    let module: { criterion?: { id?: unknown; kind?: unknown; observes?: unknown } };
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
    found.push({ id, kind: criterion.kind, ...(typeof criterion.observes === 'string' ? { observes: criterion.observes } : {}) });
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
  /** Undefined for a root copy whose source is missing from the lab's folder. */
  expected: string | undefined;
  /** Set on the root's copies of the root lab's folder. */
  copyOf?: RootCopy;
  /** How `current` and `expected` encode the file's bytes (Latin-1 for a copy of bytes; default UTF-8). */
  encoding?: BufferEncoding;
}

async function readOptional(path: string): Promise<string | undefined> {
  return (await readIfPresent(path))?.toString('utf8');
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

/** The rubric of a lab, in its folder (the root's RUBRIC_FILE is a copy of the root lab's). */
export function labRubricFile(id: string): string {
  return `${LABS_DIR}/${id}/rubric.yml`;
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

/**
 * Loads a lab's lab.ts. A lab folder new to the grader has no stems file yet, which its lab.ts
 * imports: sync writes an empty one first (then the real one); a check only says it is missing.
 */
async function importLab(root: string, id: string, mode: PlanMode): Promise<Lab> {
  const stems = join(root, vocabularyStemsFile(id));
  if ((await readOptional(stems)) === undefined) {
    if (mode === 'check') throw new SyncError(`${vocabularyStemsFile(id)} is missing: run npm run rubric:sync`);
    await writeFile(stems, EMPTY_STEMS);
  }
  const module = (await import(pathToFileURL(join(root, LABS_DIR, id, 'lab.ts')).href)) as { lab?: Lab };
  if (!module.lab || module.lab.id !== id) throw new SyncError(`${LABS_DIR}/${id}/lab.ts: must export \`lab\` (defineLab) with id '${id}'`);
  return module.lab;
}

/** The contract of a lab that a phase of the dynamic run needs. */
const PHASE_CONTRACT: Readonly<Record<string, 'service' | 'program' | 'stack'>> = { container: 'service', program: 'program', stack: 'stack' };

/**
 * A lab's rubric may pick a dynamic criterion only when the lab has the contract of the phase it
 * observes (an HTTP service for `container`, a program for `program`, a stack for `stack`).
 */
export function contractProblems(labId: string, lab: Lab, picked: readonly string[], criteria: readonly FoundCriterion[]): string[] {
  const problems: string[] = [];
  for (const criterion of criteria) {
    const contract = criterion.observes ? PHASE_CONTRACT[criterion.observes] : undefined;
    if (contract && picked.includes(criterion.id) && !lab[contract]) {
      problems.push(`${labRubricFile(labId)}: ${criterion.id} observes the ${criterion.observes} phase, and labs/${labId}/lab.ts has no \`${contract}\` contract`);
    }
  }
  return problems;
}

/** `check` writes nothing; `sync` may create a new lab's empty stems file, which its lab.ts needs to load. */
export type PlanMode = 'check' | 'sync';

/** What every generated view should contain, given the labs and their rubrics under `root`. */
export async function plan(root: string, mode: PlanMode = 'check'): Promise<SyncedFile[]> {
  const labIds = await labFolders(root);
  if (!labIds.includes(ROOT_LAB)) throw new SyncError(`${LABS_DIR}/${ROOT_LAB}/lab.ts not found: the repository's root is that lab's template`);
  const ids: string[] = [];
  const labViews: SyncedFile[] = [{ path: LAB_INDEX_FILE, current: await readOptional(join(root, LAB_INDEX_FILE)), expected: renderLabIndex(labIds) }];
  const picks: { id: string; lab: Lab; picked: string[] }[] = [];
  let rootRubric: Rubric | undefined;
  for (const id of labIds) {
    const lab = await importLab(root, id, mode);
    labViews.push({ path: vocabularyStemsFile(id), current: await readOptional(join(root, vocabularyStemsFile(id))), expected: await renderVocabularyStems(lab) });
    const rubricText = await readOptional(join(root, labRubricFile(id)));
    if (rubricText === undefined) throw new SyncError(`${labRubricFile(id)} not found`);
    const labRubric = parseRubric(rubricText, 'any');
    if (labRubric.lab !== id) throw new SyncError(`${labRubricFile(id)}: "lab: ${labRubric.lab}", expected "lab: ${id}"`);
    if (id === ROOT_LAB) rootRubric = labRubric;
    for (const criterion of labRubric.criteria.keys()) if (!ids.includes(criterion)) ids.push(criterion);
    picks.push({ id, lab, picked: [...labRubric.criteria.keys()] });
    const reportFile = `${LABS_DIR}/${id}/REPORT.md`;
    labViews.push({ path: reportFile, current: await readOptional(join(root, reportFile)), expected: renderReportTemplate(lab.report) });
    const readmeFile = `${LABS_DIR}/${id}/README.md`;
    const labReadme = await readOptional(join(root, readmeFile));
    if (labReadme === undefined) throw new SyncError(`${readmeFile} not found`);
    labViews.push({
      path: readmeFile,
      current: labReadme,
      expected: replaceBetween(labReadme, /^<!-- rubric:begin -->$/, /^<!-- rubric:end -->$/, () => renderReadmeTable(labRubric).split('\n'), readmeFile),
    });
  }
  const rubric = rootRubric!;
  const criteria = await findCriteria(root, ids);
  const problems = picks.flatMap(({ id, lab, picked }) => contractProblems(id, lab, picked, criteria));
  if (problems.length > 0) throw new SyncError(problems.join('\n'));
  const unlisted = await unlistedCriterionModules(root, ids);
  if (unlisted.length > 0) {
    throw new SyncError(`${unlisted.join(', ')}: a criterion module that no lab's rubric lists (add its line to the rubric of the lab that asks for it, or delete the module)`);
  }
  const dynamicIds = criteria.filter((c) => c.kind === 'dynamic').map((c) => c.id);
  const workflow = await readOptional(join(root, WORKFLOW_FILE));
  if (workflow === undefined) throw new SyncError(`${WORKFLOW_FILE} not found`);
  const generated = new Map(labViews.map((view) => [view.path, view.expected!]));
  const copies: SyncedFile[] = [];
  for (const copy of await rootCopies(root, ROOT_LAB)) {
    copies.push({ path: copy.path, ...(await copyState(root, copy, generated)), copyOf: copy });
  }
  return [
    ...copies,
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

/**
 * Rewrites the generated views, the lab folders' first and then the root's copies of them; returns
 * the files that changed. A root copy edited by hand stops it before anything is written.
 */
export async function sync(root: string): Promise<string[]> {
  const stale = (await plan(root, 'sync')).filter((file) => file.current !== file.expected);
  await assertRootCopiesUnedited(root, stale.flatMap((file) => (file.copyOf ? [file.copyOf] : [])));
  const ordered = [...stale.filter((file) => !file.copyOf), ...stale.filter((file) => file.copyOf)];
  for (const file of ordered) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.expected!, file.encoding ?? 'utf8');
  }
  return ordered.map((file) => file.path);
}
