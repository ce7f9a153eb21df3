// report.ex3-4: exercises 3–4 of the report answered; graded in proportion to the answered questions.
import type { StaticCriterion } from '../criterion.ts';
import { gradeGroup } from './answers.ts';

export const criterion: StaticCriterion = {
  id: 'report.ex3-4',
  kind: 'static',
  judge: (ctx) => gradeGroup(ctx, 'report.ex3-4'),
};
