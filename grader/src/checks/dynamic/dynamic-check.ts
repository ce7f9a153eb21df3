import type { CriterionId } from '../../model/criteria.ts';
import type { Finding } from '../../model/result.ts';
import type { RubricSettings } from '../../rubric/rubric.ts';

/** A criterion judged from what the grader observed on a real engine (one criterion per file). */
export interface DynamicCheck<Observation> {
  id: CriterionId;
  judge(observation: Observation, settings: RubricSettings): Finding;
}

/** French one-liner used when an earlier step kept a criterion from being observed. */
export function blocked(because: string): Finding {
  return { status: 'fail', message: `Non vérifiable : ${because}` };
}
