import type { TestProject } from 'vitest/node';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { withLeftOut } from '../../grader/src/output/total.ts';
import './context.ts';

export const STATIC_ONLY_REASON = 'Non vérifié : mode statique sans Docker. Relancez npm test pour tout vérifier.';

/**
 * Grades the submission once for the whole suite (GRADE_DIR, default: the working copy) and hands
 * the report to the tests and to the reporter (tests/support/reporter.ts), which prints it. In
 * static mode (`npm run test:static`, i.e. vitest's `--mode static`, or GRADE_STATIC_ONLY=1) the
 * criteria needing Docker are reported as not evaluated.
 */
export default async function setup(project: TestProject): Promise<void> {
  const rubric = await loadRubric();
  const dir = process.env.GRADE_DIR ?? '.';
  const staticOnly = process.env.GRADE_STATIC_ONLY === '1' || project.vite.config.mode === 'static';
  const report = await grade(dir, { rubric, trapSignals: true, staticOnly });
  project.provide('gradeReport', staticOnly ? withLeftOut(report, rubric, STATIC_ONLY_REASON) : report);
  project.provide('gradeRun', { dir, complete: !staticOnly });
}
