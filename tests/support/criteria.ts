import { inject, test } from 'vitest';
import { testVerdict } from '../../grader/src/output/groups.ts';
import { location } from '../../grader/src/output/format.ts';
import { plainText } from '../../grader/src/text/plain-text.ts';
import './context.ts';

/** A criterion whose points are not all earned: its French message, without a stack. */
class CriterionNotMet extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Critère non rempli';
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * One test per criterion of `group`: it passes with all its points; advice not followed and
 * criteria not evaluated are skipped with their French note; nothing else fails the run.
 */
export function criterionTests(group: string): void {
  const report = inject('gradeReport');
  // The grader failed: the reporter says why; no criterion is stated.
  if (!report) {
    test.skip(`groupe ${group} : le correcteur a échoué`, () => {});
    return;
  }
  const rows = report.criteria.filter((c) => c.group === group);
  if (rows.length === 0) test.skip(`aucun critère du groupe ${group} dans le barème`, () => {});
  for (const c of rows) {
    test(`${c.id} — ${c.title}`, (context) => {
      context.task.meta.criterion = c.id;
      const { state, note } = testVerdict(c);
      const where = location(c);
      const feedback = `${where ? `${where} — ` : ''}${plainText(note)}`;
      if (state === 'skipped') context.skip(feedback);
      if (state === 'failed') throw new CriterionNotMet(feedback);
    });
  }
}
