// report.ex8: the reflection (8.a, 8.b) answered with substance, in proportion to the answered questions.
// Substance = the usual explication rules, plus at least twice `minAnswerWords` words, and for 8.a at
// least two distinct aspects named (reproducibility, environment, automation…), for 8.b at least one
// concrete advantage of Compose. Aspects are the questions' notions (the lab's notions.ts).
import type { StaticCriterion } from '../criterion.ts';
import type { Question } from '../../lab/lab.ts';
import { gradeGroup, type Verdict } from './answers.ts';
import type { Answer } from './source/answer.ts';
import { wordsOf } from './source/words.ts';
import { notionsTouched } from './relevance.ts';


/** The substance rules on top of an answered explication. */
export function judgeSubstance(question: Question, answer: Answer, minWords: number): Verdict {
  const count = wordsOf(answer.text).length;
  const needed = 2 * minWords;
  if (count < needed) {
    return { answered: false, reason: `${count} mots, au moins ${needed} attendus pour une réflexion` };
  }
  if (question.id === '8.a') {
    const found = notionsTouched(question, answer.text);
    if (found.length < 2) {
      return {
        answered: false,
        reason: `${found.length === 0 ? 'aucun aspect concret' : `un seul aspect (${found[0]})`} ; développez-en au moins deux, par exemple reproductibilité, environnement et dépendances, automatisation, état caché des cellules, service et API, supervision`,
      };
    }
  }
  if (question.id === '8.b' && notionsTouched(question, answer.text).length === 0) {
    return {
      answered: false,
      reason: 'aucun avantage concret vu au TP (une seule commande, réseau et nom de service db, ordre de démarrage, volumes, configuration dans un fichier…)',
    };
  }
  return { answered: true };
}

export const criterion: StaticCriterion = {
  id: 'report.ex8',
  kind: 'static',
  judge: (ctx) =>
    gradeGroup(
      ctx,
      'report.ex8',
      judgeSubstance,
      `Une réflexion demande du fond : au moins ${2 * ctx.settings.minAnswerWords} mots par question, au moins deux aspects concrets pour 8.a et un avantage vu au TP pour 8.b, avec vos propres mots.`,
    ),
};
