import { describe, expect, test } from 'vitest';
import { kgramHashes, matchTexts, mergeSpans } from './class-index.ts';

const A = "Un conteneur vit aussi longtemps que son processus principal. Ici ce processus est echo : il affiche sa phrase puis se termine avec le code 0, donc le conteneur passe au statut Exited.";
const B = "Ici ce processus est echo : il écrit sa phrase puis se termine avec le code 0, alors le conteneur passe au statut Exited. Un conteneur vit aussi durablement que son processus principal.";
const C = "Parce que la commande echo s'est terminée : un conteneur s'arrête quand son processus principal se termine, et le code de sortie 0 montre que tout s'est bien passé.";
const OPTIONS = { ignored: [], maxTexts: 10, minShared: 3, minScore: 0 };

describe('matchTexts (Dolos winnowing on normalised words)', () => {
  test('a reworded copy matches, with its passages in both texts; another answer on the same topic does not', () => {
    const [match, ...others] = matchTexts([A, B, C], OPTIONS);
    expect(others).toEqual([]);
    expect(match).toMatchObject({ left: 0, right: 1 });
    expect(match!.score).toBeGreaterThan(0.4);
    expect(match!.leftSpans.map(([s, e]) => A.slice(s, e))).toEqual(['Ici ce processus est echo', 'termine avec le code 0, donc le conteneur passe au statut Exited']);
    expect(match!.rightSpans.map(([s, e]) => B.slice(s, e))).toEqual(['Ici ce processus est echo', 'termine avec le code 0, alors le conteneur passe au statut Exited']);
  });

  test('k-grams of an ignored text never count, wherever the answer starts', () => {
    const ignored = kgramHashes(`Polycopié. ${A}`);
    expect(matchTexts([A, B], { ...OPTIONS, ignored })).toEqual([]);
  });

  test('a k-gram in more texts than maxTexts is common phrasing; thresholds apply', () => {
    expect(matchTexts([A, A, A], { ...OPTIONS, maxTexts: 2 })).toEqual([]);
    expect(matchTexts([A, A, A], OPTIONS).map((m) => [m.left, m.right, m.score])).toEqual([[0, 1, 1], [0, 2, 1], [1, 2, 1]]);
    expect(matchTexts([A, B], { ...OPTIONS, minScore: 0.9 })).toEqual([]);
    expect(matchTexts([A, B], { ...OPTIONS, minShared: 50 })).toEqual([]);
    expect(matchTexts(['trop court', 'trop court'], OPTIONS)).toEqual([]);
  });

  test('mergeSpans joins overlapping and touching spans', () => {
    expect(mergeSpans([[5, 9], [0, 2], [2, 4], [8, 12]])).toEqual([[0, 4], [5, 12]]);
  });
});
