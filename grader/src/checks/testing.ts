// Test helpers for the static checks: run a check on file contents given as strings, or on a real
// submission folder written by makeSubmission.
import { createStaticContext } from './check.ts';
import type { StaticCriterion } from './criterion.ts';
import type { Finding } from '../model/result.ts';
import { DEFAULT_SETTINGS } from '../rubric/rubric.ts';
import { Submission, type FileRead } from '../submission/submission.ts';
import { makeSubmission, type Overlay } from '../submission/testing.ts';
import type { Lab } from '../lab/lab.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';

/** Runs a check against in-memory files (path → content), for `lab` (the root's by default); absent paths read as missing. */
export async function runOn(check: StaticCriterion, files: Record<string, string | Buffer>, lab: Lab = TP1): Promise<Finding> {
  const submission = {
    async read(rel: string): Promise<FileRead> {
      const content = files[rel];
      if (content === undefined) return { state: 'missing', path: rel };
      return { state: 'ok', path: rel, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') };
    },
  } as unknown as Submission;
  return check.judge(createStaticContext(submission, DEFAULT_SETTINGS, lab));
}

/** Grades a real folder: the reference solution (or `base`) with `overlay` applied. */
export async function runOnFolder(check: StaticCriterion, overlay: Overlay = {}, base?: string): Promise<Finding> {
  const { dir, cleanup } = await makeSubmission(overlay, base);
  try {
    return await check.judge(createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1));
  } finally {
    await cleanup();
  }
}
