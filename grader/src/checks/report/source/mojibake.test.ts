import { describe, expect, it } from 'vitest';
import { REFERENCE_REPORT } from '../testing.ts';
import { repairMojibake } from './mojibake.ts';

/** What a wrong re-encoding does: UTF-8 bytes read as `label`, the result saved again. */
function broken(text: string, label: 'macintosh' | 'windows-1252'): string {
  return new TextDecoder(label).decode(new TextEncoder().encode(text));
}

const FRENCH = 'Le conteneur s’arrête à la fin : « exécuté », déjà noté, où ça ? ├── main.py 📑';

describe('repairMojibake', () => {
  it('reads back text broken through Mac Roman (√© for é, √† for à)', () => {
    const mac = broken(FRENCH, 'macintosh');
    expect(mac).toContain('√©');
    expect(repairMojibake(mac).text).toBe(FRENCH);
  });

  it('reads back its Latin-1 / Windows-1252 twin (Ã© for é)', () => {
    const latin = broken('Le conteneur a été arrêté à la fin : « déjà » vu.', 'windows-1252');
    expect(latin).toContain('Ã©');
    expect(repairMojibake(latin)).toEqual({ text: 'Le conteneur a été arrêté à la fin : « déjà » vu.', repaired: expect.any(Number) });
  });

  it('leaves correct text as it is: accents, guillemets with no-break spaces, typographic apostrophes', () => {
    expect(repairMojibake(FRENCH)).toEqual({ text: FRENCH, repaired: 0 });
    expect(repairMojibake(REFERENCE_REPORT)).toEqual({ text: REFERENCE_REPORT, repaired: 0 });
    const french = 'Voilà «\u00a0déjà\u00a0» : çà et là, où l’œuvre naît ; Ça… ÉTÉ';
    expect(repairMojibake(french).repaired).toBe(0);
  });
});
