import { describe, expect, test } from 'vitest';
import { QUESTION_BY_ID } from '../../../../labs/csc8613-tp1/questions.ts';
import { parseReport } from './source/sections.ts';
import { answerPrint, ownText } from './own-text.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const own = (id: string, body: string) => {
  const q = QUESTION_BY_ID.get(id)!;
  return ownText(q, parseReport(`### ${id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`, TP1.report).sections.get(id)!.answer);
};

describe('ownText', () => {
  test('leaves out inline commands, code blocks, terminal lines pasted as prose and sentences echoing the question', () => {
    const body = [
      "Expliquez le rôle de l’option -p 8000:8000.",
      '',
      '$ docker run -p 8000:8000 simple-api',
      'INFO: Uvicorn running on http://0.0.0.0:8000',
      '',
      "`-p 8000:8000` relie le port de ma machine à celui du conteneur.",
      '',
      '```text\nCONTAINER ID   IMAGE\n```',
    ].join('\n');
    expect(own('4.a', body)).toBe('relie le port de ma machine à celui du conteneur.');
  });

  test('answerPrint: words counted and fingerprints taken on the own text only', () => {
    const q = QUESTION_BY_ID.get('2.a')!;
    const answer = parseReport(`### 2.a x\n\nUne image est un modèle figé, un conteneur en est une instance qui tourne. \`docker images\`\n`, TP1.report).sections.get('2.a')!.answer;
    const print = answerPrint(q, answer);
    expect(print).toMatchObject({ id: '2.a', words: 14 });
    expect(print.text).not.toContain('docker images');
    expect(print.prints.length).toBeGreaterThan(1);
  });
});
