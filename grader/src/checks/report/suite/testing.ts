// The report suites every lab folder's own test (labs/<id>/lab.test.ts) runs on its data, judged by
// the grader's real report code given that lab (never shipped: it holds expected verdicts). What
// they prove: the notions and vocabulary accept correct answers of every shape and the reference
// report; they reject filler, echoes of the prompt, keyword bags and answers moved to another
// question; and the static criteria of every mutant lose exactly what the lab's corpus says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labRubricPath } from '../../../location.ts';
import { STATIC_CRITERIA } from '../../catalogue.ts';
import { ANSWER_PLACEHOLDER, type Lab, type Question } from '../../../lab/lab.ts';
import { replaceAnswer, type MutantFile } from '../../../lab/testing.ts';
import { parseRubric } from '../../../rubric/rubric.ts';
import type { Overlay } from '../../../submission/testing.ts';
import { french } from '../../../text/french.ts';
import type { StaticContext } from '../../check.ts';
import type { StaticCriterion } from '../../criterion.ts';
import { gradeGroup, judgeAnswer, judgeGroup, type QuestionVerdict } from '../answers.ts';
import { criterion as reportEncoding } from '../encoding.ts';
import { criterion as reportPresent } from '../present.ts';
import { notionsTouched, notionText } from '../relevance.ts';
import { criterion as reportScreenshots } from '../screenshots.ts';
import { parseReport } from '../source/sections.ts';
import { FILLER_ANSWERS, withContext } from '../testing.ts';

/** What a lab folder's test gives the shared suites. */
export interface LabSuite {
  lab: Lab;
  /** The lab's reference solution folder (labs/<id>/reference). */
  referenceDir: string;
  /** Its REPORT.md, as text. */
  referenceReport: string;
  /** Genuinely different correct answers per explication question (labs/<id>/testing.ts), at least five each. */
  correctAnswers: Readonly<Record<string, readonly string[]>>;
  /**
   * How far each answer of the reference is moved in the moved-answers test: shifts that pair every
   * answer with a question it does not answer (questions that overlap by design are left out so).
   */
  shifts: readonly number[];
  /** The lab's mutants (mutants.ts): files replaced or deleted, and the criteria each loses. */
  mutants: readonly { name: string; files: Readonly<Record<string, MutantFile | undefined>>; loses: readonly string[] }[];
}

/** The static criteria the lab's rubric picks (labs/<id>/rubric.yml), from the catalogue: the engine-free part of every mutant's verdict. */
function staticCriteriaOf(lab: Lab): StaticCriterion[] {
  const picked = parseRubric(readFileSync(labRubricPath(lab.id), 'utf8')).criteria;
  return STATIC_CRITERIA.filter((criterion) => picked.has(criterion.id));
}

/** The least number of words an explanation needs, as the labs' rubrics set it. */
const MIN_WORDS = 12;

/** The lab's explication questions. */
const explanations = (lab: Lab) => lab.report.questions.filter((q) => q.type === 'explication');

/** `body` as the answer under question `q`'s heading and prompt. */
function answerTo(lab: Lab, q: Question, body: string) {
  return parseReport(`### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`, lab.report).sections.get(q.id)?.answer;
}

/** Fillers written for one question: its commands restated, its prompt echoed or paraphrased (as the grader's relevance suite writes them). */
export function questionFillers(q: Question): string[] {
  const commands = [...q.prompt.matchAll(/`([^`]+)`/g)].map((m) => `\`${m[1]}\``);
  const listed = commands.length > 0 ? commands.join(', ') : 'les commandes demandées';
  const bare = q.prompt.replace(/`/g, '');
  return [
    `J'ai lancé ${listed} comme demandé et j'ai bien regardé le résultat, tout a marché.`,
    `I typed ${listed} in my terminal and looked carefully at what happened, all good.`,
    `Voici ce que j'ai fait pour cette question : ${bare.charAt(0).toLowerCase()}${bare.slice(1)} C'était facile.`,
    `Pour répondre à « ${q.title} », il faut bien réfléchir et comprendre la question posée dans l'énoncé.`,
    `${q.title} : j'ai fait ce qui était demandé, voir la capture. ${listed} fonctionne parfaitement chez moi.`,
  ];
}

