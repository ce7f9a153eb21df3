import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { differingRootCopies } from '../integrity/root-copies.ts';
import { GRADER_ROOT, MANIFEST_REL, STUDENT_SKELETON, UNCHECKED_FILES, isExcluded, listCheckedFiles, walk } from '../integrity/files.ts';
import { buildManifest, serializeManifest } from '../integrity/manifest.ts';
import { derivedContent, isDerived } from '../integrity/shipped.ts';
import { STUDENT_README, studentReadme } from './readme.ts';
import { DEFAULT_LAB_ID, parseRubric, type Rubric } from '../rubric/rubric.ts';
import { RUBRIC_FILE, renderAutograding, renderWorkflowBlock, replaceBetween } from '../rubric/views.ts';
import { DYNAMIC_IDS } from '../checks/catalogue.ts';

const AUTOGRADING_FILE = '.github/classroom/autograding.json';
const WORKFLOW_FILE = '.github/workflows/classroom.yml';
/** The student's test suites: one file per group of the rubric (tests/<group>.test.ts). */
const GROUP_SUITE = /^tests\/([a-z0-9-]+)\.test\.ts$/;

/**
 * The lab a template is exported for: its id, and where its student files are in the repository:
 * `labs/<id>/` in the maintainers' repository (the root lab's too: the root is only a copy of its
 * folder), `''` in a repository without the lab's folder (an exported template).
 */
export interface TemplateLab {
  id: string;
  home: string;
  /** The lab of the repository's own rubric: its template's grader-owned files are the repository's. */
  root: boolean;
  /** The lab's rubric; absent for a root without one (then nothing is derived from it). */
  rubric?: Rubric;
  rubricText?: string;
}

/** The lab `id` (default: the root's, named by the repository's rubric) as the export sees it. */
export async function templateLab(root = GRADER_ROOT, id?: string): Promise<TemplateLab> {
  const rootText = await readFile(join(root, RUBRIC_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && id === undefined) return undefined;
    throw error;
  });
  if (rootText === undefined) return { id: DEFAULT_LAB_ID, home: '', root: true };
  const rootRubric = parseRubric(rootText);
  if (id === undefined || id === rootRubric.lab) {
    const folderRubric = await readFile(join(root, 'labs', rootRubric.lab, 'rubric.yml'), 'utf8').catch(() => undefined);
    if (folderRubric === undefined) return { id: rootRubric.lab, home: '', root: true, rubric: rootRubric, rubricText: rootText };
    return { id: rootRubric.lab, home: `labs/${rootRubric.lab}/`, root: true, rubric: parseRubric(folderRubric), rubricText: folderRubric };
  }
  const rubricText = await readFile(join(root, 'labs', id, 'rubric.yml'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ExportError(`unknown lab "${id}": labs/${id}/rubric.yml not found`);
    throw error;
  });
  const rubric = parseRubric(rubricText);
  if (rubric.lab !== id) throw new ExportError(`labs/${id}/rubric.yml names lab "${rubric.lab}"`);
  return { id, home: `labs/${id}/`, root: false, rubric, rubricText };
}

/**
 * The files of the student template, repository-relative and sorted: the student-owned skeleton
 * (the root's own starter/, docker-compose.yml, REPORT.md, captures/), the grader-owned files the
 * manifest pins, README.md and .gitignore. The manifest itself is written fresh by the export.
 * Nothing else: no selftest/ (reference solution, mutant corpus), bench/, .ci/, grader unit tests.
 */
export async function templateFiles(root = GRADER_ROOT, lab?: TemplateLab): Promise<string[]> {
  const { home, rubric } = lab ?? (await templateLab(root));
  const files = new Set<string>();
  for (const entry of STUDENT_SKELETON) {
    for (const rel of await walk(root, `${home}${entry}`)) {
      const shipped = rel.slice(home.length);
      if (!isExcluded(shipped)) files.add(shipped);
    }
  }
  for (const rel of await listCheckedFiles(root)) {
    // A test suite per group of the lab's rubric (written by writeLabVersion when absent).
    const suite = GROUP_SUITE.exec(rel);
    if (!suite || !rubric || suite[1]! in rubric.groups) files.add(rel);
  }
  for (const group of Object.keys(rubric?.groups ?? {})) files.add(`tests/${group}.test.ts`);
  for (const rel of UNCHECKED_FILES) {
    if (rel === MANIFEST_REL) continue;
    if ((await walk(root, rel)).length > 0) files.add(rel);
  }
  return [...files].sort();
}

