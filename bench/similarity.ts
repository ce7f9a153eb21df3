// `npm run bench:similarity`: the class comparison of the batch regrade on 300 submissions, on this
// machine: (a) fingerprinting every REPORT.md (parse, own text, winnowing), as each batch job does;
// (b) comparing them all (Dolos's winnowing index, question by question; a pair needs three
// near-identical answers), as the batch or `--merge` does once. The class: 290 students with
// their own answers (sentences of the answer corpus mixed and reworded at random, seeded) and 5
// pairs where one lightly edited the other's report. A script, not a test.
import { cpus, totalmem } from 'node:os';
import { QUESTIONS } from '../labs/csc8613-tp1/questions.ts';
import { CORRECT_ANSWERS } from '../grader/src/checks/report/testing.ts';
import { templateWith, REFERENCE_REPORT } from '../grader/src/checks/report/testing.ts';
import { lightEdit, printsOf } from '../grader/src/batch/testing.ts';
import { findSimilarities, type ClassAnswers } from '../grader/src/batch/similarities.ts';
import { loadRubric } from '../grader/src/rubric/rubric.ts';
import { lab as TP1 } from '../labs/csc8613-tp1/lab.ts';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const COPIED_PAIRS = 5;

// Deterministic pseudo-random numbers (mulberry32).
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const sentencesOf = (text: string) => text.replace(/```[\s\S]*?```/g, ' ').split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().split(/\s+/).length >= 4);
const pools = new Map(QUESTIONS.map((q) => [q.id, (CORRECT_ANSWERS[q.id] ?? []).flatMap(sentencesOf)]));
const vocabulary = [...new Set(Object.values(CORRECT_ANSWERS).flat().join(' ').split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w)))];

/** A student's own report: per question, three sentences of the corpus, a fifth of their words replaced. */
function ownReport(): string {
  const answers: Record<string, string> = {};
  for (const q of QUESTIONS) {
    const pool = pools.get(q.id)!;
    if (pool.length === 0) continue;
    const text = Array.from({ length: 3 }, () => pick(pool)).join(' ');
    answers[q.id] = text.split(' ').map((w) => (random() < 0.2 ? pick(vocabulary) : w)).join(' ');
  }
  return templateWith(answers);
}

const reports: Array<{ name: string; text: string }> = [];
for (let i = 0; i < STUDENTS - 2 * COPIED_PAIRS; i++) reports.push({ name: `student-${String(i).padStart(3, '0')}`, text: ownReport() });
for (let i = 0; i < COPIED_PAIRS; i++) {
  const original = i === 0 ? REFERENCE_REPORT : ownReport();
  reports.push({ name: `original-${i}`, text: original }, { name: `copier-${i}`, text: lightEdit(original) });
}

const rubric = await loadRubric();
process.stdout.write(`bench:similarity: ${reports.length} submissions; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
let start = performance.now();
const cls: ClassAnswers[] = reports.map((r) => ({ name: r.name, answers: printsOf(r.text) }));
const printMs = performance.now() - start;
start = performance.now();
const found = findSimilarities(cls, { minWords: rubric.settings.similarityMinWords, minScore: rubric.settings.similarityMinScore, report: TP1.report });
const compareMs = performance.now() - start;
const answers = cls.reduce((sum, s) => sum + s.answers.length, 0);
const copies = found.filter((s) => s.a.replace('original', 'copier') === s.b || s.b.replace('original', 'copier') === s.a).length;
process.stdout.write(
  `  (a) fingerprints of ${reports.length} reports (${answers} answers; each batch job does its own, ${(printMs / reports.length).toFixed(0)} ms a report, mostly the Markdown parse): ${(printMs / 1000).toFixed(2)} s\n` +
    `  (b) comparison of the ${reports.length} submissions (batch end or --merge): ${(compareMs / 1000).toFixed(2)} s (target ≤ 10 s)\n` +
    `  pairs listed: ${found.length} (${copies} of the ${COPIED_PAIRS} copied pairs; others are generated students who drew the same corpus sentences)\n`,
);
for (const pair of found) process.stdout.write(`    ${pair.a} ↔ ${pair.b}: ${pair.questions.join(', ')} (${pair.score.toFixed(2)})\n`);
