// Copied answers across a class: students' answers compared question by question on their own
// prose (commands, pasted output and the template's text removed; see checks/report/own-text.ts)
// with Dolos's winnowing (similarity/class-index.ts). The lab's own text and the handout the
// instructor gives as base text never count, nor phrasing shared by many in the class; a pair is
// listed only when several of its answers are near-identical. A lead for the instructor, never a
// verdict nor a penalty: the pairs are listed in grades.json, grades.csv and index.html, and
// nothing changes a score.
import type { LabReport } from '../lab/lab.ts';
import { renderReportTemplate } from '../lab/render-report-template.ts';
import type { AnswerPrint } from '../model/result.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import { kgramHashes, matchTexts, type Span } from '../similarity/class-index.ts';
import type { BaseText } from './base-text.ts';

/** One near-identical answer of a pair: its question, its score and the matching passages of each side's text. */
export interface SimilarAnswer {
  question: string;
  score: number;
  /** Spans of `a`'s answer text (as carried in its report) that match `b`'s, and the other way round. */
  a: Span[];
  b: Span[];
}

/** Two submissions with near-identical answers to `questions`; `score` is their mean score (0..1). */
export interface Similarity {
  a: string;
  b: string;
  questions: string[];
  score: number;
  /** The evidence, question by question (absent from gradebooks written before it existed). */
  answers?: SimilarAnswer[];
}

export interface SimilaritySettings {
  /** Answers shorter than this (words of own prose) are not compared: too short to tell a copy. */
  minWords: number;
  /** Score (share of the shorter answer's k-grams found in the other) from which two answers are near-identical. */
  minScore: number;
  /** Near-identical answers a pair needs to be listed (default MIN_QUESTIONS): one shared standard definition is not a copy. */
  minQuestions?: number;
  /** k-gram hashes never counted beside the template's own text: the handout given as base text (see `kgramHashes`). */
  ignored?: readonly number[];
  /** The lab's report: its questions' order, and its template's text (never counted). */
  report: LabReport;
}

export interface ClassAnswers {
  name: string;
  answers: readonly AnswerPrint[];
}

/** Near-identical answers a pair needs to be listed, by default. */
export const MIN_QUESTIONS = 3;
/** At least this many shared k-grams, whatever the share: two or three shared phrases are vocabulary. */
const MIN_SHARED = 3;

/**
 * A k-gram found in more answers to a question than this is the lab's shared phrasing (what
 * every student writes), not a copy: it is ignored for that question.
 */
export function commonLimit(answers: number): number {
  return Math.max(4, Math.ceil(answers * 0.05));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const templateHashes = new WeakMap<LabReport, number[]>();
/** The k-grams of the report template (questions, prompts, instructions): the lab's own text. */
function templateKgrams(report: LabReport): number[] {
  let hashes = templateHashes.get(report);
  if (!hashes) {
    hashes = kgramHashes(renderReportTemplate(report));
    templateHashes.set(report, hashes);
  }
  return hashes;
}

/** The pairs of submissions with near-identical answers to at least `minQuestions` questions, most questions first. */
export function findSimilarities(submissions: readonly ClassAnswers[], settings: SimilaritySettings): Similarity[] {
  const ORDER = new Map(settings.report.questions.map((q, i) => [q.id, i]));
  // Question id → eligible answers (submission index, own prose as its report carries it: the first 1,500 characters).
  const byQuestion = new Map<string, Array<{ who: number; text: string }>>();
  submissions.forEach((submission, who) => {
    const seen = new Set<string>();
    for (const answer of submission.answers) {
      if (seen.has(answer.id) || !ORDER.has(answer.id) || answer.words < settings.minWords) continue;
      seen.add(answer.id);
      const list = byQuestion.get(answer.id) ?? [];
      list.push({ who, text: answer.text });
      byQuestion.set(answer.id, list);
    }
  });

  const ignored = [...templateKgrams(settings.report), ...(settings.ignored ?? [])];
  // Pair key (a < b) → its near-identical answers.
  const pairs = new Map<number, SimilarAnswer[]>();
  const n = submissions.length;
  for (const [question, answers] of byQuestion) {
    const matches = matchTexts(
      answers.map((answer) => answer.text),
      { ignored, maxTexts: commonLimit(answers.length), minShared: MIN_SHARED, minScore: settings.minScore },
    );
    for (const match of matches) {
      const [x, y] = [answers[match.left]!.who, answers[match.right]!.who];
      const [a, aSpans, b, bSpans] = x < y ? [x, match.leftSpans, y, match.rightSpans] : [y, match.rightSpans, x, match.leftSpans];
      const key = a * n + b;
      const list = pairs.get(key) ?? [];
      list.push({ question, score: round2(match.score), a: aSpans, b: bSpans });
      pairs.set(key, list);
    }
  }

  const found: Similarity[] = [];
  for (const [key, answers] of pairs) {
    if (answers.length < (settings.minQuestions ?? MIN_QUESTIONS)) continue;
    answers.sort((x, y) => ORDER.get(x.question)! - ORDER.get(y.question)!);
    const score = answers.reduce((sum, s) => sum + s.score, 0) / answers.length;
    found.push({ a: submissions[Math.floor(key / n)]!.name, b: submissions[key % n]!.name, questions: answers.map((s) => s.question), score: round2(score), answers });
  }
  return found.sort((x, y) => y.questions.length - x.questions.length || y.score - x.score || x.a.localeCompare(y.a, 'en') || x.b.localeCompare(y.b, 'en'));
}

/** The class comparison of a batch or a merge: the rubric's thresholds, the base text's k-grams ignored. */
export function classSimilarities(answers: readonly ClassAnswers[], settings: RubricSettings, report: LabReport, base?: BaseText): Similarity[] {
  return findSimilarities(answers, { minWords: settings.similarityMinWords, minScore: settings.similarityMinScore, ignored: base?.hashes, report });
}

/** The `similar_to` cell of a submission: `name (ids; score)` for each pair it is in, joined by `; `. */
export function similarTo(name: string, similarities: readonly Similarity[]): string {
  return similarities
    .filter((s) => s.a === name || s.b === name)
    .map((s) => `${s.a === name ? s.b : s.a} (${s.questions.join(', ')}; ${s.score.toFixed(2)})`)
    .join('; ');
}
