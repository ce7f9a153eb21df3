import type { TestProject } from 'vitest/node';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { renderTerminal } from '../../grader/src/output/terminal.ts';
import { inActions, publishActions } from '../../grader/src/output/actions.ts';
import { openInert, stopCommandsToken } from '../../grader/src/output/workflow-commands.ts';
import type { GradeReport } from '../../grader/src/model/result.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gradeReport: GradeReport;
  }
}

/** In Actions, the tests print messages on one line each: no student text starts a log line. */
function oneLineMessages(report: GradeReport): GradeReport {
  return { ...report, criteria: report.criteria.map((c) => ({ ...c, message: c.message.replace(/\s+/g, ' ') })) };
}

/**
 * Grades the submission once for the whole suite (GRADE_DIR, default: the working copy) and hands
 * the report to the tests; prints the French report at the end. In GitHub Actions, the suite's
 * output (it quotes the grader's messages) stays inside a stop-commands block, and the end of the
 * run publishes the summary, annotations, outputs and the score notices, once.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rubric = await loadRubric();
  const dir = process.env.GRADE_DIR ?? '.';
  const staticOnly = process.env.GRADE_STATIC_ONLY === '1';
  const report = await grade(dir, { rubric, trapSignals: true, staticOnly });
  const actions = inActions(process.env);
  const token = actions ? stopCommandsToken() : undefined;
  if (token) process.stdout.write(openInert(token));
  project.provide('gradeReport', actions ? oneLineMessages(report) : report);
  return async () => {
    const terminal = renderTerminal(report, rubric, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
    if (!token) {
      process.stdout.write(terminal);
      return;
    }
    await publishActions(report, rubric, terminal, {
      env: process.env,
      write: (text) => process.stdout.write(text),
      complete: !staticOnly,
      openedToken: token,
    });
  };
}
