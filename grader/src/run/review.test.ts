// Answers the report checks are unsure of keep their points and reach the run's result
// (CriterionResult.review) for the instructor's review list, never the student's deductions.
import { describe, expect, it } from 'vitest';
import { makeSubmission } from '../submission/testing.ts';
import { withAnswer } from '../checks/report/testing.ts';
import { grade } from './grade.ts';

/** Lab words (logs, volume), none of 2.a's, not another question's answer either: weak evidence. */
const WEAK = "J'ai regardé les logs et le volume pendant la séance, tout était normal et cohérent avec ce que j'attendais.";

describe('review list in a grading run', () => {
  it('keeps the points of a weakly judged answer and carries it to CriterionResult.review', async () => {
    const { dir, cleanup } = await makeSubmission({ 'REPORT.md': withAnswer('2.a', WEAK) });
    try {
      const report = await grade(dir, { staticOnly: true, only: ['report.ex1-2', 'report.ex3-4'], tamperCheck: false });
      const ex12 = report.criteria.find((c) => c.id === 'report.ex1-2')!;
      expect(ex12).toMatchObject({ status: 'pass', points: ex12.maxPoints, message: '' });
      expect(ex12.review).toEqual([{ question: '2.a', answer: WEAK, reason: expect.stringContaining('à relire') }]);
      expect(report.criteria.find((c) => c.id === 'report.ex3-4')).not.toHaveProperty('review');
    } finally {
      await cleanup();
    }
  });
});
