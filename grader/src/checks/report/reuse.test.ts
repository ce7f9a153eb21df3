import { describe, expect, test } from 'vitest';
import type { AnswerPrint } from '../../model/result.ts';
import { fingerprint } from '../../similarity/fingerprint.ts';
import { findReuse, nearSame, reuseReason } from './reuse.ts';

const print = (id: string, text: string): AnswerPrint => ({ id, text, words: text.split(/\s+/).length, prints: fingerprint(text) });
const A = "Une image est un modèle figé en lecture seule, fait de couches ; un conteneur est une instance de cette image qui s'exécute avec sa couche inscriptible.";

describe('findReuse', () => {
  test('the same answer under later questions is reused; the first keeps it; the reason names all', () => {
    const reused = findReuse([print('2.a', A), print('2.b', `${A} Voilà.`), print('2.c', A.replace(';', ',')), print('2.d', "Un shell interactif s'ouvre dans Alpine, ls montre ses dossiers et uname le noyau Linux de l'hôte.")]);
    expect([...reused.keys()]).toEqual(['2.b', '2.c']);
    expect(reused.get('2.c')).toEqual({ first: '2.a', shared: ['2.a', '2.b', '2.c'] });
    expect(reuseReason(reused.get('2.b')!)).toBe("même réponse que sous 2.a (partagée par 2.a, 2.b, 2.c) : elle ne compte qu'une fois, pour 2.a");
  });

  test('a short answer, or one that only contains the other among much more, is not a reuse', () => {
    expect(nearSame(print('1.a', 'Docker Desktop installé.'), print('5.a', 'Docker Desktop installé.'))).toBe(false);
    const longer = `${A} On peut lancer plusieurs conteneurs à partir d'une même image, chacun isolé des autres avec son propre réseau, ses processus et son système de fichiers, puis les supprimer sans toucher à l'image.`;
    expect(nearSame(print('2.a', A), print('4.d', longer))).toBe(false);
  });
});
