// Text fingerprints for near-duplicate detection: k-gram shingling with winnowing over normalised
// words (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document fingerprinting",
// SIGMOD 2003). Words are folded (case, accents), stop words dropped and stems cut to a prefix, so
// punctuation, small edits, inflections and the order of sentences barely change the result.
// Used within one report (an answer reused under several questions, checks/report/reuse.ts); the
// class comparison uses Dolos's winnowing index instead (./class-index.ts), which also shows where
// two texts match.
import { normalWords } from './words.ts';

export { normalWords };

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** Shingles per winnowing window: any run of SHINGLE_WORDS + WINDOW - 1 shared words shares a fingerprint (answers are short: a small window keeps enough of them). */
export const WINDOW = 2;

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
