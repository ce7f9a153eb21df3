import { describe, expect, it } from 'vitest';
import { QUESTION_BY_ID } from '../../../../../labs/csc8613-tp1/questions.ts';
import { foldText, questionWords, wordsOf } from './words.ts';

describe('words', () => {
  it('folds case and accents, and splits on anything but letters and digits', () => {
    expect(foldText('Éléphant ÇA')).toBe('elephant ca');
    expect(wordsOf("L'image « python:3.13-slim » n'est pas un conteneur.")).toEqual(['l', 'image', 'python', '3', '13', 'slim', 'n', 'est', 'pas', 'un', 'conteneur']);
  });

  it("a question's words are those of its title and prompt", () => {
    const question = QUESTION_BY_ID.get('2.a')!;
    expect(questionWords(question)).toEqual(new Set(wordsOf(`${question.title} ${question.prompt}`)));
  });
});
