import { describe, expect, it, beforeAll } from 'vitest';
import { loadFrench } from '../../text/french.ts';
import { QUESTIONS, QUESTION_BY_ID, type Question } from '../../lab/questions.ts';
import { NOTIONS } from '../../lab/notions.ts';
import { judgeAnswer } from './answers.ts';
import type { Answer } from './source/answer.ts';
import { parseReport } from './source/sections.ts';
import { CORRECT_ANSWERS, FILLER_ANSWERS } from './testing.ts';
import { notionsTouched, notionText } from './relevance.ts';
import { judgeSubstance } from './ex8.ts';

// The relevance judgement stems words: the language tooling is loaded once, as the report loader does.
beforeAll(async () => {
  await loadFrench();
});

const MIN = 12;
const EXPLANATIONS = QUESTIONS.filter((q) => q.type === 'explication');

function answerTo(q: Question, body: string): Answer | undefined {
  return parseReport(`### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`).sections.get(q.id)?.answer;
}
const judge = (q: Question, body: string) => judgeAnswer(q, answerTo(q, body), MIN);

/** Fillers written for one question: its commands restated, its prompt echoed or paraphrased. */
function questionFillers(q: Question): string[] {
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

describe('notions', () => {
  it('every explication question has notions and an "about" hint that is not empty', () => {
    for (const q of EXPLANATIONS) {
      expect(NOTIONS[q.id], q.id).toBeDefined();
      expect(NOTIONS[q.id]!.notions.length, q.id).toBeGreaterThan(0);
      expect(NOTIONS[q.id]!.about.length, q.id).toBeGreaterThan(10);
    }
  });

  it('no notion matches its own question’s prompt (but 8.a, whose prompt gives examples of aspects)', () => {
    for (const q of EXPLANATIONS.filter((q) => q.id !== '8.a')) {
      const prompt = ` ${notionText(q.prompt)} `;
      expect(NOTIONS[q.id]!.notions.filter((n) => n.pattern.test(prompt)).map((n) => n.name), q.id).toEqual([]);
    }
  });

  it('an echo of the question’s title or prompt inside an answer touches nothing', () => {
    for (const q of EXPLANATIONS) expect(notionsTouched(q, `Pour « ${q.title} » : ${q.prompt}`), q.id).toEqual([]);
  });
});

describe('relevance: correct answers of every shape are answered', () => {
  for (const q of EXPLANATIONS) {
    it(`${q.id}: ${CORRECT_ANSWERS[q.id]?.length ?? 0} different correct answers`, () => {
      const answers = CORRECT_ANSWERS[q.id] ?? [];
      expect(answers.length).toBeGreaterThanOrEqual(5);
      for (const body of answers) {
        const answer = answerTo(q, body);
        expect(judgeAnswer(q, answer, MIN), body).toEqual({ answered: true });
        // The reflection's own rules (length, two aspects for 8.a) hold too.
        if (q.exercise === 8) expect(judgeSubstance(q, answer!, MIN), body).toEqual({ answered: true });
      }
    });
  }
});

describe('relevance: content-free filler is not', () => {
  for (const q of EXPLANATIONS) {
    it(`${q.id}: generic filler, its commands restated, its prompt echoed`, () => {
      for (const body of [...FILLER_ANSWERS, ...questionFillers(q)]) {
        expect(judge(q, body), body).toMatchObject({ answered: false });
      }
    });
  }

  it('says "hors sujet" and names the topic, not the answer', () => {
    const q = QUESTION_BY_ID.get('4.a')!;
    const verdict = judge(q, FILLER_ANSWERS[0]!);
    expect(verdict).toMatchObject({ answered: false, reason: expect.stringContaining('hors sujet') });
    expect(verdict.answered ? '' : verdict.reason).toContain('-p');
  });

  it('a correct answer to one question is off topic under another', () => {
    const q = QUESTION_BY_ID.get('6.d')!;
    expect(judge(q, CORRECT_ANSWERS['2.a']![1]!)).toMatchObject({ answered: false, reason: expect.stringContaining('hors sujet') });
  });
});
