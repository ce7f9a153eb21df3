// report.ex5-6: exercises 5–6 of the report answered; graded in proportion to the answered questions.
import type { StaticCheck } from '../check.ts';
import { gradeGroup } from './answers.ts';

export const check: StaticCheck = {
  id: 'report.ex5-6',
  run: (ctx) => gradeGroup(ctx, 'report.ex5-6'),
};
