import { describe, expect, test } from 'vitest';
import { fingerprint, normalWords, resemblance, sharedCount, shingles, winnow } from './fingerprint.ts';

const TEXT = "Un conteneur vit aussi longtemps que son processus principal. Ici ce processus est echo : il affiche sa phrase puis se termine avec le code 0, donc le conteneur passe au statut Exited.";

describe('normalWords', () => {
  test('folds case and accents, drops stop words and punctuation, cuts stems', () => {
    expect(normalWords("L'ÉTAT caché, du Noyau !")).toEqual(['etat', 'cache', 'noyau']);
    expect(normalWords('supprimés supprimer')).toEqual(['suppri', 'suppri']);
  });
});

describe('winnowing', () => {
  test('keeps the minimum of every window, once', () => {
    expect(winnow([5, 3, 9, 3, 7], 2)).toEqual([3]);
    expect(winnow([2, 8, 6, 4], 2)).toEqual([2, 4, 6]);
    expect(winnow([4, 1], 4)).toEqual([1, 4]);
    expect(shingles(['a', 'b'])).toHaveLength(1);
    expect(shingles([])).toEqual([]);
  });

  test('robust to punctuation, case, accents and the order of sentences', () => {
    const [first, second] = TEXT.split(/(?<=\.) /);
    const reordered = `${second} ${first}`.toUpperCase().replace(/[,.:]/g, ' ;').normalize('NFD').replace(/\p{M}/gu, '');
    expect(resemblance(fingerprint(TEXT), fingerprint(reordered))).toBeGreaterThanOrEqual(0.75);
  });

  test('a few words changed keep most fingerprints; another text on the same topic shares few', () => {
    const edited = TEXT.replace('longtemps', 'durablement').replace('affiche', 'écrit');
    expect(resemblance(fingerprint(TEXT), fingerprint(edited))).toBeGreaterThan(0.6);
    const other = "Parce que la commande echo s'est terminée : un conteneur s'arrête quand son processus principal se termine, et le code de sortie 0 montre que tout s'est bien passé.";
    expect(resemblance(fingerprint(TEXT), fingerprint(other))).toBeLessThan(0.4);
  });

  test('sharedCount counts common values of sorted sets; resemblance of nothing is 0', () => {
    expect(sharedCount([1, 3, 5, 7], [3, 4, 5])).toBe(2);
    expect(resemblance([], [1])).toBe(0);
  });
});
