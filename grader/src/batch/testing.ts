import type { Gradebook, GradebookRow } from './gradebook.ts';
import { QUESTIONS, type Question } from '../lab/questions.ts';
import { CORRECT_ANSWERS } from '../checks/report/testing.ts';
import { parseReport } from '../checks/report/source/sections.ts';
import { answerPrint } from '../checks/report/own-text.ts';
import type { AnswerPrint } from '../model/result.ts';
import { templateWith } from '../checks/report/testing.ts';


/** Test support: a small gradebook with a full marks row, a tampered row, a formula-like name and an error row. */
const row = (over: Partial<GradebookRow>): GradebookRow => ({
  name: 'x', file: 'x', status: 'graded', score: 0, maxScore: 10, points: {}, statuses: {}, tampered: [], gradedAt: '2026-11-01T10:00:00.000Z', durationMs: 1, ...over,
});

export const BOOK: Gradebook = {
  schema: 'docker-lab-gradebook/v1',
  generatedAt: '2026-11-01T10:00:00.000Z',
  staticOnly: false,
  criteria: [
    { id: 'dockerfile.present', title: 'Dockerfile', group: 'dockerfile', maxPoints: 4 },
    { id: 'report.present', title: 'Rapport', group: 'report', maxPoints: 6 },
  ],
  rows: [
    row({ name: 'alice', file: 'alice', score: 10, points: { 'dockerfile.present': 4, 'report.present': 6 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'pass' }, commit: 'a'.repeat(40), committedAt: '2026-10-01T12:00:00+02:00' }),
    row({ name: 'bob, "the builder"', file: 'bob_the_builder_', score: 4, points: { 'dockerfile.present': 4, 'report.present': 0 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'fail' }, tampered: ['tests/report.test.ts', '=cmd|x'] }),
    row({ name: '=HYPERLINK("http://evil")', file: 'HYPERLINK_http_evil_', score: 0, points: { 'dockerfile.present': 0, 'report.present': 0 }, statuses: { 'dockerfile.present': 'fail', 'report.present': 'fail' } }),
    row({ name: 'dave', file: 'dave', status: 'error', score: null, error: 'délai dépassé\nligne 2' }),
  ],
};

// Test support for the class comparison: students' reports built from the reference and from the
// corpus of independent correct answers, and a light edit of a report (what a student who copies
// does: sentences swapped, a few words and the punctuation changed).

const SWAPS: Array<[RegExp, string]> = [
  [/\bdonc\b/g, 'alors'],
  [/\bmais\b/g, 'cependant'],
  [/\baussi\b/g, 'également'],
  [/\bIci\b/g, 'Dans ce cas'],
  [/\bpuis\b/g, 'ensuite'],
  [/\bmontre\b/g, 'affiche'],
  [/ : /g, ', '],
  [/ ; /g, '. '],
];

/** A light edit of a report: in each answer paragraph the first two sentences swapped, some words and punctuation changed. */
export function lightEdit(report: string): string {
  return report
    .split('\n')
    .map((line) => {
      if (line === '' || /^(?:#|>|```|\||!\[|<img|\[|- \*\*)/.test(line)) return line;
      const sentences = line.split(/(?<=\.) (?=[A-ZÀ-Ý`])/);
      if (sentences.length > 2) [sentences[0], sentences[1]] = [sentences[1]!, sentences[0]!];
      let text = sentences.join(' ');
      for (const [from, to] of SWAPS) text = text.replace(from, to);
      return text;
    })
    .join('\n');
}

/** A report whose explanations are the corpus's `index`-th correct answer for each question (independent of the others). */
export function corpusReport(index: number, prefix: (q: Question) => string = () => ''): string {
  const answers: Record<string, string> = {};
  for (const q of QUESTIONS) {
    const options = CORRECT_ANSWERS[q.id];
    if (options) answers[q.id] = `${prefix(q)}${options[index % options.length]!}`;
  }
  return templateWith(answers);
}

/** The answer prints of a report's text, as the batch computes them from a submission. */
export function printsOf(report: string): AnswerPrint[] {
  const parsed = parseReport(report);
  const prints: AnswerPrint[] = [];
  for (const q of QUESTIONS) {
    const section = parsed.sections.get(q.id);
    if (q.type !== 'code' && section) prints.push(answerPrint(q, section.answer));
  }
  return prints.filter((p) => p.words > 0);
}
