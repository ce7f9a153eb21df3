// The mutant corpus of every lab folder other than the repository's root lab (whose corpus is
// corpus.test.ts): the lab's reference solution (labs/<id>/reference/) must get every point of its
// rubric, and each mutant of its mutants.ts must lose exactly the criteria it lists, graded on the
// engine as a student's submission is.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DYNAMIC_IDS } from '../../grader/src/checks/catalogue.ts';
import { GRADER_ROOT, labRubricPath } from '../../grader/src/location.ts';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult } from '../../grader/src/model/result.ts';
import { parseRubric, type Rubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { labIds, labNamed } from '../../grader/src/run/lab.ts';
import { makeSubmission, type Overlay } from '../support/submission.ts';

/** What a lab's mutants.ts exports: each mutant's files (null = deleted) and the criteria it loses. */
interface LabMutant {
  name: string;
  files: Readonly<Record<string, string | null>>;
  loses: readonly string[];
  staticOnly?: boolean;
}

/** Paths the Docker phases never read: such a mutant is graded on its static criteria (its dynamic ones are the reference's). */
const REPORT_ONLY = /^(REPORT\.md$|captures\/)/;
const reportOnly = (mutant: LabMutant) => Object.keys(mutant.files).length > 0 && Object.keys(mutant.files).every((path) => REPORT_ONLY.test(path));

/**
 * The lab's rubric with a shorter start-up deadline: a program that prints does so in about a
 * second, and a program that never ends costs the deadline (twice: the plain and env runs).
 */
async function testRubric(id: string): Promise<Rubric> {
  const rubric = parseRubric(await readFile(labRubricPath(id), 'utf8'));
  return { ...rubric, settings: { ...rubric.settings, startupTimeoutSeconds: 20 } };
}

/** `DOCKER_LAB_CORPUS=docker` (CI's passes on its other engines): only the mutants that reach the engine. */
const engineOnly = process.env.DOCKER_LAB_CORPUS === 'docker';

const labs = labIds().filter((id) => existsSync(join(GRADER_ROOT, 'labs', id, 'mutants.ts')) && existsSync(join(GRADER_ROOT, 'labs', id, 'reference')));

for (const id of labs) {
  const lab = labNamed(id);
  const { MUTANTS } = (await import(`../../labs/${id}/mutants.ts`)) as { MUTANTS: readonly LabMutant[] };
  const rubric = await testRubric(id);
  const ids = [...rubric.criteria.keys()];
  const selected = MUTANTS.filter((mutant) => !engineOnly || (!mutant.staticOnly && !reportOnly(mutant)));

  describe.concurrent(`lab ${id}: the reference and every mutant`, { timeout: 300_000 }, () => {
    for (const mutant of selected) {
      test(mutant.name, async () => {
        const sub = await makeSubmission(mutant.files as Overlay, join(GRADER_ROOT, 'labs', id, 'reference'));
        try {
          const staticOnly = mutant.staticOnly === true || reportOnly(mutant);
          const report = await grade(sub.dir, { rubric, lab, staticOnly });
          const graded: CriterionId[] = staticOnly ? ids.filter((c) => !DYNAMIC_IDS.includes(c)) : ids;
          const lost = (criteria: CriterionResult[]) => criteria.filter((c) => c.status !== 'pass').map((c) => c.id).sort();
          const detail = report.criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} — ${c.message}`).join('\n');
          expect(report.criteria.map((c) => c.id).sort()).toEqual([...graded].sort());
          expect(lost(report.criteria), detail).toEqual(mutant.loses.filter((c) => graded.includes(c as CriterionId)).sort());
          for (const c of report.criteria) if (c.status !== 'pass') expect(c.message.length, `${c.id} has no message`).toBeGreaterThan(10);
          if (mutant.loses.length === 0 && !staticOnly) expect(report.score).toBe(report.maxScore);
        } finally {
          await sub.cleanup();
        }
      });
    }
  });
}
