import { expect, inject, test } from 'vitest';
import { location, plainText } from '../../grader/src/output/terminal.ts';

/** One test per criterion of `group`: it passes when the grader's verdict is a pass. */
export function criterionTests(group: string): void {
  const report = inject('gradeReport');
  const rows = report.criteria.filter((c) => c.group === group);
  for (const c of rows) {
    const name = `${c.id} — ${c.title} (${c.maxPoints === 0 ? 'conseil' : `${c.points}/${c.maxPoints}`})`;
    test(name, (context) => {
      const where = location(c);
      const feedback = `${where ? `${where} : ` : ''}${plainText(c.message)}`;
      if (c.status === 'skip') context.skip(feedback);
      // Advice criteria (0 point) give feedback without failing the suite.
      if (c.maxPoints === 0) return;
      expect(c.status, feedback).toBe('pass');
    });
  }
}
