// The report answers of one submission as the class comparison sees them (own prose and
// fingerprints), computed in the batch from the submission's copy and carried in its report
// (submissions/<file>.json), so that a merge of several regrade jobs compares across jobs.
import { createStaticContext } from '../checks/check.ts';
import { reportLoader } from '../checks/report/load-report.ts';
import { answerPrint } from '../checks/report/own-text.ts';
import type { Lab } from '../lab/lab.ts';
import type { AnswerPrint, GradeReport } from '../model/result.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import { Submission } from '../submission/submission.ts';
import type { ClassAnswers } from './similarities.ts';

/** Every non-code answer of the submission's REPORT.md with some own prose; none when the report is unreadable. */
export async function submissionPrints(dir: string, settings: RubricSettings, lab: Lab): Promise<AnswerPrint[]> {
  const ctx = createStaticContext(await Submission.open(dir), settings, lab);
  const report = await ctx.load(reportLoader);
  if (report.state !== 'ok') return [];
  const prints: AnswerPrint[] = [];
  for (const question of lab.report.questions) {
    if (question.type === 'code') continue;
    const section = report.sections.get(question.id);
    if (!section) continue;
    const print = answerPrint(question, section.answer);
    if (print.words > 0) prints.push(print);
  }
  return prints;
}

/** The answers a report carries, checked: a report from an older grader or edited by hand gives none. */
export function carriedAnswers(report: GradeReport | undefined): AnswerPrint[] {
  if (!report || !Array.isArray(report.answers)) return [];
  return report.answers.filter(
    (a): a is AnswerPrint =>
      typeof a?.id === 'string' && typeof a.text === 'string' && typeof a.words === 'number' && Array.isArray(a.prints) && a.prints.every((p) => Number.isInteger(p)),
  );
}

/** The class as the comparison sees it: each graded row's name and the answers its report carries. */
export function classAnswers(rows: ReadonlyArray<{ name: string; file: string }>, reports: ReadonlyMap<string, GradeReport>): ClassAnswers[] {
  return rows.map((row) => ({ name: row.name, answers: carriedAnswers(reports.get(row.file)) }));
}
