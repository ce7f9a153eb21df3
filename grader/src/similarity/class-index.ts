// Near-identical texts among many (the answers of a class to one question), found with Dolos's
// winnowing index (@dodona/dolos-core: Maertens et al., "Dolos: language-agnostic plagiarism
// detection in source code", 2022) fed with the normalised words of each text. Dolos brings what a
// class comparison needs: k-grams to ignore (the lab's own text, the handout the students were
// given), a cut-off for k-grams found in too many texts, and the matching fragments of a pair,
// which are mapped back to character spans of the original texts so they can be highlighted.
import { File, FingerprintIndex, Region, TokenizedFile, WinnowFilter, type FileEntry } from '@dodona/dolos-core';
import { SHINGLE_WORDS, WINDOW } from './fingerprint.ts';
import { normalTokens, normalWords } from './words.ts';

/** A passage of a text: `[start, end)` in UTF-16 offsets. */
export type Span = [number, number];

/** Two texts that match: their indices, the score (0..1) and the matching passages on each side. */
export interface TextMatch {
  left: number;
  right: number;
  /** Share of the shorter text's k-grams (those not ignored) found in the other. */
  score: number;
  /** Distinct k-grams the two share. */
  shared: number;
  leftSpans: Span[];
  rightSpans: Span[];
}

export interface MatchOptions {
  /** k-gram hashes that never count (see `kgramHashes`). */
  ignored: Iterable<number>;
  /** A k-gram found in more texts than this is common phrasing: it does not count. */
  maxTexts: number;
  /** At least this many shared k-grams, whatever the share. */
  minShared: number;
  /** Score from which a pair is returned. */
  minScore: number;
}

/** Every k-gram hash of `text` (not only the winnowed ones: a text to ignore must be ignored wherever an answer's window falls). */
export function kgramHashes(text: string): number[] {
  return new WinnowFilter(SHINGLE_WORDS, 1).fingerprints(normalWords(text)).map((print) => print.hash);
}

function tokenized(path: string, text: string): TokenizedFile {
  const tokens = normalTokens(text);
  // One row: a column is a character offset in the text, so Dolos's merged regions are spans.
  return new TokenizedFile(new File(path, text), tokens.map((t) => t.word), tokens.map((t) => new Region(0, t.start, 0, t.end)));
}

/** k-grams of an entry that count (not ignored), occurrences included. */
function countedKgrams(entry: FileEntry): number {
  let count = 0;
  for (const shared of entry.shared) count += shared.occurrencesOf(entry.file).length;
  return count;
}

/** The pairs of `texts` that share enough not-ignored k-grams, best first. */
export function matchTexts(texts: readonly string[], options: MatchOptions): TextMatch[] {
  const files = texts.map((text, i) => tokenized(String(i), text));
  const index = new FingerprintIndex(SHINGLE_WORDS, WINDOW, false, options.maxTexts);
  index.addIgnoredHashes([...options.ignored]);
  index.addFiles(files);
  const position = new Map(files.map((file, i) => [file, i]));

  // Candidate pairs: those sharing at least one counted k-gram, with how many.
  const n = files.length;
  const candidates = new Map<number, number>();
  for (const shared of index.sharedFingerprints()) {
    if (shared.ignored || shared.fileCount() < 2) continue;
    const holders = shared.files().map((file) => position.get(file)!).sort((a, b) => a - b);
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        const key = holders[i]! * n + holders[j]!;
        candidates.set(key, (candidates.get(key) ?? 0) + 1);
      }
    }
  }

  const counted = new Map(index.entries().map((entry) => [entry.file, countedKgrams(entry)]));
  const found: TextMatch[] = [];
  for (const [key, shared] of candidates) {
    if (shared < options.minShared) continue;
    const [left, right] = [Math.floor(key / n), key % n];
    const pair = index.getPair(files[left]!, files[right]!);
    const score = Math.min(1, Math.max(pair.leftCovered / Math.max(1, counted.get(pair.leftFile)!), pair.rightCovered / Math.max(1, counted.get(pair.rightFile)!)));
    if (score < options.minScore) continue;
    const fragments = pair.buildFragments();
    found.push({
      left,
      right,
      score,
      shared,
      leftSpans: mergeSpans(fragments.map((f): Span => [f.leftSelection.startCol, f.leftSelection.endCol])),
      rightSpans: mergeSpans(fragments.map((f): Span => [f.rightSelection.startCol, f.rightSelection.endCol])),
    });
  }
  return found.sort((a, b) => b.score - a.score || a.left - b.left || a.right - b.right);
}

/** Sorted, overlapping or touching spans merged. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
