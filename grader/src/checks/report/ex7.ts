// report.ex7: exercise 7 of the report answered; graded in proportion to the answered questions.
import type { StaticCriterion } from '../criterion.ts';
import { gradeGroup } from './answers.ts';

export const criterion: StaticCriterion = {
  id: 'report.ex7',
  kind: 'static',
  judge: (ctx) => gradeGroup(ctx, 'report.ex7'),
};
