import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../rubric/rubric.ts';
import type { Question } from '../lab/questions.ts';
import { REFERENCE_REPORT } from '../checks/report/testing.ts';
import { corpusReport, lightEdit, printsOf } from './testing.ts';
import { CORRECT_ANSWERS } from '../checks/report/testing.ts';
import { resemblance } from '../similarity/fingerprint.ts';
import { findSimilarities, similarTo, type ClassAnswers } from './similarities.ts';

const SETTINGS = { minWords: DEFAULT_SETTINGS.similarityMinWords, minScore: DEFAULT_SETTINGS.similarityMinScore };
const student = (name: string, report: string): ClassAnswers => ({ name, answers: printsOf(report) });

describe('findSimilarities', () => {
  test('a lightly edited copy of a report is listed with the other; students with their own answers are not', () => {
    const edited = lightEdit(REFERENCE_REPORT);
    expect(edited).not.toBe(REFERENCE_REPORT);
    const cls = [
      student('camille', REFERENCE_REPORT),
      student('dominique', edited),
      ...[1, 2, 3, 4].map((i) => student(`own-${i}`, corpusReport(i))),
    ];
    const found = findSimilarities(cls, SETTINGS);
    expect(found.map((s) => [s.a, s.b])).toEqual([['camille', 'dominique']]);
    expect(found[0]!.questions.length).toBeGreaterThanOrEqual(15);
    expect(found[0]!.score).toBeGreaterThan(0.6);
    expect(found[0]!.score).toBeLessThanOrEqual(1);
  });

  test('the same pasted commands and terminal output, or the question echoed, do not make two answers similar', () => {
    const output = '```text\n$ docker ps -a\nCONTAINER ID   IMAGE         COMMAND    CREATED          STATUS                      NAMES\n4f1c2a9b8e7d   hello-world   "/hello"   2 minutes ago    Exited (0) 2 minutes ago    quirky_euler\n```\n\n';
    const pasted = (q: Question) => `${output}${q.prompt.replace(/\`/g, '')}\n\n\`docker compose exec db psql -U demo -d demo -c 'SELECT version();'\` \`docker compose logs -f api --tail 50\`\n\n`;
    const cls = [student('x', corpusReport(1, pasted)), student('y', corpusReport(2, pasted)), student('z', corpusReport(3, pasted))];
    expect(printsOf(corpusReport(1, pasted)).find((p) => p.id === '2.a')!.text).toBe(printsOf(corpusReport(1)).find((p) => p.id === '2.a')!.text);
    expect(findSimilarities(cls, SETTINGS)).toEqual([]);
  });

  test('no two independent correct answers of the corpus (nor one and the reference) reach the threshold', () => {
    const reference = printsOf(REFERENCE_REPORT);
    let worst = 0;
    for (const [id, answers] of Object.entries(CORRECT_ANSWERS)) {
      const prints = [...answers.map((answer) => printsOf(`### ${id} —\n\n${answer}\n`)[0]!), reference.find((p) => p.id === id)!];
      for (const [i, a] of prints.entries()) {
        for (const b of prints.slice(i + 1)) {
          if (a.words < SETTINGS.minWords || b.words < SETTINGS.minWords) continue;
          const score = resemblance(a.prints, b.prints);
          expect(score, `${id}: ${a.text} ~ ${b.text}`).toBeLessThan(SETTINGS.minScore);
          worst = Math.max(worst, score);
        }
      }
    }
    expect(worst).toBeGreaterThan(0); // the comparison did run on answers sharing vocabulary
  });

  test('a short answer is not compared; thresholds come from the settings', () => {
    const short = { id: '2.a', text: 'x', words: 5, prints: [1, 2, 3, 4] };
    const cls = [{ name: 'a', answers: [short] }, { name: 'b', answers: [short] }];
    expect(findSimilarities(cls, SETTINGS)).toEqual([]);
    expect(findSimilarities(cls, { minWords: 5, minScore: 0.6 })).toEqual([{ a: 'a', b: 'b', questions: ['2.a'], score: 1 }]);
  });

  test('phrasing shared by much of a class is vocabulary, not a copy', () => {
    const common = { id: '2.a', text: 'x', words: 30, prints: [1, 2, 3, 4, 5] };
    const cls = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, answers: [{ ...common, prints: [...common.prints, 100 + i] }] }));
    expect(findSimilarities(cls, SETTINGS)).toEqual([]);
  });

  test('similar_to: name (ids; score) joined by "; "', () => {
    const list = [
      { a: 'ann', b: 'bob', questions: ['2.a', '4.a'], score: 0.91 },
      { a: 'cat', b: 'ann', questions: ['8.b'], score: 0.7 },
    ];
    expect(similarTo('ann', list)).toBe('bob (2.a, 4.a; 0.91); cat (8.b; 0.70)');
    expect(similarTo('dan', list)).toBe('');
  });
});
