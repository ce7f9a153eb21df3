import { describe, expect, test } from 'vitest';
import { grade } from '../../grader/src/run/grade.ts';
import { DYNAMIC_IDS } from '../../grader/src/run/dynamic.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { DYNAMIC_MUTANTS } from '../corpus/dynamic-mutants.ts';
import { makeSubmission } from '../support/submission.ts';

const rubric = await loadRubric();
// A shorter start-up deadline keeps the suite quick; verdicts do not depend on it.
const testRubric = { ...rubric, settings: { ...rubric.settings, startupTimeoutSeconds: 30 } };

describe.concurrent('dynamic criteria on real submissions', { timeout: 240_000 }, () => {
  for (const mutant of DYNAMIC_MUTANTS) {
    test(mutant.name, async () => {
      const sub = await makeSubmission(mutant.overlay);
      try {
        const report = await grade(sub.dir, { only: DYNAMIC_IDS, rubric: testRubric });
        const verdicts = Object.fromEntries(report.criteria.map((c) => [c.id, c.status]));
        const messages = report.criteria.filter((c) => c.status !== mutant.expect[c.id as keyof typeof mutant.expect]).map((c) => `${c.id}: ${c.message}`);
        expect(verdicts, messages.join('\n')).toEqual(mutant.expect);
        for (const c of report.criteria) {
          if (c.status !== 'pass') expect(c.message, c.id).toMatch(/\S{3,}/);
        }
      } finally {
        await sub.cleanup();
      }
    });
  }
});
