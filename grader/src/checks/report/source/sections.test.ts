import { describe, expect, it } from 'vitest';
import { REFERENCE_REPORT } from '../testing.ts';
import { parseReport, questionIdByWording, questionIdOf } from './sections.ts';
import { lab as TP1 } from '../../../../../labs/csc8613-tp1/lab.ts';

describe('questionIdOf', () => {
  it.each([
    ['2.a', '2.a'], ['2-a', '2.a'], ['2a', '2.a'], ['2.A', '2.a'], ['Question 2-a', '2.a'], ['question 2.a :', '2.a'],
    ['Q2.a', '2.a'], ['Q 2.a', '2.a'], ['2.a — Image ou conteneur', '2.a'], ['2.a) Image', '2.a'], ['(7.e) Ménage', '7.e'],
    ['Exercice 6.b', '6.b'], ['8.b. Pourquoi Compose', '8.b'],
  ])('%s → %s', (heading, id) => expect(questionIdOf(heading, TP1.report)).toBe(id));

  it.each(['Exercice 2 — Images et conteneurs', 'Exercice 8 — Réflexion', '2 — Bilan', '9.a', '2.f', 'Annexe', '2.ab'])(
    '%s is not a question',
    (heading) => expect(questionIdOf(heading, TP1.report)).toBeNull(),
  );
});

describe('questionIdByWording', () => {
  it.each([
    ['Pourquoi un notebook Jupyter n’est pas adapté pour déployer un modèle ML en production ?', '8.a'],
    ['Pourquoi Docker Compose est essentiel pour plusieurs services ?', '8.b'],
    ['Différence entre une image Docker et un conteneur', '2.a'],
  ])('%s → %s', (heading, id) => expect(questionIdByWording(heading, TP1.report)).toBe(id));

  it.each([
    'Exercice 3 - Construire une première image Docker avec une mini-API FastAPI',
    'Exercice 8 - Questions de réflexion',
    'Conclusion',
    'Docker Compose',
    'Mes remarques sur le TP',
  ])('%s quotes no question', (heading) => expect(questionIdByWording(heading, TP1.report)).toBeNull());

  it('finds the answer under a heading quoting the question, marked as found by its wording', () => {
    const md = '## Exercice 8\n\n### Pourquoi Docker Compose est essentiel pour plusieurs services ?\n\nUne seule commande lance la base et l’API.\n';
    const section = parseReport(md, TP1.report).sections.get('8.b');
    expect(section).toMatchObject({ line: 3, byWording: true, answer: { text: 'Une seule commande lance la base et l’API.' } });
  });

  it('leaves a question to its numbered heading', () => {
    const md = '### 8.b — Pourquoi Docker Compose\n\nRéponse numérotée.\n\n### Pourquoi Docker Compose est essentiel pour plusieurs services ?\n\nAutre texte.\n';
    const section = parseReport(md, TP1.report).sections.get('8.b')!;
    expect(section.byWording).toBeUndefined();
    expect(section.answer.text).toBe('Réponse numérotée.');
  });
});

describe('parseReport', () => {
  it('finds lenient question headings of levels 2 to 4, and emphasis around the id', () => {
    const md = ['## 1.a', 'Installé Docker Desktop.', '#### Q1.b', '```text\nHello from Docker!\n```', '### **1-c** — Liste', 'Texte.', '### Question 2-a', 'Une image.'].join('\n\n');
    const report = parseReport(md, TP1.report);
    expect([...report.sections.keys()]).toEqual(['1.a', '1.b', '1.c', '2.a']);
    expect(report.sections.get('1.a')).toMatchObject({ line: 1, answer: { text: 'Installé Docker Desktop.' } });
    expect(report.sections.get('1.b')!.answer.codeBlocks).toEqual(['Hello from Docker!']);
    expect(report.sections.get('1.c')!.line).toBe(11);
  });

  it('drops the prompt blockquote and the placeholder, keeps sub-headings’ content, stops at the next heading', () => {
    const md = [
      '### 2.a — Image ou conteneur',
      '> Expliquez en quelques phrases la différence entre une image Docker et un conteneur.',
      '_Votre réponse ici._',
      '#### Réponse',
      'Une image est un modèle figé.',
      '## Exercice 3',
      'Hors question.',
    ].join('\n\n');
    const answer = parseReport(md, TP1.report).sections.get('2.a')!.answer;
    expect(answer.text).toBe('Une image est un modèle figé.');
    expect(answer.hadPlaceholder).toBe(true);
  });

  it('keeps a blockquote written by the student', () => {
    const md = '### 2.a\n\n> Une image est un modèle en lecture seule ; un conteneur en est une instance qui tourne.\n';
    expect(parseReport(md, TP1.report).sections.get('2.a')!.answer.text).toContain('lecture seule');
  });

  it('reports duplicated headings and merges their answers', () => {
    const report = parseReport('### 2.a\n\npremière partie\n\n### 2.b\n\nx\n\n### 2.a\n\nseconde partie\n', TP1.report);
    expect(report.duplicates.get('2.a')).toEqual([1, 9]);
    expect(report.sections.get('2.a')!.answer.text).toBe('première partie\nseconde partie');
  });

  it('does not take headings inside code blocks or HTML comments for questions', () => {
    const md = '### 2.a\n\n```bash\n# 2.b\necho\n```\n\n<!--\n### 2.c\n-->\n\ntexte\n';
    const report = parseReport(md, TP1.report);
    expect([...report.sections.keys()]).toEqual(['2.a']);
    expect(report.sections.get('2.a')!.answer.codeBlocks).toEqual(['# 2.b\necho']);
  });

  it('parses the reference report: 30 questions, no duplicates', () => {
    const report = parseReport(REFERENCE_REPORT, TP1.report);
    expect(report.sections.size).toBe(30);
    expect(report.duplicates.size).toBe(0);
    expect(report.images).toHaveLength(9);
  });

  it('keeps a student’s own sub-heading written at the question’s level in the answer; a part heading or the next question ends it', () => {
    const md = '### 2.a\n\nUne image est un modèle.\n\n### Différences\n\nLe conteneur en est une instance.\n\n### Étape 3\n\nhors réponse\n\n### 2.b\n\nautre\n';
    const report = parseReport(md, TP1.report);
    expect(report.sections.get('2.a')!.answer.text).toBe('Une image est un modèle.\nLe conteneur en est une instance.');
    expect(report.sections.get('2.b')!.answer.text).toBe('autre');
  });
});
