import { describe, expect, it, beforeAll } from 'vitest';
import { loadFrench } from '../../text/french.ts';
import { type Question } from '../../lab/lab.ts';
import { QUESTIONS, QUESTION_BY_ID, REPORT_GROUPS } from '../../../../labs/csc8613-tp1/questions.ts';
import { VOCABULARY } from '../../../../labs/csc8613-tp1/vocabulary.ts';
import { NOTIONS } from '../../../../labs/csc8613-tp1/notions.ts';
import { judgeAnswer, judgeGroup, type QuestionVerdict } from './answers.ts';
import type { Answer } from './source/answer.ts';
import { parseReport } from './source/sections.ts';
import { CORRECT_ANSWERS, FILLER_ANSWERS, REFERENCE_REPORT, withAnswer, withContext } from './testing.ts';
import { notionsTouched, notionText } from './relevance.ts';
import { judgeSubstance } from './ex8.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';
import { questionFillers } from './suite/testing.ts';

// The relevance judgement stems words: the language tooling is loaded once, as the report loader does.
beforeAll(async () => {
  await loadFrench();
});

const MIN = 12;
const EXPLANATIONS = QUESTIONS.filter((q) => q.type === 'explication');

function answerTo(q: Question, body: string): Answer | undefined {
  return parseReport(`### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`, TP1.report).sections.get(q.id)?.answer;
}
const judge = (q: Question, body: string) => judgeAnswer(q, answerTo(q, body), MIN);


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

describe('relevance: answers a teaching assistant gives full points to', () => {
  it.each([
    ['2.c', 'Le conteneur Alpine apparaît avec le statut `Exited` car il a terminé son exécution. Docker conserve l’historique du conteneur même s’il n’est plus actif.'],
    ['7.c', 'Un redémarrage est utile lorsque le service rencontre des problèmes temporaires, par exemple une fuite ou un blocage : cela permet de réinitialiser l’état du service sans tout reconstruire.'],
    ['7.d', 'Lorsqu’une erreur est introduite dans app.py, les logs (docker compose logs -f api) affichent l’historique Python et permettent d’identifier la cause.'],
  ])('%s: %s', (id, body) => {
    expect(judge(QUESTION_BY_ID.get(id)!, body)).toEqual({ answered: true });
  });

  it('counts aspects as a TA does: negative phrasing, several in one sentence (8.a)', () => {
    const q = QUESTION_BY_ID.get('8.a')!;
    const negative = 'Un notebook ne suffit pas en production : pas de gestion de versions, pas de services associés (BDD…), faible reproductibilité, tout se lance à la main.';
    expect(notionsTouched(q, negative).length).toBeGreaterThanOrEqual(3);
    expect(judgeSubstance(q, answerTo(q, negative)!, MIN)).toEqual({ answered: true });
  });
});

describe('relevance: adversarial answers earn nothing', () => {
  it('keyword stuffing: a bag of the question’s own vocabulary, no sentence', () => {
    for (const q of EXPLANATIONS) {
      const bag = VOCABULARY[q.id]!.split(' ').slice(0, 14);
      for (const body of [bag.join(' '), bag.join(', '), bag.map((w) => `- ${w}`).join('\n'), `Réponse : ${bag.join(' ')}`]) {
        expect(judge(q, body), `${q.id}: ${body}`).toMatchObject({ answered: false, reason: expect.stringContaining('mots-clés') });
      }
    }
  });

  it('keeps a terse `label : value` answer, which is not stuffing', () => {
    const q = QUESTION_BY_ID.get('6.c')!;
    expect(judge(q, 'Hostname : db\nPort : 5432\nUtilisateur / mot de passe : demo / demo\nNom de la base : demo')).toEqual({ answered: true });
    const p = QUESTION_BY_ID.get('6.a')!;
    expect(judge(p, 'exec : exécute une commande dans un conteneur déjà lancé\ndb : nom du service cible\n-U demo : utilisateur\n-d demo : base')).toEqual({ answered: true });
  });

  it('answers moved under other questions (the reference’s, each five questions on) are off topic', async () => {
    const reference = parseReport(REFERENCE_REPORT, TP1.report);
    const ids = EXPLANATIONS.map((q) => q.id);
    let report = REFERENCE_REPORT;
    ids.forEach((id, i) => {
      report = withAnswer(ids[(i + 5) % ids.length]!, reference.sections.get(id)!.answer.text, report);
    });
    const verdicts = await withContext(async (ctx) => {
      const all = [];
      for (const group of Object.keys(REPORT_GROUPS) as string[]) all.push(...((await judgeGroup(ctx, group)) as QuestionVerdict[]));
      return all;
    }, { 'REPORT.md': report });
    const moved = verdicts.filter((v) => v.question.type === 'explication');
    expect(moved).toHaveLength(ids.length);
    expect(moved.filter((v) => v.verdict.answered).map((v) => v.question.id)).toEqual([]);
    expect(moved.filter((v) => !v.verdict.answered && v.verdict.reason.includes('semble répondre à la question')).length).toBeGreaterThan(ids.length / 2);
  });
});
