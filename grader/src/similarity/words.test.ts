import { expect, test } from 'vitest';
import { normalTokens } from './words.ts';

test('normalTokens: each normalised word with the span of its original, accents and decomposed marks included', () => {
  const text = "L'État, de\u0301cide\u0301 : 8000 ports";
  expect(normalTokens(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
    ['etat', 'État'],
    ['decide', 'de\u0301cide\u0301'],
    ['port', 'ports'],
  ]);
});
