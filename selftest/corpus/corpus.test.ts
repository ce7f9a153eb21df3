import { CRITERION_IDS, DYNAMIC_IDS } from '../support/root-lab.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { type CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult, Status } from '../../grader/src/model/result.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { DYNAMIC_CRITERIA } from '../../grader/src/checks/catalogue.ts';
import { makeSubmission } from '../support/submission.ts';
import { MUTANTS, type Mutant } from './mutants.ts';

const rubric = await loadRubric();
// Shorter start-up deadline than the default: an app that answers does so within seconds here.
// The product's own start-up deadline: the official postgres image's two-phase start on a loaded CI machine
// needs it (a shorter one failed the slow-init mutant there, a student's stack would not).
const testRubric = rubric;

/** Paths the Docker phases never read: a mutant that changes only these has the reference's dynamic verdicts. */
const STATIC_ONLY_PATHS = /^(REPORT\.md$|captures\/)/;
/**
 * Paths outside the build context (starter/) and the report: a mutant that changes only these builds
 * the reference's image, so the criteria judged on that image alone (the container phase, the size)
 * have the reference's verdicts; only its stack is run.
 */
const OUTSIDE_IMAGE_PATHS = /^(REPORT\.md$|captures\/|docker-compose\.yml$)/;
const touchesOnly = (paths: RegExp, overlay: object) => Object.keys(overlay).length > 0 && Object.keys(overlay).every((path) => paths.test(path));
const touchesOnlyStaticPaths = (overlay: object) => touchesOnly(STATIC_ONLY_PATHS, overlay);
/** The dynamic criteria judged on the image alone (its container and its size), not on the stack. */
const IMAGE_ONLY_IDS: CriterionId[] = DYNAMIC_CRITERIA.filter((c) => c.observes === 'container' || c.observes === 'size').map((c) => c.id);

let referenceDynamic: Promise<CriterionResult[]> | undefined;
/** The reference solution's dynamic verdicts, graded once on a real engine. */
function dynamicVerdictsOfReference(): Promise<CriterionResult[]> {
  referenceDynamic ??= (async () => {
    const sub = await makeSubmission();
    try {
      return (await grade(sub.dir, { rubric: testRubric, only: DYNAMIC_IDS })).criteria;
    } finally {
      await sub.cleanup();
    }
  })();
  return referenceDynamic;
}

/**
 * Grades a mutant, taking from the reference's dynamic grade what the mutant cannot change: all of
 * it when only the report or captures differ, the image's criteria when the build context is the
 * reference's. The grader's own `only` runs just the phases the rest observe.
 */
async function gradeMutant(dir: string, mutant: Mutant): Promise<CriterionResult[]> {
  if (mutant.staticOnly) return (await grade(dir, { rubric: testRubric, staticOnly: true })).criteria;
  const borrowed = touchesOnlyStaticPaths(mutant.overlay) ? DYNAMIC_IDS : touchesOnly(OUTSIDE_IMAGE_PATHS, mutant.overlay) ? IMAGE_ONLY_IDS : [];
  if (borrowed.length === 0) return (await grade(dir, { rubric: testRubric })).criteria;
  const own = (await grade(dir, { rubric: testRubric, only: CRITERION_IDS.filter((id) => !borrowed.includes(id)) })).criteria;
  return [...own, ...(await dynamicVerdictsOfReference()).filter((c) => borrowed.includes(c.id))];
}

/** Confusion counts over the corpus: what the grader said against what was expected. */
const tally = { checked: 0, falsePasses: [] as string[], falseFails: [] as string[], errors: [] as string[] };

function expectedVector(differs: Partial<Record<CriterionId, Status>>, ids: readonly CriterionId[]): Record<string, Status> {
  return Object.fromEntries(ids.map((id) => [id, differs[id] ?? 'pass']));
}

/**
 * `DOCKER_LAB_CORPUS=docker` (CI's passes on its other engines): only the mutants graded on the
 * engine, i.e. those that exercise the builder, the engine or the stack.
 */
const SELECTED = process.env.DOCKER_LAB_CORPUS === 'docker' ? MUTANTS.filter((m) => !m.staticOnly && !touchesOnlyStaticPaths(m.overlay)) : MUTANTS;

describe.concurrent('mutant corpus: every criterion of every mutant', { timeout: 300_000 }, () => {
  for (const mutant of SELECTED) {
    test(mutant.name, async () => {
      const sub = await makeSubmission(mutant.overlay);
      try {
        const report = { criteria: await gradeMutant(sub.dir, mutant) };
        const ids = mutant.staticOnly ? CRITERION_IDS.filter((id) => !DYNAMIC_IDS.includes(id)) : CRITERION_IDS;
        const expected = expectedVector(mutant.differs, ids);
        const actual = Object.fromEntries(report.criteria.map((c) => [c.id, c.status]));
        for (const id of ids) {
          tally.checked++;
          const label = `${mutant.name} → ${id}`;
          const message = report.criteria.find((c) => c.id === id)?.message ?? '';
          if (actual[id] === 'error' || actual[id] === 'skip') tally.errors.push(`${label}: ${actual[id]} (${message})`);
          else if (actual[id] === 'pass' && expected[id] !== 'pass') tally.falsePasses.push(label);
          else if (actual[id] !== 'pass' && expected[id] === 'pass') tally.falseFails.push(`${label}: ${message}`);
        }
        const mismatches = report.criteria.filter((c) => expected[c.id] !== c.status).map((c) => `${c.id}: expected ${expected[c.id]}, got ${c.status} — ${c.message}`);
        expect(mismatches, mismatches.join('\n')).toEqual([]);
        expect(Object.keys(actual).sort()).toEqual([...ids].sort());
        for (const c of report.criteria) if (c.status !== 'pass') expect(c.message.length, `${c.id} has no message`).toBeGreaterThan(10);
      } finally {
        await sub.cleanup();
      }
    });
  }
});

afterAll(() => {
  const lines = [
    '',
    `Accuracy over the mutant corpus (${SELECTED.length} submissions, ${tally.checked} verdicts):`,
    `  false passes: ${tally.falsePasses.length}`,
    `  false fails:  ${tally.falseFails.length}`,
    `  errors:       ${tally.errors.length}`,
    ...[...tally.falsePasses.map((l) => `  FALSE PASS ${l}`), ...tally.falseFails.map((l) => `  FALSE FAIL ${l}`), ...tally.errors.map((l) => `  ERROR ${l}`)],
    '',
  ];
  process.stdout.write(lines.join('\n'));
});
