import { describe, expect, it, beforeAll } from 'vitest';
import { loadFrench } from '../../text/french.ts';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { QUESTION_BY_ID } from '../../../../labs/csc8613-tp1/questions.ts';
import { criterion as check, judgeSubstance } from './ex8.ts';
import { parseReport } from './source/sections.ts';
import { gradeReport, gradeWith, REFERENCE_REPORT, withAnswer } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

// The relevance judgement stems words: the language tooling is loaded once, as the report loader does.
beforeAll(async () => {
  await loadFrench();
});

function substance(id: string, body: string) {
  const answer = parseReport(`### ${id}\n\n${body}\n`, TP1.report).sections.get(id)!.answer;
  return judgeSubstance(QUESTION_BY_ID.get(id)!, answer, 12);
}

describe('report.ex8', () => {
  it('passes on the reference report', async () => {
    expect(await gradeReport(check, REFERENCE_REPORT)).toMatchObject({ status: 'pass', fraction: 1 });
  });

  it('gives 0 to the template', async () => {
    const [finding] = await gradeWith([check], {}, TEMPLATE_DIR);
    expect(finding).toMatchObject({ status: 'fail', fraction: 0 });
    expect(finding!.message).toContain('au moins 24 mots');
  });

  it('wants twice minAnswerWords words for a reflection', async () => {
    const short = 'Le notebook dépend de l’ordre des cellules et de l’environnement local, donc ce n’est pas reproductible.';
    expect(substance('8.a', short)).toMatchObject({ answered: false, reason: expect.stringContaining('24 attendus') });
    const finding = await gradeReport(check, withAnswer('8.a', short));
    expect(finding).toMatchObject({ status: 'fail', fraction: 0.5 });
    expect(finding.message).toContain('8.a (ligne');
  });

  it('wants two aspects for 8.a, named in French or in English', () => {
    const oneAspect =
      'Un notebook est pratique pour explorer des données, tracer des graphiques et tester des idées rapidement, mais il dépend beaucoup de la machine et de l’environnement de la personne qui l’a écrit.';
    expect(substance('8.a', oneAspect)).toMatchObject({ answered: false, reason: expect.stringContaining('un seul aspect') });
    const english =
      'A notebook keeps hidden state: cells can run in any order, so results are hard to reproduce. It also does not pin the environment, and nobody can call it as an HTTP API, it has to be run by hand.';
    expect(substance('8.a', english)).toEqual({ answered: true });
  });

  it('wants a concrete advantage for 8.b', () => {
    const vague =
      'Docker Compose est vraiment très utile et important, je pense que tout le monde devrait l’utiliser quand on travaille sur un projet avec beaucoup de choses différentes à gérer ensemble.';
    expect(substance('8.b', vague)).toMatchObject({ answered: false, reason: expect.stringContaining('aucun avantage') });
    const concrete =
      'Avec Compose, une seule commande démarre la base et l’API ; l’API trouve PostgreSQL grâce au nom de service db sur le réseau créé pour le projet, sans rien configurer à la main.';
    expect(substance('8.b', concrete)).toEqual({ answered: true });
  });
});