/** Every counted question of every report group of the lab, judged as report.ex* judges it. */
export async function labVerdicts(ctx: StaticContext): Promise<QuestionVerdict[]> {
  const all: QuestionVerdict[] = [];
  for (const group of Object.keys(ctx.lab.report.groups)) {
    const verdicts = await judgeGroup(ctx, group);
    if (typeof verdicts === 'string') throw new Error(verdicts);
    all.push(...verdicts);
  }
  return all;
}

/** Runs `body` on the lab's reference solution with `overlay` applied, for that lab. */
export function onReference<T>(suite: Pick<LabSuite, 'lab' | 'referenceDir'>, body: (ctx: StaticContext) => Promise<T>, overlay: Overlay = {}): Promise<T> {
  return withContext(body, overlay, suite.referenceDir, suite.lab);
}

/** Registers the shared suites on a lab's data (call it from the lab's lab.test.ts, after loadFrench in beforeAll). */
export function describeLabReport(suite: LabSuite): void {
  const { lab, correctAnswers } = suite;
  const { notions, vocabulary } = lab.report;
  const questions = explanations(lab);
  const judge = (q: Question, body: string) => judgeAnswer(q, answerTo(lab, q, body), MIN_WORDS);

  describe('notions', () => {
    it('every explication question has notions and an "about" hint', () => {
      for (const q of questions) {
        expect(notions[q.id]?.notions.length, q.id).toBeGreaterThan(0);
        expect(notions[q.id]!.about.length, q.id).toBeGreaterThan(10);
      }
    });

    it('no notion matches its own question’s prompt', () => {
      for (const q of questions) {
        const prompt = ` ${notionText(q.prompt)} `;
        expect(notions[q.id]!.notions.filter((n) => n.pattern.test(prompt)).map((n) => n.name), q.id).toEqual([]);
      }
    });

    it('an echo of the question’s title or prompt inside an answer touches nothing', () => {
      for (const q of questions) expect(notionsTouched(q, `Pour « ${q.title} » : ${q.prompt}`), q.id).toEqual([]);
    });

    it('the vocabulary holds no stop word, and covers every explication question', () => {
      for (const [id, words] of Object.entries(vocabulary)) expect(french().words(words).filter((w) => french().isStopWord(w)), id).toEqual([]);
      expect(Object.keys(vocabulary).sort()).toEqual(questions.map((q) => q.id).sort());
    });
  });

  describe('relevance: correct answers of every shape are answered', () => {
    for (const q of questions) {
      it(`${q.id}: ${correctAnswers[q.id]?.length ?? 0} different correct answers`, () => {
        const answers = correctAnswers[q.id] ?? [];
        expect(answers.length).toBeGreaterThanOrEqual(5);
        for (const body of answers) expect(judge(q, body), body).toEqual({ answered: true });
      });
    }
  });

  describe('relevance: content-free answers are not', () => {
    for (const q of questions) {
      it(`${q.id}: generic filler, its commands restated, its prompt echoed`, () => {
        for (const body of [...FILLER_ANSWERS, ...questionFillers(q)]) expect(judge(q, body), body).toMatchObject({ answered: false });
      });
    }

    it('keyword stuffing: a bag of the question’s own vocabulary, no sentence', () => {
      for (const q of questions) {
        const bag = vocabulary[q.id]!.split(' ').slice(0, 14);
        for (const body of [bag.join(' '), bag.join(', '), bag.map((w) => `- ${w}`).join('\n'), `Réponse : ${bag.join(' ')}`]) {
          expect(judge(q, body), `${q.id}: ${body}`).toMatchObject({ answered: false, reason: expect.stringContaining('mots-clés') });
        }
      }
    });

    it.each(suite.shifts)('answers moved under other questions (the reference’s, each %i questions on) are off topic', async (shift) => {
      const parsed = parseReport(suite.referenceReport, lab.report);
      const ids = questions.map((q) => q.id);
      let text = suite.referenceReport;
      ids.forEach((id, i) => {
        text = replaceAnswer(text, ids[(i + shift) % ids.length]!, parsed.sections.get(id)!.answer.text);
      });
      const moved = (await onReference(suite, labVerdicts, { 'REPORT.md': text })).filter((v) => v.question.type === 'explication');
      expect(moved).toHaveLength(ids.length);
      expect(moved.filter((v) => v.verdict.answered).map((v) => v.question.id)).toEqual([]);
      expect(moved.filter((v) => !v.verdict.answered && v.verdict.reason.includes('semble répondre à la question')).length).toBeGreaterThan(ids.length / 2);
    });
  });

  describe('the reference report', () => {
    it('answers every question, with nothing on the review list, and passes every report criterion', async () => {
      const verdicts = await onReference(suite, labVerdicts);
      expect(verdicts.filter((v) => !v.verdict.answered || v.verdict.review).map((v) => `${v.question.id}: ${JSON.stringify(v.verdict)}`)).toEqual([]);
      const findings = await onReference(suite, async (ctx) => [
        ...(await Promise.all(Object.keys(lab.report.groups).map((group) => gradeGroup(ctx, group)))),
        await reportPresent.judge(ctx),
        await reportScreenshots.judge(ctx),
        await reportEncoding.judge(ctx),
      ]);
      expect(findings.map((f) => f.status)).toEqual(findings.map(() => 'pass'));
    });
  });

  describe('mutants: the static criteria lose exactly what the corpus says', () => {
    const staticCriteria = staticCriteriaOf(suite.lab);
    const staticIds = new Set<string>(staticCriteria.map((criterion) => criterion.id));
    for (const mutant of suite.mutants) {
      it(mutant.name, async () => {
        const failing = await onReference(suite, async (ctx) => {
          const lost: string[] = [];
          for (const criterion of staticCriteria) if ((await criterion.judge(ctx)).status !== 'pass') lost.push(criterion.id);
          return lost;
        }, mutant.files as Overlay);
        expect(failing.sort()).toEqual(mutant.loses.filter((id) => staticIds.has(id)).sort());
      });
    }
  });
}

