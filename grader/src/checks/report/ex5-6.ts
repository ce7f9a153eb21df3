// report.ex5-6: exercises 5–6 of the report answered; graded in proportion to the answered questions.
import type { StaticCriterion } from '../criterion.ts';
import { gradeGroup } from './answers.ts';

export const criterion: StaticCriterion = {
  id: 'report.ex5-6',
  kind: 'static',
  judge: (ctx) => gradeGroup(ctx, 'report.ex5-6'),
};
