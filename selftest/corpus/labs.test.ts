// The mutant corpus of every lab folder: the lab's reference solution (labs/<id>/reference/) must
// get every point of its rubric, and each mutant of its mutants.ts must lose exactly the criteria it
// lists, graded on the engine as a student's submission is. A mutant that changes only what no
// Docker phase reads, or leaves the image's build context as the reference's, takes those verdicts
// from the reference's grade (borrowing.ts) and is graded on the rest. The run ends with the
// accuracy over every verdict of every lab (accuracy.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DYNAMIC_IDS } from '../../grader/src/checks/catalogue.ts';
import type { Lab } from '../../grader/src/lab/lab.ts';
import type { LabMutantOf } from '../../grader/src/lab/testing.ts';
import { GRADER_ROOT, labRubricPath } from '../../grader/src/location.ts';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult } from '../../grader/src/model/result.ts';
import { parseRubric, type Rubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { labIds, labNamed } from '../../grader/src/run/lab.ts';
import { makeSubmission, type Overlay } from '../support/submission.ts';
import { Accuracy } from './accuracy.ts';
import { borrowedIds, reachesEngine } from './borrowing.ts';

type LabMutant = LabMutantOf<string, string>;

/** The lab's rubric as the corpus grades with it. */
async function testRubric(lab: Lab): Promise<Rubric> {
  const rubric = parseRubric(await readFile(labRubricPath(lab.id), 'utf8'));
  // A lab with a stack keeps the product's start-up deadline: the official postgres image's
  // two-phase start on a loaded CI machine needs it (a shorter one failed the slow-init mutant
  // there, a student's stack would not).
  if (lab.stack) return rubric;
  // Otherwise a shorter one: a program that prints does so in about a second, and a program that
  // never ends costs the deadline (twice: the plain and env runs).
  return { ...rubric, settings: { ...rubric.settings, startupTimeoutSeconds: 20 } };
}

/** `DOCKER_LAB_CORPUS=docker` (CI's passes on its other engines): only the mutants that reach the engine. */
const engineOnly = process.env.DOCKER_LAB_CORPUS === 'docker';
const accuracy = new Accuracy();
const labs = labIds().filter((id) => existsSync(join(GRADER_ROOT, 'labs', id, 'mutants.ts')) && existsSync(join(GRADER_ROOT, 'labs', id, 'reference')));

for (const id of labs) {
  const lab = labNamed(id);
  const referenceDir = join(GRADER_ROOT, 'labs', id, 'reference');
  const { MUTANTS } = (await import(`../../labs/${id}/mutants.ts`)) as { MUTANTS: readonly LabMutant[] };
  const rubric = await testRubric(lab);
  const ids = [...rubric.criteria.keys()];
  const dynamicIds = ids.filter((c) => DYNAMIC_IDS.includes(c));
  const staticIds = ids.filter((c) => !DYNAMIC_IDS.includes(c));

  let reference: Promise<CriterionResult[]> | undefined;
  /** The reference solution's full grade, graded once on the engine: the reference's own test and the verdicts mutants borrow. */
  const gradeOfReference = () => {
    reference ??= (async () => {
      const sub = await makeSubmission({}, referenceDir);
      try {
        return (await grade(sub.dir, { rubric, lab })).criteria;
      } finally {
        await sub.cleanup();
      }
    })();
    return reference;
  };

  /** The mutant's verdicts: its own on what it may change, the reference's on what it cannot. */
  async function gradeMutant(mutant: LabMutant): Promise<CriterionResult[]> {
    if (Object.keys(mutant.files).length === 0) return gradeOfReference();
    const sub = await makeSubmission(mutant.files as Overlay, referenceDir);
    try {
      if (mutant.staticOnly) return (await grade(sub.dir, { rubric, lab, staticOnly: true })).criteria;
      const borrowed = borrowedIds(lab, mutant, dynamicIds);
      if (borrowed.length === 0) return (await grade(sub.dir, { rubric, lab })).criteria;
      const own = (await grade(sub.dir, { rubric, lab, only: ids.filter((c) => !borrowed.includes(c)) })).criteria;
      return [...own, ...(await gradeOfReference()).filter((c) => borrowed.includes(c.id))];
    } finally {
      await sub.cleanup();
    }
  }

  const selected = MUTANTS.filter((mutant) => !engineOnly || reachesEngine(lab, mutant, dynamicIds));

  describe.concurrent(`lab ${id}: the reference and every mutant`, { timeout: 300_000 }, () => {
    // A criterion a mutant lists and the rubric lacks would be left out of the comparison unseen.
    test('every criterion a mutant loses is one of the lab’s rubric, and every mutant name is unique', () => {
      expect(MUTANTS.flatMap((mutant) => mutant.loses.filter((c) => !ids.includes(c as CriterionId)).map((c) => `${mutant.name}: ${c}`))).toEqual([]);
      expect(new Set(MUTANTS.map((mutant) => mutant.name)).size).toBe(MUTANTS.length);
    });

    for (const mutant of selected) {
      test(mutant.name, async () => {
        const criteria = await gradeMutant(mutant);
        const graded: CriterionId[] = mutant.staticOnly ? staticIds : ids;
        const expectedLosses = mutant.loses.filter((c) => graded.includes(c as CriterionId)).sort();
        accuracy.record(`${id}: ${mutant.name}`, criteria, expectedLosses);
        const detail = criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} — ${c.message}`).join('\n');
        expect(criteria.map((c) => c.id).sort()).toEqual([...graded].sort());
        expect(criteria.filter((c) => c.status !== 'pass').map((c) => c.id).sort(), detail).toEqual(expectedLosses);
        expect(criteria.filter((c) => c.status === 'error' || c.status === 'skip').map((c) => `${c.id}: ${c.status}`), detail).toEqual([]);
        for (const c of criteria) if (c.status !== 'pass') expect(c.message.length, `${c.id} has no message`).toBeGreaterThan(10);
        if (mutant.loses.length === 0) expect(criteria.filter((c) => c.points !== c.maxPoints).map((c) => c.id)).toEqual([]);
      });
    }
  });
}

afterAll(() => {
  process.stdout.write(accuracy.summary());
});
