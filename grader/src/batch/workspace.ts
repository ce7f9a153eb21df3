import { copyFile, lstat, mkdir, readdir, readlink, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDENT_OWNED } from '../submission/paths.ts';

/** Bounds on what one submission may bring into its workspace. */
export interface CopyLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_COPY_LIMITS: CopyLimits = { maxEntries: 20_000, maxBytes: 1024 * 1024 * 1024 };

export class CopyLimitError extends Error {}

/**
 * Copies the student-owned paths of `src` (`submission/paths.ts`: starter/**, docker-compose.yml, REPORT.md,
 * captures/**) into the empty folder `dest`, and nothing else. Symlinks are recreated as symlinks
 * with the same target, never followed (the grader refuses those that leave the submission);
 * sockets, FIFOs and devices are skipped. Throws CopyLimitError past the limits.
 */
export async function copyStudentOwned(src: string, dest: string, limits: CopyLimits = DEFAULT_COPY_LIMITS): Promise<{ files: number; bytes: number }> {
  const tally = { entries: 0, files: 0, bytes: 0 };
  const copyEntry = async (from: string, to: string): Promise<void> => {
    let info;
    try {
      info = await lstat(from);
    } catch {
      return; // absent: the grader reports it as missing
    }
    if (++tally.entries > limits.maxEntries) throw new CopyLimitError(`plus de ${limits.maxEntries} fichiers dans les chemins de l'étudiant`);
    if (info.isSymbolicLink()) {
      await symlink(await readlink(from), to);
    } else if (info.isDirectory()) {
      await mkdir(to);
      for (const name of (await readdir(from)).sort()) await copyEntry(join(from, name), join(to, name));
    } else if (info.isFile()) {
      tally.bytes += info.size;
      if (tally.bytes > limits.maxBytes) throw new CopyLimitError(`plus de ${Math.round(limits.maxBytes / 2 ** 20)} Mo dans les chemins de l'étudiant`);
      await copyFile(from, to);
      tally.files++;
    }
  };
  for (const owned of STUDENT_OWNED) {
    const name = owned.replace(/\/$/, '');
    await copyEntry(join(src, name), join(dest, name));
  }
  return { files: tally.files, bytes: tally.bytes };
}
