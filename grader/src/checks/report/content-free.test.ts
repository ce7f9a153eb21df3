// Done-when of the report's judgement on substance: content-free answers earn nothing but the
// action questions' share, a reused answer counts once. Graded on real submission folders.
import type { CriterionId } from '../../model/criteria.ts';
import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../lab/lab.ts';
import { QUESTIONS, REPORT_GROUPS } from '../../../../labs/csc8613-tp1/questions.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';
import { DEFAULT_RUBRIC_PATH, loadRubric } from '../../rubric/rubric.ts';
import { criterion as ex12 } from './ex1-2.ts';
import { criterion as ex34 } from './ex3-4.ts';
import { criterion as ex56 } from './ex5-6.ts';
import { criterion as ex7 } from './ex7.ts';
import { criterion as ex8 } from './ex8.ts';
import { FILLER_ANSWERS, gradeReport, gradeWith, REFERENCE_REPORT, templateWith, withAnswer } from './testing.ts';

const GROUP_CHECKS = [ex12, ex34, ex56, ex7, ex8];

/** The template with a different grammatical, content-free sentence under every question (no image, no output). */
function contentFreeReport(): string {
  const answers: Record<string, string> = {};
  const questions = QUESTIONS.filter((q) => q.type !== 'code');
  questions.forEach((q, i) => {
    answers[q.id] = FILLER_ANSWERS[i % FILLER_ANSWERS.length]! + (i >= FILLER_ANSWERS.length ? ' Je le referais volontiers.' : '');
  });
  return templateWith(answers);
}

/** The reference's text under question `id` (prompt left out). */
function referenceAnswer(id: string): string {
  const lines = REFERENCE_REPORT.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${id} `));
  let end = start + 1;
  while (end < lines.length && !/^#{2,3} |^\[psql\]:/.test(lines[end]!)) end++;
  return lines.slice(start + 3, end).join('\n').trim();
}

describe('a content-free report', () => {
  it('earns at most the share of its two action questions (1.a, 5.a) in report.ex1-2 … report.ex8', async () => {
    const rubric = await loadRubric(DEFAULT_RUBRIC_PATH);
    const findings = await gradeWith(GROUP_CHECKS, { 'REPORT.md': contentFreeReport() });
    let points = 0;
    let allowed = 0;
    for (const [i, finding] of findings.entries()) {
      const group = GROUP_CHECKS[i]!.id as string;
      const counted = groupQuestions(TP1.report, group);
      const actions = counted.filter((q) => q.type === 'action').length;
      expect(finding.status, group).toBe('fail');
      expect(finding.fraction ?? 0, `${group}: ${finding.message}`).toBeLessThanOrEqual(actions / counted.length);
      const max = rubric.criteria.get(group as CriterionId)!.points;
      points += Math.round(max * (finding.fraction ?? 0));
      allowed += Math.round(max * (actions / counted.length));
    }
    expect(Object.keys(REPORT_GROUPS)).toHaveLength(GROUP_CHECKS.length);
    expect(points).toBeLessThanOrEqual(allowed);
    expect(allowed).toBeLessThanOrEqual(2);
    expect(findings[0]!.message).toContain('hors sujet');
  });
});

describe('a reused answer counts once', () => {
  it('the 2.a answer pasted under 2.b and 2.c counts for 2.a only, and the message names the three', async () => {
    const a = referenceAnswer('2.a');
    const finding = await gradeReport(ex12, withAnswer('2.c', a, withAnswer('2.b', a)));
    expect(finding.fraction).toBeCloseTo(5 / 7);
    expect(finding.message).toMatch(/2\.b \(ligne \d+\), 2\.c \(ligne \d+\) : même réponse que sous 2\.a \(partagée par 2\.a, 2\.b, 2\.c\)/);
  });

  it('an on-topic answer reused under a later question of another group, lightly edited, counts for the first only', async () => {
    const edited = referenceAnswer('1.c').replace('alors que', 'tandis que').replace('Chaque ligne', 'Chacune des lignes');
    const finding = await gradeReport(ex34, withAnswer('4.d', edited));
    expect(finding.fraction).toBeCloseTo(4 / 5);
    expect(finding.message).toContain('même réponse que sous 1.c (partagée par 1.c, 4.d)');
    expect((await gradeReport(ex12, withAnswer('4.d', edited))).fraction).toBe(1);
  });

  it('the reference, whose answers all differ, keeps full marks', async () => {
    for (const finding of await gradeWith(GROUP_CHECKS)) expect(finding, finding.message).toMatchObject({ status: 'pass', fraction: 1 });
  });
});
