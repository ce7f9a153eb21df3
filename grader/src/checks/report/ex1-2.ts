// report.ex1-2: exercises 1–2 of the report answered; graded in proportion to the answered questions.
import type { StaticCheck } from '../check.ts';
import { gradeGroup } from './answers.ts';

export const check: StaticCheck = {
  id: 'report.ex1-2',
  run: (ctx) => gradeGroup(ctx, 'report.ex1-2'),
};
