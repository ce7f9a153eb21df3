// report.ex7: exercise 7 of the report answered; graded in proportion to the answered questions.
import type { StaticCheck } from '../check.ts';
import { gradeGroup } from './answers.ts';

export const check: StaticCheck = {
  id: 'report.ex7',
  run: (ctx) => gradeGroup(ctx, 'report.ex7'),
};
