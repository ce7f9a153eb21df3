// Copied answers across a class: students' answers compared question by question on their own
// prose (commands, pasted output and the template's text removed; see checks/report/own-text.ts),
// by winnowed fingerprints. A review aid for the instructor, never a penalty: the pairs are listed
// in grades.json, grades.csv and index.html, and nothing changes a score.
import { QUESTIONS } from '../lab/questions.ts';
import type { AnswerPrint } from '../model/result.ts';

/** Two submissions with near-identical answers to `questions`; `score` is their mean resemblance (0..1). */
export interface Similarity {
  a: string;
  b: string;
  questions: string[];
  score: number;
}

export interface SimilaritySettings {
  /** Answers shorter than this (words of own prose) are not compared: too short to tell a copy. */
  minWords: number;
  /** Resemblance (share of the shorter answer's fingerprints found in the other) from which two answers are listed. */
  minScore: number;
}

export interface ClassAnswers {
  name: string;
  answers: readonly AnswerPrint[];
}

/** At least this many shared fingerprints, whatever the share: two or three shared phrases are vocabulary. */
const MIN_SHARED = 3;

/**
 * A fingerprint found in more answers to a question than this is the lab's shared phrasing (what
 * every student writes), not a copy: it is ignored for that question.
 */
export function commonLimit(answers: number): number {
  return Math.max(4, Math.ceil(answers * 0.05));
}

const ORDER = new Map(QUESTIONS.map((q, i) => [q.id, i]));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The pairs of submissions whose answers to one or more questions are near-identical, most questions first. */
export function findSimilarities(submissions: readonly ClassAnswers[], settings: SimilaritySettings): Similarity[] {
  // Question id → eligible answers (submission index, fingerprints).
  const byQuestion = new Map<string, Array<{ who: number; prints: readonly number[] }>>();
  submissions.forEach((submission, who) => {
    const seen = new Set<string>();
    for (const answer of submission.answers) {
      if (seen.has(answer.id) || !ORDER.has(answer.id) || answer.words < settings.minWords || answer.prints.length === 0) continue;
      seen.add(answer.id);
      const list = byQuestion.get(answer.id) ?? [];
      list.push({ who, prints: answer.prints });
      byQuestion.set(answer.id, list);
    }
  });

  // Pair key → question id → score.
  const pairs = new Map<number, Map<string, number>>();
  const n = submissions.length;
  for (const [id, answers] of byQuestion) {
    const postings = new Map<number, number[]>();
    for (const [index, answer] of answers.entries()) {
      for (const print of answer.prints) {
        const list = postings.get(print);
        if (list) list.push(index);
        else postings.set(print, [index]);
      }
    }
    const limit = commonLimit(answers.length);
    const kept = answers.map((answer) => answer.prints.filter((print) => postings.get(print)!.length <= limit).length);
    for (const [index, answer] of answers.entries()) {
      const shared = new Map<number, number>();
      for (const print of answer.prints) {
        const list = postings.get(print)!;
        if (list.length > limit) continue;
        for (const other of list) if (other > index) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      for (const [other, count] of shared) {
        if (count < MIN_SHARED) continue;
        const score = count / Math.min(kept[index]!, kept[other]!);
        if (score < settings.minScore) continue;
        const [a, b] = [answer.who, answers[other]!.who].sort((x, y) => x - y) as [number, number];
        const key = a * n + b;
        const questions = pairs.get(key) ?? new Map<string, number>();
        questions.set(id, Math.min(1, score));
        pairs.set(key, questions);
      }
    }
  }

  const found: Similarity[] = [];
  for (const [key, questions] of pairs) {
    const ids = [...questions.keys()].sort((x, y) => ORDER.get(x)! - ORDER.get(y)!);
    const score = [...questions.values()].reduce((sum, s) => sum + s, 0) / questions.size;
    found.push({ a: submissions[Math.floor(key / n)]!.name, b: submissions[key % n]!.name, questions: ids, score: round2(score) });
  }
  return found.sort((x, y) => y.questions.length - x.questions.length || y.score - x.score || x.a.localeCompare(y.a, 'en') || x.b.localeCompare(y.b, 'en'));
}

/** The `similar_to` cell of a submission: `name (ids; score)` for each pair it is in, joined by `; `. */
export function similarTo(name: string, similarities: readonly Similarity[]): string {
  return similarities
    .filter((s) => s.a === name || s.b === name)
    .map((s) => `${s.a === name ? s.b : s.a} (${s.questions.join(', ')}; ${s.score.toFixed(2)})`)
    .join('; ');
}
