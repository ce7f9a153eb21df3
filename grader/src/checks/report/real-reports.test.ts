// Two real reports of this lab (../shared/real-reports, byte for byte as their authors saved them)
// graded as written, as REPORT.md of a real submission folder, against a teaching assistant's
// verdict on every question (verdicts.json): what earns its points keeps them, what is missing is
// caught, and the instructor's review list stays short.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADER_ROOT } from '../../location.ts';
import { REPORT_GROUPS } from '../../../../labs/csc8613-tp1/questions.ts';
import type { StaticContext } from '../check.ts';
import { judgeGroup, type QuestionVerdict } from './answers.ts';
import { judgeSubstance } from './ex8.ts';
import { notionsTouched } from './relevance.ts';
import { criterion as encoding } from './encoding.ts';
import { withContext } from './testing.ts';

const DIR = join(GRADER_ROOT, '..', 'shared', 'real-reports');
const REPORTS = ['csc8613-tp1-a.md', 'csc8613-tp1-b.md'] as const;
type Verdicts = Record<string, Record<string, unknown>>;

/** Every counted question of every report group, judged as report.ex* judges it. */
async function allVerdicts(ctx: StaticContext): Promise<QuestionVerdict[]> {
  const all: QuestionVerdict[] = [];
  for (const group of Object.keys(REPORT_GROUPS) as string[]) {
    const verdicts = await judgeGroup(ctx, group, group === 'report.ex8' ? judgeSubstance : undefined);
    if (typeof verdicts === 'string') throw new Error(verdicts);
    all.push(...verdicts);
  }
  return all;
}

const gradeText = (report: string | Buffer) => withContext(allVerdicts, { 'REPORT.md': report });

/** What a wrong re-encoding does: UTF-8 read as `label` and saved again as UTF-8. */
const reencoded = (text: string, label: string) => new TextDecoder(label).decode(new TextEncoder().encode(text));

describe.skipIf(!existsSync(DIR))('real reports of this lab against a TA’s verdicts', () => {
  const ta = existsSync(DIR) ? (JSON.parse(readFileSync(join(DIR, 'verdicts.json'), 'utf8')) as Verdicts) : {};

  for (const name of REPORTS) {
    it(`${name}: every verdict holds (not-judged entries aside)`, async () => {
      const verdicts = await gradeText(readFileSync(join(DIR, name)));
      const wrong: string[] = [];
      for (const { question, verdict } of verdicts) {
        const expected = ta[name]![question.id];
        if (expected === 'answered' && !verdict.answered) wrong.push(`${question.id} lost its points: ${verdict.reason}`);
        if (expected === 'unanswered' && verdict.answered) wrong.push(`${question.id} earned points with no answer`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('puts at most 2 of the two reports’ answered questions on the review list, and none of the reference', async () => {
    const reviewed: string[] = [];
    let answered = 0;
    for (const name of REPORTS) {
      for (const { question, verdict } of await gradeText(readFileSync(join(DIR, name)))) {
        if (ta[name]![question.id] === 'answered') answered++;
        if (verdict.answered && verdict.review) reviewed.push(`${name} ${question.id}: ${verdict.review}`);
      }
    }
    expect(answered).toBe(24);
    expect(reviewed.length, reviewed.join('\n')).toBeLessThanOrEqual(2);
    const reference = await withContext(allVerdicts);
    expect(reference.filter((v) => !v.verdict.answered || v.verdict.review)).toEqual([]);
  });

  it('counts at least the aspects (8.a) and advantages (8.b) the TA counted in csc8613-tp1-b.md', async () => {
    const verdicts = await gradeText(readFileSync(join(DIR, 'csc8613-tp1-b.md')));
    for (const [id, key] of [['8.a', '8.a-aspects'], ['8.b', '8.b-advantages']] as const) {
      const { question, answer } = verdicts.find((v) => v.question.id === id)!;
      const counted = (ta['csc8613-tp1-b.md']![key] as string[]).length;
      expect(notionsTouched(question, answer!.text).length, id).toBeGreaterThanOrEqual(counted);
    }
  });

  it('repairs a report whose accents were broken (Mac Roman, Latin-1) before judging it, and still advises', async () => {
    const text = readFileSync(join(DIR, 'csc8613-tp1-b.md'), 'utf8');
    const summary = (verdicts: QuestionVerdict[]) => verdicts.map((v) => `${v.question.id}:${v.verdict.answered}`);
    const original = summary(await gradeText(text));
    for (const label of ['macintosh', 'windows-1252']) {
      const broken = reencoded(text, label);
      expect(broken).not.toBe(text);
      expect(summary(await gradeText(broken)), label).toEqual(original);
      const [advice] = await withContext(async (ctx) => [await encoding.judge(ctx)], { 'REPORT.md': broken });
      expect(advice, label).toMatchObject({ status: 'fail', message: expect.stringContaining('mal convertis') });
    }
  });
});
