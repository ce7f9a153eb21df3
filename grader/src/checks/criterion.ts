import type { CriterionId } from '../model/criteria.ts';
import type { Finding } from '../model/result.ts';
import type { Lab } from '../lab/lab.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { StaticContext } from './check.ts';
import type { Observations } from './observations.ts';

/**
 * A criterion of the catalogue, as one module `grader/src/checks/<group>/<name>.ts` exporting
 * `criterion` for the id `<group>.<name>` (hadolint-style: its id, what it reads, how it judges and
 * its French messages live together). `npm run rubric:sync` lists every module in
 * `checks/registry.ts`, in the rubric's order.
 */
export type Criterion = StaticCriterion | DynamicCriterion;

/** Judged from the submission's files alone, without a Docker engine. */
export interface StaticCriterion {
  id: CriterionId;
  kind: 'static';
  judge(ctx: StaticContext): Promise<Finding> | Finding;
}

/**
 * Judged from what the grader observed on a real engine. `observes` names the phase whose
 * observation it reads (its duration is that phase's); `judge` picks its part of `observations`.
 */
export interface DynamicCriterion {
  id: CriterionId;
  kind: 'dynamic';
  observes: keyof Observations;
  /** `lab`: the lab graded, for its words and parameters (a criterion that needs neither ignores it). */
  judge(observations: Observations, settings: RubricSettings, lab: Lab): Finding;
}

/** A failure saying an earlier step kept this criterion from being observed (French one-liner). */
export function failNotVerifiable(because: string): Finding {
  return { status: 'fail', message: `Non vérifiable : ${because}` };
}

/** A dynamic criterion the run ended without judging (interrupted). */
export function failNotEvaluated(): Finding {
  return { status: 'error', message: 'Critère non évalué (grading interrompu).' };
}

/** The grader itself threw while judging a criterion: its error, not the student's. */
export function internalErrorFinding(error: Error): Finding {
  return { status: 'error', message: `Erreur interne du correcteur pendant ce critère (${error.message}). Signalez-la à l'enseignant.` };
}
