// The base text of the class comparison (MOSS's `-b`): the statement or handout the students were
// given, as one or more text files from the instructor. Its passages never make two answers alike.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { kgramHashes } from '../similarity/class-index.ts';
import { normalWords } from '../similarity/words.ts';

/** A base text file larger than this is not a handout. */
const MAX_BYTES = 5 * 2 ** 20;

export class BaseTextError extends Error {}

export interface BaseText {
  /** The files' names, as shown in the overview. */
  files: string[];
  /** Every k-gram hash of their text. */
  hashes: number[];
}

async function readOne(path: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new BaseTextError(`--base-text ${path}: cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new BaseTextError(`--base-text ${path}: not a file`);
  if (info.size > MAX_BYTES) throw new BaseTextError(`--base-text ${path}: larger than ${MAX_BYTES / 2 ** 20} MiB, not a handout`);
  const bytes = await readFile(path);
  if (bytes.includes(0)) throw new BaseTextError(`--base-text ${path}: not a text file (a PDF or a word-processor file?); save the handout as plain text or Markdown`);
  const text = bytes.toString('utf8');
  if (normalWords(text).length === 0) throw new BaseTextError(`--base-text ${path}: holds no words`);
  return text;
}

/** The base text of `paths` (none when there is none); a missing, binary or empty file is a BaseTextError. */
export async function loadBaseText(paths: readonly string[]): Promise<BaseText | undefined> {
  if (paths.length === 0) return undefined;
  const hashes: number[] = [];
  for (const path of paths) hashes.push(...kgramHashes(await readOne(resolve(path))));
  return { files: paths.map((path) => basename(path)), hashes };
}
