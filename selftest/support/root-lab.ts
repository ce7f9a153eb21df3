// The criteria of the lab whose template is the repository's root (its rubric,
// .github/classroom/rubric.yml), in the rubric's order. The catalogue (model/criterion-ids.ts)
// holds every lab's criteria; the self-tests of the root lab's reference, mutants and template
// expect verdicts for these only.
import { DYNAMIC_IDS as CATALOGUE_DYNAMIC_IDS } from '../../grader/src/checks/catalogue.ts';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';

const rubric = await loadRubric();

export const CRITERION_IDS: readonly CriterionId[] = [...rubric.criteria.keys()];
export const DYNAMIC_IDS: CriterionId[] = CATALOGUE_DYNAMIC_IDS.filter((id) => rubric.criteria.has(id));
