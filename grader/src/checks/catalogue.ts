import type { CriterionId } from '../model/criteria.ts';
import type { DynamicCriterion, StaticCriterion } from './criterion.ts';
import { CRITERIA } from './registry.ts';

// Lists derived from the registry (itself generated from the rubric): nothing here names a criterion.

/** Criteria judged from files alone, in catalogue order. */
export const STATIC_CRITERIA: readonly StaticCriterion[] = CRITERIA.filter((c): c is StaticCriterion => c.kind === 'static');

/** Criteria judged on a Docker engine, in catalogue order. */
export const DYNAMIC_CRITERIA: readonly DynamicCriterion[] = CRITERIA.filter((c): c is DynamicCriterion => c.kind === 'dynamic');

export const STATIC_IDS: CriterionId[] = STATIC_CRITERIA.map((c) => c.id);
export const DYNAMIC_IDS: CriterionId[] = DYNAMIC_CRITERIA.map((c) => c.id);

/** The static criteria whose modules are in `checks/<folder>/` (ids `<folder>.*`), in catalogue order. */
export function staticCriteriaIn(folder: string): StaticCriterion[] {
  return STATIC_CRITERIA.filter((c) => c.id.startsWith(`${folder}.`));
}
