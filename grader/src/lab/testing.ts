// Test helpers for a lab folder's mutant corpus (labs/<id>/mutants.ts, never shipped): a reference
// file changed in one place, a report answer replaced.
import { ANSWER_PLACEHOLDER } from './lab.ts';

/**
 * A student file as a mutant leaves it: new text, raw bytes (a report saved in another encoding), a
 * symbolic link to `symlink`, or `null` (deleted).
 */
export type MutantFile = string | Buffer | { symlink: string } | null;

/** A mutant of a lab's reference solution: student files replaced (or deleted, `null`), and the criteria it must lose. */
export interface LabMutantOf<Criterion extends string, Path extends string> {
  name: string;
  /** Why the mutant loses what it loses (or why it is a valid variant). */
  description: string;
  files: Partial<Record<Path, MutantFile>>;
  /** Every criterion of the lab's rubric whose verdict is not a pass (advice ones included). */
  loses: readonly Criterion[];
  /** Graded on its static criteria only (it needs a base image a machine without a registry lacks). */
  staticOnly?: boolean;
}

/** Replaces exactly one occurrence of `from` in `text`; throws when the reference changed under the mutant. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const matches = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (matches !== 1) throw new Error(`mutant: expected one match of ${String(from)}, found ${matches}`);
  return text.replace(from, to);
}

/** `report` with the answer under question `id` replaced by `answer` (its heading and prompt kept). */
export function replaceAnswer(report: string, id: string, answer: string): string {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${id} `));
  if (start === -1) throw new Error(`mutant: no heading for ${id}`);
  const prompt = start + 2;
  if (!lines[prompt]?.startsWith('> ')) throw new Error(`mutant: no prompt under ${id}`);
  let end = prompt + 1;
  while (end < lines.length && !/^#{2,3} /.test(lines[end]!)) end++;
  return [...lines.slice(0, prompt + 1), '', ...answer.split('\n'), '', ...lines.slice(end)].join('\n');
}

/**
 * The report edits a lab's mutants make, on its reference report unless another is given:
 * `withoutAnswers` puts the template's placeholder under `ids`, `withAnswer` replaces the answer
 * under `id` (heading and prompt kept).
 */
export function reportEdits(referenceReport: string) {
  return {
    withoutAnswers: (ids: readonly string[], report = referenceReport) => removeAnswers(report, ids),
    withAnswer: (id: string, answer: string, report = referenceReport) => replaceAnswer(report, id, answer),
  };
}

/** `report` with the answers under `ids` replaced by the template's placeholder. */
export function removeAnswers(report: string, ids: readonly string[]): string {
  return ids.reduce((text, id) => replaceAnswer(text, id, ANSWER_PLACEHOLDER), report);
}
