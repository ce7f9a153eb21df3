// report.ex3-4: exercises 3–4 of the report answered; graded in proportion to the answered questions.
import type { StaticCheck } from '../check.ts';
import { gradeGroup } from './answers.ts';

export const check: StaticCheck = {
  id: 'report.ex3-4',
  run: (ctx) => gradeGroup(ctx, 'report.ex3-4'),
};
