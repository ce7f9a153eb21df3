import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readIfPresent, type RootCopy } from '../integrity/root-copies.ts';
import { SyncError } from '../rubric/views.ts';

// How `npm run rubric:sync` writes the root's copies of the root lab's folder
// (integrity/root-copies.ts lists them). Maintainers edit `labs/<id>/`; the root's copies are never
// edited by hand (sync refuses to overwrite one that was).

/**
 * Refuses to overwrite a root copy that holds work of its own: a root file the lab's folder lacks,
 * or one that differs from its source as committed and was changed after it (an edit made at the
 * root instead of in the lab's folder, which the copy would silently undo). A copy equal to its
 * source is only waiting for the source's generated parts, and is rewritten.
 */
export async function assertRootCopiesUnedited(root: string, stale: readonly RootCopy[]): Promise<void> {
  const problems: string[] = [];
  for (const copy of stale) {
    const source = await readIfPresent(join(root, copy.source));
    if (source === undefined) {
      problems.push(`${copy.path} is not in labs/${copy.source.split('/')[1]}/: the root is a copy of that folder; move the file to ${copy.source} (or delete it)`);
      continue;
    }
    const own = await readIfPresent(join(root, copy.path));
    if (own === undefined || own.equals(source)) continue;
    if ((await stat(join(root, copy.path))).mtimeMs > (await stat(join(root, copy.source))).mtimeMs) {
      problems.push(`${copy.path} was edited after ${copy.source}, of which it is a copy: make the change in ${copy.source}, then run npm run rubric:sync again`);
    }
  }
  if (problems.length > 0) throw new SyncError(problems.join('\n'));
}

/**
 * What a root copy should hold, and the copy as it is, both as text: its source's generated text
 * (UTF-8), else the source's bytes as committed, read as Latin-1 so that any file (an image in
 * captures/ too) round-trips byte for byte.
 */
export async function copyState(root: string, copy: RootCopy, generated: ReadonlyMap<string, string>): Promise<{ current: string | undefined; expected: string | undefined; encoding: BufferEncoding }> {
  const text = generated.get(copy.source);
  const encoding: BufferEncoding = text === undefined ? 'latin1' : 'utf8';
  const expected = text ?? (await readIfPresent(join(root, copy.source)))?.toString(encoding);
  return { current: (await readIfPresent(join(root, copy.path)))?.toString(encoding), expected, encoding };
}
