// Repairing broken accents: a UTF-8 text once read as Mac Roman (`√©` for é, `√†` for à, `‚Äô`
// for ’) or as Windows-1252 (`Ã©`, `â€™`) and saved again. Each run of non-ASCII characters is
// turned back into the bytes that code page gives it; when those bytes are valid UTF-8, the run
// was mojibake and its UTF-8 reading replaces it. Real accents never form valid UTF-8 that way
// (`é` alone is byte E9, not a UTF-8 sequence), and a reading must give French text (accents,
// punctuation), so correct text is left as it is.

const CODE_PAGES = ['macintosh', 'windows-1252'] as const;

/** Character → byte (0x80–0xFF) of each code page, built on first use from the platform's decoders. */
let encoders: Map<string, number>[] | undefined;

function codePageEncoders(): Map<string, number>[] {
  encoders ??= CODE_PAGES.map((label) => {
    const decoder = new TextDecoder(label);
    const map = new Map<string, number>();
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const char = decoder.decode(Uint8Array.of(byte));
      if (char !== '\uFFFD' && !map.has(char)) map.set(char, byte);
    }
    return map;
  });
  return encoders;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 reading of a run's bytes in one code page, or null (a character outside it, bytes not UTF-8). */
function reread(run: string, encoder: Map<string, number>): string | null {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = encoder.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/**
 * What a French report's non-ASCII text is made of: Latin letters with accents, typographic
 * punctuation and spaces, box drawing, pictographs. A reading into anything else (combining marks,
 * other scripts) means the run was not mojibake in that code page.
 */
const PLAUSIBLE = /^(?:[\u00A0-\u017F\u2000-\u206F\u20AC\u2190-\u21FF\u2500-\u257F\u2600-\u27BF\uFE0F]|\p{Extended_Pictographic})+$/u;

/** The text with mojibake runs read back as UTF-8, and how many runs were repaired. */
export function repairMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const fixed = text.replace(/[^\x00-\x7F]+/g, (run) => {
    for (const encoder of codePageEncoders()) {
      const read = reread(run, encoder);
      if (read !== null && read !== run && PLAUSIBLE.test(read)) {
        repaired++;
        return read;
      }
    }
    return run;
  });
  return { text: fixed, repaired };
}
