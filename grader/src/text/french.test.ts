import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrench, type French } from './french.ts';

let fr: French;
beforeAll(async () => {
  fr = await loadFrench();
});

describe('French language tooling', () => {
  it('stems inflections and accent-free spellings together (Snowball French)', () => {
    expect(fr.stem('conteneurs')).toBe(fr.stem('conteneur'));
    expect(fr.stem('arrêté')).toBe(fr.stem('arrete'));
    expect(fr.stem('arrêtés')).toBe(fr.stem('arrêter'));
    expect(fr.stem('versions')).toBe(fr.stem('versionnement'));
    expect(fr.stem('données')).toBe(fr.stem('donnees'));
    expect(fr.stem('image')).not.toBe(fr.stem('imprime'));
  });

  it('knows French and English stop words, with or without accents, and split contractions', () => {
    for (const word of ['le', 'de', 'être', 'etre', 'the', 'and', 'l', 'qu']) expect(fr.isStopWord(word), word).toBe(true);
    for (const word of ['conteneur', 'image', 'noyau', 'kernel']) expect(fr.isStopWord(word), word).toBe(false);
  });

  it('gives the content stems of a text', () => {
    expect(fr.contentStems("L'image n'est pas le conteneur.")).toEqual([fr.stem('image'), fr.stem('conteneur')]);
  });

  it('loads once', async () => {
    expect(await loadFrench()).toBe(fr);
  });
});
