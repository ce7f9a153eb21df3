// Formatting shared by the outputs (terminal, Markdown, JUnit, the reporter's results, the batch's
// feedback pages) and the student suites: where a criterion points, its points, its log excerpt.
import type { CriterionResult } from '../model/result.ts';
import { plainText } from '../text/plain-text.ts';
import { isAdvice } from './groups.ts';

/** `file:line`, `file`, or '' when the criterion points at no file. */
export function location(result: Pick<CriterionResult, 'file' | 'line'>): string {
  if (!result.file) return '';
  return result.line ? `${result.file}:${result.line}` : result.file;
}

/** How many lines of a log excerpt an output shows (its last ones). */
export const EXCERPT_LINES = 15;

/** The last EXCERPT_LINES lines of a log excerpt, control characters removed. */
export function excerptTail(excerpt: string): string[] {
  return plainText(excerpt).split('\n').slice(-EXCERPT_LINES);
}

/** A criterion's points as the reports write them: `conseil` for advice, else `points/max`. */
export function pointsLabel(c: Pick<CriterionResult, 'points' | 'maxPoints'>): string {
  return isAdvice(c) ? 'conseil' : `${c.points}/${c.maxPoints}`;
}
