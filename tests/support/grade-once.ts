import type { TestProject } from 'vitest/node';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { renderTerminal } from '../../grader/src/output/terminal.ts';
import type { GradeReport } from '../../grader/src/model/result.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gradeReport: GradeReport;
  }
}

/**
 * Grades the submission once for the whole suite (GRADE_DIR, default: the working copy) and hands
 * the report to the tests; prints the French report at the end.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const rubric = await loadRubric();
  const dir = process.env.GRADE_DIR ?? '.';
  const report = await grade(dir, { rubric, trapSignals: true, staticOnly: process.env.GRADE_STATIC_ONLY === '1' });
  project.provide('gradeReport', report);
  return () => {
    process.stdout.write(renderTerminal(report, rubric, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  };
}
