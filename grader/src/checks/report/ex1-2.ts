// report.ex1-2: exercises 1–2 of the report answered; graded in proportion to the answered questions.
import type { StaticCriterion } from '../criterion.ts';
import { gradeGroup } from './answers.ts';

export const criterion: StaticCriterion = {
  id: 'report.ex1-2',
  kind: 'static',
  judge: (ctx) => gradeGroup(ctx, 'report.ex1-2'),
};