export class ExportError extends Error {}

/**
 * Writes the student template into `dest` (created; must be empty if it exists), with a
 * grader/manifest.json computed from the files written. Symlinks are copied as symlinks, file
 * modes (the executable bit of scripts) are kept. Returns the paths written.
 */
export async function exportTemplate(dest: string, root = GRADER_ROOT, labId?: string): Promise<string[]> {
  const lab = await templateLab(root, labId);
  const existing = await readdir(dest).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0) throw new ExportError(`${dest} is not empty`);
  const files = await templateFiles(root, lab);
  await assertRootIsItsLabsCopy(root, lab);
  for (const rel of files) {
    const from = join(root, sourceOf(lab, rel));
    const to = join(dest, rel);
    await mkdir(dirname(to), { recursive: true });
    if (await writeLabVersion(root, lab, rel, to)) continue;
    const info = await lstat(from);
    if (info.isSymbolicLink()) await symlink(await readlink(from), to);
    else if (!(await writeStudentVersion(root, lab, rel, to))) {
      await copyFile(from, to);
      await chmod(to, info.mode & 0o777);
    }
  }
  await mkdir(dirname(join(dest, MANIFEST_REL)), { recursive: true });
  await writeFile(join(dest, MANIFEST_REL), serializeManifest(await buildManifest(dest)));
  return [...files, MANIFEST_REL].sort();
}

/**
 * The root lab's template is exported from its folder, of which the root holds copies: a root copy
 * that differs (an edit made at the root, or a folder change not yet synced) would be left out of
 * the template without a word, so the export stops and names it.
 */
async function assertRootIsItsLabsCopy(root: string, lab: TemplateLab): Promise<void> {
  if (!lab.root || lab.home === '') return;
  const differing = await differingRootCopies(root, lab.id);
  if (differing.length > 0) {
    throw new ExportError(`the repository's root differs from labs/${lab.id}/, of which it is a copy: ${differing.join(', ')}. Make the change in the lab's folder and run npm run rubric:sync, then export again.`);
  }
}

/** Where a template file comes from in the repository: the lab's own student files and README live in its folder. */
function sourceOf(lab: TemplateLab, rel: string): string {
  if (lab.home === '') return rel;
  if (rel === STUDENT_README || STUDENT_SKELETON.some((entry) => rel === entry || rel.startsWith(`${entry}/`))) return `${lab.home}${rel}`;
  return rel;
}

/**
 * Writes the files of a template that depend on its lab: its rubric and the views of it (the legacy
 * autograding.json, the workflow's deadline and total), and the test suite of a rubric group the
 * repository has no file for. False for any other file.
 */
async function writeLabVersion(root: string, lab: TemplateLab, rel: string, to: string): Promise<boolean> {
  const { rubric, rubricText } = lab;
  if (!rubric || rubricText === undefined) return false;
  let content: string | null = null;
  const suite = GROUP_SUITE.exec(rel);
  if (rel === RUBRIC_FILE) content = rubricText;
  else if (rel === AUTOGRADING_FILE) content = renderAutograding(rubric, DYNAMIC_IDS);
  else if (rel === WORKFLOW_FILE) {
    content = replaceBetween(await readFile(join(root, rel), 'utf8'), /^\s*# rubric:begin\b/, /^\s*# rubric:end\b/, () => renderWorkflowBlock(rubric), rel);
  } else if (suite && (await walk(root, rel)).length === 0) {
    content = `${['import', '{ criterionTests }', 'from', "'./support/criteria.ts';"].join(' ')}\n\ncriterionTests('${suite[1]}');\n`;
  }
  if (content === null) return false;
  await writeFile(to, content);
  return true;
}

/**
 * Writes the student's version of a file whose template copy differs from the maintainers' one
 * (package.json and package-lock.json: `integrity/shipped.ts`; README.md: `readme.ts`); false for
 * any other file, copied as it is.
 */
async function writeStudentVersion(root: string, lab: TemplateLab, rel: string, to: string): Promise<boolean> {
  let content: string | null = null;
  if (isDerived(rel)) content = await derivedContent(root, rel);
  else if (rel === STUDENT_README) content = studentReadme(await readFile(join(root, sourceOf(lab, rel)), 'utf8'));
  if (content === null) return false;
  await writeFile(to, content);
  return true;
}
