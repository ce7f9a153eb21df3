// Which verdicts a mutant shares with its lab's reference solution, from the paths it changes: the
// corpus grades only the rest, and takes those from the reference's grade (computed once per lab).
// What the engine reads of a submission is the lab's image context and, for a lab with a stack,
// its Compose file; the lab's other student paths (the report, the captures) no Docker phase reads.
import { DYNAMIC_CRITERIA } from '../../grader/src/checks/catalogue.ts';
import { COMPOSE_PATH } from '../../grader/src/checks/compose/compose-file.ts';
import type { Lab } from '../../grader/src/lab/lab.ts';
import type { CriterionId } from '../../grader/src/model/criteria.ts';

/** What the corpus needs of a mutant: the paths it changes, and whether its image can be built here. */
export interface MutantPaths {
  files: Readonly<Record<string, unknown>>;
  staticOnly?: boolean;
}

/** The dynamic criteria judged on the image alone (its size, a container or a program run from it), not on the stack. */
const IMAGE_ONLY_IDS: readonly CriterionId[] = DYNAMIC_CRITERIA.filter((c) => c.observes === 'container' || c.observes === 'program' || c.observes === 'size').map((c) => c.id);

const isStudentPath = (lab: Lab, path: string) => lab.studentPaths.some((owned) => (owned.endsWith('/') ? path.startsWith(owned) : path === owned));
const inImageContext = (lab: Lab, path: string) => path.startsWith(`${lab.imageContext}/`);
/** A path the engine may read (the image context, the stack's Compose file, or anything the lab does not list as a student path). */
const readByEngine = (lab: Lab, path: string) => !isStudentPath(lab, path) || inImageContext(lab, path) || (lab.stack !== undefined && path === COMPOSE_PATH);

/**
 * The dynamic criteria of `dynamicIds` (the lab rubric's) whose verdicts a mutant shares with the
 * reference: all of them when no path it changes is read by the engine; those judged on the image
 * alone when its build context is the reference's (it changes only the stack's Compose file and
 * paths no Docker phase reads); none otherwise. A staticOnly mutant and the reference itself
 * borrow nothing.
 */
export function borrowedIds(lab: Lab, mutant: MutantPaths, dynamicIds: readonly CriterionId[]): CriterionId[] {
  const paths = Object.keys(mutant.files);
  if (mutant.staticOnly || paths.length === 0) return [];
  if (!paths.some((path) => readByEngine(lab, path))) return [...dynamicIds];
  if (paths.every((path) => isStudentPath(lab, path) && !inImageContext(lab, path))) return dynamicIds.filter((id) => IMAGE_ONLY_IDS.includes(id));
  return [];
}

/**
 * True when grading the mutant builds, runs or starts anything on the engine: what
 * `DOCKER_LAB_CORPUS=docker` (CI's passes on its other engines) keeps. The reference reaches it.
 */
export function reachesEngine(lab: Lab, mutant: MutantPaths, dynamicIds: readonly CriterionId[]): boolean {
  if (mutant.staticOnly) return false;
  return Object.keys(mutant.files).length === 0 || borrowedIds(lab, mutant, dynamicIds).length < dynamicIds.length;
}
