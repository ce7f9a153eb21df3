import type { CriterionResult, GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';

/** One exercise group of a report: its rubric label and the criteria graded in this run. */
export interface GroupView {
  id: string;
  label: string;
  score: number;
  maxScore: number;
  criteria: CriterionResult[];
}

/** The report's criteria grouped in the rubric's group order; groups with no graded criterion are left out. */
export function groupViews(report: GradeReport, rubric: Rubric): GroupView[] {
  const views: GroupView[] = [];
  for (const [id, label] of Object.entries(rubric.groups)) {
    const criteria = report.criteria.filter((c) => c.group === id);
    if (criteria.length === 0) continue;
    views.push({
      id,
      label,
      score: criteria.reduce((sum, c) => sum + c.points, 0),
      maxScore: criteria.reduce((sum, c) => sum + c.maxPoints, 0),
      criteria,
    });
  }
  return views;
}

/** Advice criteria (0 points) give feedback only. */
export function isAdvice(c: Pick<CriterionResult, 'maxPoints'>): boolean {
  return c.maxPoints === 0;
}

/** A criterion the student has to look at: not passed, or passed with part of its points. */
export function needsWork(c: CriterionResult): boolean {
  return c.status !== 'pass' || c.points < c.maxPoints;
}

/** The command that regrades one criterion locally (shown as a hint). */
export function regradeCommand(id: string): string {
  return `npm run grade -- --only ${id}`;
}

/** What a criterion's test says in `npm test`: the vitest state it ends in, and its French note. */
export interface TestVerdict {
  state: 'passed' | 'failed' | 'skipped';
  note: string;
}

/**
 * The test verdict of a criterion: a graded criterion passes only with all its points; advice
 * (0 points) passes when followed and is skipped with its advice otherwise, never failing the run;
 * a criterion that was not evaluated is skipped with its reason.
 */
export function testVerdict(c: CriterionResult): TestVerdict {
  const note = c.message;
  if (c.status === 'skip') return { state: 'skipped', note };
  if (isAdvice(c)) return c.status === 'pass' ? { state: 'passed', note } : { state: 'skipped', note: `conseil : ${note}` };
  return needsWork(c) ? { state: 'failed', note } : { state: 'passed', note };
}
