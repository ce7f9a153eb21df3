import { describe, expect, it, beforeAll } from 'vitest';
import { loadFrench } from '../../text/french.ts';
import { QUESTION_BY_ID } from '../../../../labs/csc8613-tp1/questions.ts';
import { hasCaptureEvidence, judgeAnswer } from './answers.ts';
import type { Answer } from './source/answer.ts';
import { parseReport } from './source/sections.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

// The relevance judgement stems words: the language tooling is loaded once, as the report loader does.
beforeAll(async () => {
  await loadFrench();
});

const MIN = 12;

function answerTo(id: string, body: string): Answer | undefined {
  const q = QUESTION_BY_ID.get(id)!;
  return parseReport(`### ${id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`, TP1.report).sections.get(id)?.answer;
}

function judge(id: string, body: string) {
  return judgeAnswer(QUESTION_BY_ID.get(id)!, answerTo(id, body), MIN);
}

describe('judgeAnswer — explication', () => {
  it('accepts the student’s own words, in French or in English', () => {
    expect(judge('2.a', 'Une image est un modèle en lecture seule ; un conteneur est une instance de cette image qui tourne, avec sa couche inscriptible.')).toEqual({ answered: true });
    expect(judge('2.a', 'An image is a read-only template made of layers; a container is a running instance of it with its own writable layer.')).toEqual({ answered: true });
  });

  it('rejects the placeholder, an empty answer, a missing heading', () => {
    expect(judge('2.a', '_Votre réponse ici._')).toMatchObject({ answered: false, reason: expect.stringContaining('Votre réponse ici') });
    expect(judge('2.a', '')).toMatchObject({ answered: false, reason: 'pas de réponse' });
    expect(judgeAnswer(QUESTION_BY_ID.get('2.a')!, undefined, MIN)).toMatchObject({ answered: false, reason: expect.stringContaining('titre') });
  });

  it('rejects the question copied back as an answer', () => {
    const q = QUESTION_BY_ID.get('4.d')!;
    expect(judge('4.d', q.prompt)).toMatchObject({ answered: false, reason: expect.stringContaining('consigne recopiée') });
    expect(judge('4.d', `${q.prompt} Voilà.`)).toMatchObject({ answered: false, reason: expect.stringContaining('consigne recopiée') });
  });

  it('rejects filler', () => {
    for (const body of [
      'Je ne sais pas.',
      'TODO',
      'À compléter',
      'rien',
      '...',
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
      'docker docker docker docker docker docker docker docker docker docker docker docker docker docker',
      'test test test test test test encore encore encore encore encore encore test test',
    ]) {
      expect(judge('2.a', body), body).toMatchObject({ answered: false });
    }
  });

  it('rejects an answer shorter than minAnswerWords, counting neither code nor alt text', () => {
    expect(judge('2.a', 'Une image est figée.')).toMatchObject({ answered: false, reason: '4 mots, 12 attendus au moins' });
    expect(judge('2.a', 'Voir la sortie :\n\n```text\nune image est un modèle, un conteneur une instance en cours\n```')).toMatchObject({ answered: false });
    expect(judge('2.a', '![une image est un modèle et un conteneur une instance en cours d’exécution](captures/a.png)')).toMatchObject({ answered: false });
  });
});

describe('judgeAnswer — action and capture', () => {
  it('accepts a short statement for an action, not the prompt nor a single word', () => {
    expect(judge('1.a', 'Docker Desktop installé.')).toEqual({ answered: true });
    expect(judge('1.a', 'Fait.')).toMatchObject({ answered: false });
    expect(judge('1.a', 'Installez Docker Desktop')).toMatchObject({ answered: false, reason: expect.stringContaining('consigne') });
  });

  it('needs an image or pasted terminal output for a capture', () => {
    expect(judge('1.b', '![hello](captures/hello.png)')).toEqual({ answered: true });
    expect(judge('1.b', '![hello](https://example.com/hello.png)')).toEqual({ answered: true });
    expect(judge('1.b', '```\nHello from Docker!\n```')).toEqual({ answered: true });
    expect(judge('1.b', '    $ docker run hello-world\n    Hello from Docker!')).toEqual({ answered: true });
    expect(judge('1.b', 'Ça a marché, voir la capture ci-jointe.')).toMatchObject({ answered: false });
    expect(judge('1.b', '```text\n\n```')).toMatchObject({ answered: false });
    expect(hasCaptureEvidence({ text: '', hadPlaceholder: false, codeBlocks: [], images: [] })).toBe(false);
  });
});
