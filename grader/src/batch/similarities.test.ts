import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../rubric/rubric.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';
import type { Question } from '../lab/lab.ts';
import { REFERENCE_REPORT } from '../checks/report/testing.ts';
import { corpusReport, HANDOUT, lightEdit, printsOf, syntheticClass } from './testing.ts';
import { CORRECT_ANSWERS } from '../checks/report/testing.ts';
import { kgramHashes, matchTexts, type Span } from '../similarity/class-index.ts';
import { normalWords } from '../similarity/words.ts';
import { findSimilarities, similarTo, type ClassAnswers, type SimilaritySettings } from './similarities.ts';

const SETTINGS = { minWords: DEFAULT_SETTINGS.similarityMinWords, minScore: DEFAULT_SETTINGS.similarityMinScore, report: TP1.report };
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
      const texts = [...answers.map((answer) => printsOf(`### ${id} —\n\n${answer}\n`)[0]!), reference.find((p) => p.id === id)!]
        .filter((p) => p.words >= SETTINGS.minWords)
        .map((p) => p.text);
      for (const match of matchTexts(texts, { ignored: [], maxTexts: texts.length, minShared: 1, minScore: 0 })) {
        expect(match.score, `${id}: ${texts[match.left]} ~ ${texts[match.right]}`).toBeLessThan(SETTINGS.minScore);
        worst = Math.max(worst, match.score);
      }
    }
    expect(worst).toBeGreaterThan(0); // the comparison did run on answers sharing vocabulary
  });

  const answer = (id: string, text: string) => ({ id, text, words: text.split(' ').length, prints: [] });
  const LONG = ['2.a', '2.c', '4.a'].map((id, i) => answer(id, `Phrase numéro ${'abc'[i]} ${'docker conteneur image réseau volume service commande processus noyau port hôte '.repeat(2)}`));

  test('a pair needs several near-identical answers (one or two shared definitions are not a copy); thresholds come from the settings', () => {
    const cls = (answers: typeof LONG) => [{ name: 'a', answers }, { name: 'b', answers }];
    expect(findSimilarities(cls(LONG.slice(0, 2)), SETTINGS)).toEqual([]);
    expect(findSimilarities(cls(LONG.slice(0, 2)), { ...SETTINGS, minQuestions: 2 }).map((s) => s.questions)).toEqual([['2.a', '2.c']]);
    const [pair] = findSimilarities(cls(LONG), SETTINGS);
    expect(pair).toMatchObject({ a: 'a', b: 'b', questions: ['2.a', '2.c', '4.a'], score: 1 });
    expect(findSimilarities(cls(LONG), { ...SETTINGS, minWords: 100 })).toEqual([]);
  });

  test('phrasing shared by much of a class is vocabulary, not a copy', () => {
    const cls = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, answers: LONG }));
    expect(findSimilarities(cls, SETTINGS)).toEqual([]);
    expect(findSimilarities(cls.slice(0, 4), SETTINGS)).toHaveLength(6);
  });

  test('synthetic class: only the copied pair is listed; the handout passed as base text and standard definitions do not count', () => {
    const cls = Object.entries(syntheticClass()).map(([name, report]) => student(name, report));
    const pairs = (settings: SimilaritySettings) => findSimilarities(cls, settings).map((s) => `${s.a}~${s.b}`);
    const base = kgramHashes(HANDOUT);
    expect(pairs({ ...SETTINGS, ignored: base })).toEqual(['camille~dominique']);
    // Each innocent pair would be listed without the safeguard that clears it.
    expect(pairs(SETTINGS)).toEqual(['camille~dominique', 'hana~ilan']);
    expect(pairs({ ...SETTINGS, ignored: base, minQuestions: 1 })).toEqual(['camille~dominique', 'jo~kim']);

    // The evidence: for each question, the matching passages of each side, found in its own text.
    const [pair] = findSimilarities(cls, { ...SETTINGS, ignored: base });
    const textOf = (name: string, id: string) => cls.find((c) => c.name === name)!.answers.find((a) => a.id === id)!.text;
    expect(pair!.answers!.map((a) => a.question)).toEqual(pair!.questions);
    for (const evidence of pair!.answers!) {
      expect(evidence.a.length).toBeGreaterThan(0);
      const quoted = (name: string, spans: Span[]) => spans.map(([start, end]) => textOf(name, evidence.question).slice(start, end)).join(' ');
      const [a, b] = [quoted('camille', evidence.a), quoted('dominique', evidence.b)];
      // Matching passages hold the same normalised words, up to the few the copier changed.
      const words = new Set(normalWords(b));
      const kept = normalWords(a).filter((w) => words.has(w)).length;
      expect(kept / normalWords(a).length, `${evidence.question}: ${a} | ${b}`).toBeGreaterThan(0.7);
    }
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
