import type { TestProject } from 'vitest/node';
import { grade } from '../../grader/src/run/grade.ts';
import { withLeftOut } from '../../grader/src/output/total.ts';
import { loadRubricOrExplain, reportCrash } from '../../grader/src/output/crash.ts';
import { npmTestProgress } from './progress.ts';
import './context.ts';

export const STATIC_ONLY_REASON = 'Non vérifié : mode statique sans Docker. Relancez npm test pour tout vérifier.';

/**
 * Grades the submission once for the whole suite (GRADE_DIR, default: the working copy) and hands
 * the report to the tests and to the reporter (tests/support/reporter.ts), which prints it. In
 * static mode (`npm run test:static`, i.e. vitest's `--mode static`, or GRADE_STATIC_ONLY=1) the
 * criteria needing Docker are reported as not evaluated.
 * While it grades, the progress goes on (tests/support/progress.ts). A failure of the grader is never thrown to vitest (which would print an
 * English stack): its French report goes to the reporter, which prints it and exits with its code.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = process.env.GRADE_DIR ?? '.';
  const staticOnly = process.env.GRADE_STATIC_ONLY === '1' || project.vite.config.mode === 'static';
  project.provide('gradeRun', { dir, complete: !staticOnly });
  const progress = npmTestProgress();
  progress.onEvent({ kind: 'phase', phase: 'prepare', event: 'end' });
  try {
    const rubric = await loadRubricOrExplain();
    const report = await grade(dir, { rubric, trapSignals: true, staticOnly, onProgress: progress.listener });
    project.provide('gradeReport', staticOnly ? withLeftOut(report, rubric, STATIC_ONLY_REASON) : report);
  } catch (error) {
    project.provide('gradeCrash', (await reportCrash(error)).text);
  }
  // The suites and the reporter still have to run: the progress goes on until the report.
  progress.onEvent({ kind: 'phase', phase: 'report', event: 'start' });
}
