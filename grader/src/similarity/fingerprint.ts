// Text fingerprints for near-duplicate detection: k-gram shingling with winnowing over normalised
// words (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document fingerprinting",
// SIGMOD 2003). Words are folded (case, accents), stop words dropped and stems cut to a prefix, so
// punctuation, small edits, inflections and the order of sentences barely change the result.

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** Shingles per winnowing window: any run of SHINGLE_WORDS + WINDOW - 1 shared words shares a fingerprint (answers are short: a small window keeps enough of them). */
export const WINDOW = 2;
/** Stems are cut to this many characters (a crude stemmer: `supprime`, `supprimés`, `supprimer` agree). */
const STEM = 6;

// French and English function words: they carry no content and are dropped before shingling.
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette c ca d de des du dans donc elle elles en et est etre il ils j je l la le les leur leurs lui ' +
    'm ma mais me meme mes mon n ne ni nos notre nous on ou par pas pour qu que qui s sa se ses si son sont sur ta te tes ' +
    'toi ton tu un une vos votre vous y a ete fait faire avoir ont ai as avons avez plus tres bien aussi alors comme puis ' +
    'the an and or of to in on at by for with from is are was were be been it its this that these those as into than then ' +
    'so not no do does did has have had i we you he she they my our your their there here which who what when'
  ).split(' '),
);

/** Folded, stemmed words of `text` (letters only): no stop words, no numbers. */
export function normalWords(text: string): string[] {
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept: string[] = [];
  for (const word of words) {
    // Numbers (ports, versions, ids, addresses) are what the lab prints for everybody, not prose.
    if (STOP_WORDS.has(word) || /\p{N}/u.test(word)) continue;
    const stem = word.length > STEM ? word.slice(0, STEM) : word.replace(/(?<=\p{L}{3})[sx]$/u, '');
    kept.push(stem);
  }
  return kept;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hashes of every run of `k` consecutive words (one shingle of all words when there are fewer). */
export function shingles(words: readonly string[], k = SHINGLE_WORDS): number[] {
  if (words.length === 0) return [];
  if (words.length <= k) return [fnv1a(words.join(' '))];
  const hashes: number[] = [];
  for (let i = 0; i + k <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + k).join(' ')));
  return hashes;
}

/** Winnowing: the minimum hash of every window of `w` consecutive hashes (rightmost on ties), deduplicated and sorted. */
export function winnow(hashes: readonly number[], w = WINDOW): number[] {
  if (hashes.length <= w) return [...new Set(hashes)].sort((a, b) => a - b);
  const picked = new Set<number>();
  for (let start = 0; start + w <= hashes.length; start++) {
    let min = start;
    for (let i = start + 1; i < start + w; i++) if (hashes[i]! <= hashes[min]!) min = i;
    picked.add(hashes[min]!);
  }
  return [...picked].sort((a, b) => a - b);
}

/** The winnowed fingerprints of a text. */
export function fingerprint(text: string): number[] {
  return winnow(shingles(normalWords(text)));
}

/** How many values two sorted, duplicate-free arrays share. */
export function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * Resemblance of two fingerprint sets, 0..1: the share of the smaller set found in the other
 * (containment), so a copied answer with a sentence added still scores high.
 */
export function resemblance(a: readonly number[], b: readonly number[]): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}
