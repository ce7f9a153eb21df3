// The normalised words of a text, with where each one stands in it: folded (case, accents), stop
// words and numbers dropped, stems cut to a prefix, so punctuation, small edits and inflections
// barely change what is compared. Positions let a match be shown in the original text.

/** Stems are cut to this many characters (a crude stemmer: `supprime`, `supprimés`, `supprimer` agree). */
const STEM = 6;

// French and English function words: they carry no content and are dropped.
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette c ca d de des du dans donc elle elles en et est etre il ils j je l la le les leur leurs lui ' +
    'm ma mais me meme mes mon n ne ni nos notre nous on ou par pas pour qu que qui s sa se ses si son sont sur ta te tes ' +
    'toi ton tu un une vos votre vous y a ete fait faire avoir ont ai as avons avez plus tres bien aussi alors comme puis ' +
    'the an and or of to in on at by for with from is are was were be been it its this that these those as into than then ' +
    'so not no do does did has have had i we you he she they my our your their there here which who what when'
  ).split(' '),
);

/** One normalised word and the span `[start, end)` of its original in the text (UTF-16 offsets). */
export interface NormalWord {
  word: string;
  start: number;
  end: number;
}

// Built once: a bundler turns a literal with `\p{…}` into a `new RegExp` call, run per word otherwise.
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const DIGIT = /\p{N}/u;
const PLURAL_END = /(?<=\p{L}{3})[sx]$/u;

/** The normalised words of `text` (letters only), each with its span in `text`. */
export function normalTokens(text: string): NormalWord[] {
  const kept: NormalWord[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const word = (NON_ASCII.test(raw) ? raw.normalize('NFD').replace(MARKS, '') : raw).toLowerCase();
    // Numbers (ports, versions, ids, addresses) are what the lab prints for everybody, not prose.
    if (word === '' || STOP_WORDS.has(word) || DIGIT.test(word)) continue;
    const stem = word.length > STEM ? word.slice(0, STEM) : word.replace(PLURAL_END, '');
    kept.push({ word: stem, start: match.index, end: match.index + match[0].length });
  }
  return kept;
}

/** Folded, stemmed words of `text` (letters only): no stop words, no numbers. */
export function normalWords(text: string): string[] {
  return normalTokens(text).map((token) => token.word);
}
