import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { labNamed } from '../run/lab.ts';
import { GRADEBOOK_SCHEMA, reviewOf, safeFileName, type Gradebook, type GradebookRow } from './gradebook.ts';
import { writeGradebook, writeSubmission, type BatchOutcome } from './write.ts';
import { classAnswers } from './prints.ts';
import { classSimilarities } from './similarities.ts';
import type { BaseText } from './base-text.ts';

/** The grades.json files under `dir` (any depth up to 4: artifacts are unpacked in subfolders). */
async function findGradebooks(dir: string, depth = 4): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    if (entry.isFile() && entry.name === 'grades.json') found.push(join(dir, entry.name));
    else if (entry.isDirectory() && depth > 0 && entry.name !== 'submissions') found.push(...(await findGradebooks(join(dir, entry.name), depth - 1)));
  }
  return found;
}

export class MergeError extends Error {}

/**
 * Merges the gradebooks found under `dir` (one per regrade job, each with its submissions/ folder)
 * into one gradebook in `out`, rewriting every per-submission file. The criteria columns are the
 * union in first-seen order; rows keep their order of discovery, sorted by name.
 */
export async function mergeGradebooks(dir: string, out: string, rubric: Rubric, baseText?: BaseText): Promise<BatchOutcome> {
  const paths = await findGradebooks(resolve(dir));
  if (paths.length === 0) throw new MergeError(`no grades.json under ${dir}`);
  const criteria: Gradebook['criteria'] = [];
  const rows: GradebookRow[] = [];
  const reports = new Map<string, GradeReport>();
  const taken = new Set<string>();
  let staticOnly = false;
  const pending: Array<{ row: GradebookRow; report?: GradeReport }> = [];
  for (const path of paths) {
    const book = JSON.parse(await readFile(path, 'utf8')) as Gradebook;
    if (book.schema !== GRADEBOOK_SCHEMA || !Array.isArray(book.rows)) throw new MergeError(`${path} is not a ${GRADEBOOK_SCHEMA} gradebook`);
    if (book.lab && book.lab.id !== rubric.lab) {
      throw new MergeError(`${path} grades lab ${book.lab.id} and the rubric lab ${rubric.lab}: merge each lab's gradebooks apart, with that lab's rubric (--rubric labs/${book.lab.id}/rubric.yml)`);
    }
    staticOnly ||= book.staticOnly;
    if (!baseText && Array.isArray(book.baseText) && book.baseText.length > 0) {
      throw new MergeError(`${path} compared its answers with base text ${book.baseText.map(String).join(', ')}: pass it to --merge again (--base-text FILE), or students who pasted it would be listed as similar`);
    }
    for (const c of book.criteria) if (!criteria.some((known) => known.id === c.id)) criteria.push(c);
    for (const row of book.rows) {
      let report: GradeReport | undefined;
      if (row.status === 'graded') {
        const text = await readFile(join(path, '..', 'submissions', `${row.file}.json`), 'utf8').catch(() => undefined);
        const parsed = text ? (JSON.parse(text) as GradeReport) : undefined;
        report = parsed?.schema === 'docker-lab-grade/v1' ? parsed : undefined;
      }
      pending.push({ row, report });
    }
  }
  pending.sort((a, b) => a.row.name.localeCompare(b.row.name, 'en'));
  for (const { row: original, report } of pending) {
    const row: GradebookRow = {
      ...original,
      file: safeFileName(String(original.name), taken),
      tampered: Array.isArray(original.tampered) ? original.tampered.map(String) : [],
      review: report ? reviewOf(report) : [],
    };
    rows.push(row);
    if (report) reports.set(row.file, report);
    await writeSubmission(out, row, report, rubric);
  }
  // Each report carries its answers' own prose: submissions graded by different jobs are compared here.
  const answers = classAnswers(rows, reports);
  const lab = labNamed(rubric.lab);
  const similarities = classSimilarities(answers, rubric.settings, lab.report, baseText);
  const book: Gradebook = { schema: GRADEBOOK_SCHEMA, generatedAt: new Date().toISOString(), staticOnly, lab: { id: lab.id, title: lab.title }, criteria, rows, similarities, baseText: baseText?.files ?? [] };
  await writeGradebook(out, book, answers);
  return { book, reports };
}
