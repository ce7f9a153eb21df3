import type { Loader } from '../check.ts';
import { readStudentText } from '../student-text.ts';
import { parseDockerignore, type IgnorePattern } from './patterns.ts';

export const DOCKERIGNORE = 'starter/.dockerignore';

export type DockerignoreSource =
  | { ok: true; patterns: IgnorePattern[] }
  | { ok: false; missing: boolean; message: string };

/** `starter/.dockerignore`, read and parsed once per grading run. */
export const dockerignoreSource: Loader<DockerignoreSource> = {
  name: 'dockerignore',
  async run(ctx) {
    const read = await readStudentText(ctx.submission, DOCKERIGNORE);
    return read.ok ? { ok: true, patterns: parseDockerignore(read.text) } : read;
  },
};