/** Expects a lab's rubric (labs/<id>/rubric.yml) to name the lab and grade exactly `ids`, points summing to 100, each criterion in a declared group, every report group of the lab included. */
export function expectLabRubric(lab: Lab, rubricText: string, ids: readonly string[]): void {
  const rubric = parseRubric(rubricText, 'any');
  expect(rubric.lab).toBe(lab.id);
  expect([...rubric.criteria.keys()].sort()).toEqual([...ids].sort());
  expect([...rubric.criteria.values()].reduce((sum, c) => sum + c.points, 0)).toBe(100);
  for (const c of rubric.criteria.values()) expect(Object.keys(rubric.groups)).toContain(c.group);
  expect(Object.keys(lab.report.groups).filter((id) => !rubric.criteria.has(id as never))).toEqual([]);
}

/** Finds lines of a real report and says which of them answer which question. */
export interface ReportCutter {
  lines: readonly string[];
  /** The index of the first line, from `from` on, that contains `marker`; throws when none does. */
  at(marker: string, from?: number): number;
  /** Lines `start` to `end` (excluded) answer question `id`. */
  cut(id: string, start: number, end: number): void;
}

/**
 * A real report of a course laid out under the lab's question headings, as its author would have
 * written it in the template: `layout` cuts it, `line` rewrites each line kept; a question left
 * uncut keeps the placeholder.
 */
export function realReportAsTemplate(lab: Lab, text: string, layout: (cutter: ReportCutter) => void, line: (text: string) => string = (same) => same): string {
  const lines = text.split('\n');
  const parts = new Map<string, string>();
  layout({
    lines,
    at(marker, from = 0) {
      const index = lines.findIndex((candidate, i) => i >= from && candidate.includes(marker));
      if (index === -1) throw new Error(`real report: no line with ${marker}`);
      return index;
    },
    cut(id, start, end) {
      parts.set(id, lines.slice(start, end).map(line).join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd());
    },
  });
  return lab.report.questions.map((q) => `### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${parts.get(q.id) ?? ANSWER_PLACEHOLDER}\n`).join('\n');
}

/** Grades `report` on the lab's reference and expects exactly `unanswered` to lose their points, every other counted question answered with nothing to review. */
export async function expectRealReport(suite: Pick<LabSuite, 'lab' | 'referenceDir'>, report: string, unanswered: readonly string[]): Promise<void> {
  const verdicts = await onReference(suite, labVerdicts, { 'REPORT.md': report });
  for (const { question, verdict } of verdicts) {
    const seen = verdict.answered ? (verdict.review ? 'review' : 'answered') : verdict.reason;
    if (unanswered.includes(question.id)) expect(seen, question.id).not.toMatch(/^(?:answered|review)$/);
    else expect(seen, question.id).toBe('answered');
  }
}
