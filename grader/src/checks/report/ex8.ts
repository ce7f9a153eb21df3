// report.ex8: the reflection (8.a, 8.b) answered with substance, in proportion to the answered questions.
// Substance = the usual explication rules, plus at least twice `minAnswerWords` words, and for 8.a at
// least two distinct aspects named (reproducibility, environment, automation…), for 8.b at least one
// concrete advantage of Compose. Aspects are recognised from short French/English keyword lists.
import type { StaticCheck } from '../check.ts';
import type { Question } from '../../lab/questions.ts';
import { gradeGroup, type Verdict } from './answers.ts';
import { foldText, wordsOf, type Answer } from './load-report.ts';

interface Aspect {
  name: string;
  pattern: RegExp;
}

/** Why a notebook is not a deployment (8.a). Matched on lower-case, accent-free text. */
export const NOTEBOOK_ASPECTS: Aspect[] = [
  { name: 'reproductibilité', pattern: /reprodu/ },
  { name: 'environnement et dépendances', pattern: /environ|dependan|dependenc|version|librair|bibliothe|librar|requirements|pip install/ },
  { name: 'automatisation', pattern: /automati|\bci\b|\bcd\b|pipeline|a la main|manuel|manual|by hand/ },
  { name: 'état caché et ordre des cellules', pattern: /cellule|\bcells?\b|ordre d.execution|execution order|etat cache|hidden state|\betat\b|\bstate\b/ },
  { name: 'service et API', pattern: /\bapi\b|endpoint|\bhttp\b|requete|request|serveur|server|service/ },
  { name: 'montée en charge', pattern: /scal|montee en charge|charge|\bload\b|replica|concurren|plusieurs utilisateurs|many users/ },
  { name: 'supervision et logs', pattern: /monitor|surveill|\blogs?\b|journaux|observab|redemarr|restart|healthcheck|sante|health/ },
  { name: 'sécurité', pattern: /securi|secret|mot de passe|password/ },
  { name: 'tests et versionnement', pattern: /\btests?\b|\bgit\b|versionn|revue|review|diff/ },
];

/** Advantages of Compose seen in the lab (8.b). */
export const COMPOSE_ADVANTAGES: Aspect[] = [
  { name: 'une seule commande', pattern: /une (?:seule )?commande|single command|one command|compose up|compose down|d un coup|at once/ },
  { name: 'réseau et noms de service', pattern: /reseau|network|nom (?:du|de) service|hostname|nom d.hote|\bdns\b|\bdb\b|5432/ },
  { name: 'ordre de démarrage', pattern: /depends_on|depend|ordre|order|healthcheck|attend|wait|service_healthy/ },
  { name: 'volumes et données', pattern: /volume|persist|donnees|\bdata\b/ },
  { name: 'configuration dans un fichier', pattern: /fichier|\bfile\b|yaml|\byml\b|declarat|configur|versionn|\bgit\b/ },
  { name: 'reproductibilité', pattern: /reprodu|meme environnement|same environment|partag|share|collegue|teammate/ },
  { name: 'logs et débogage', pattern: /\blogs?\b|debog|debug|exec|restart|redemarr/ },
];

function aspectsIn(text: string, aspects: Aspect[]): string[] {
  const folded = foldText(text).replace(/[’']/g, ' ');
  return aspects.filter((aspect) => aspect.pattern.test(folded)).map((aspect) => aspect.name);
}

/** The substance rules on top of an answered explication. */
export function judgeSubstance(question: Question, answer: Answer, minWords: number): Verdict {
  const count = wordsOf(answer.text).length;
  const needed = 2 * minWords;
  if (count < needed) {
    return { answered: false, reason: `${count} mots, au moins ${needed} attendus pour une réflexion` };
  }
  if (question.id === '8.a') {
    const found = aspectsIn(answer.text, NOTEBOOK_ASPECTS);
    if (found.length < 2) {
      return {
        answered: false,
        reason: `${found.length === 0 ? 'aucun aspect concret' : `un seul aspect (${found[0]})`} ; développez-en au moins deux, par exemple reproductibilité, environnement et dépendances, automatisation, état caché des cellules, service et API, supervision`,
      };
    }
  }
  if (question.id === '8.b' && aspectsIn(answer.text, COMPOSE_ADVANTAGES).length === 0) {
    return {
      answered: false,
      reason: 'aucun avantage concret vu au TP (une seule commande, réseau et nom de service db, ordre de démarrage, volumes, configuration dans un fichier…)',
    };
  }
  return { answered: true };
}

export const check: StaticCheck = {
  id: 'report.ex8',
  run: (ctx) =>
    gradeGroup(
      ctx,
      'report.ex8',
      judgeSubstance,
      `Une réflexion demande du fond : au moins ${2 * ctx.settings.minAnswerWords} mots par question, au moins deux aspects concrets pour 8.a et un avantage vu au TP pour 8.b, avec vos propres mots.`,
    ),
};
