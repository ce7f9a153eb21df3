import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { feedbackHtml, feedbackMarkdown } from './feedback.ts';
import { renderCsv, type Gradebook, type GradebookRow } from './gradebook.ts';
import { renderOverview } from './overview.ts';
import type { ClassAnswers } from './similarities.ts';

/** What a batch (or a merge) leaves in its output folder. */
export interface BatchOutcome {
  book: Gradebook;
  /** Full report of each graded row, by row file name. */
  reports: Map<string, GradeReport>;
}

/** The error record written as submissions/<file>.json for a submission that could not be graded. */
export interface ErrorRecord {
  schema: 'docker-lab-grade-error/v1';
  submission: string;
  error: string;
}

/** Writes one submission's JSON, Markdown and HTML feedback under `<out>/submissions/`. */
export async function writeSubmission(out: string, row: GradebookRow, report: GradeReport | undefined, rubric: Rubric): Promise<void> {
  const dir = join(out, 'submissions');
  await mkdir(dir, { recursive: true });
  const json: GradeReport | ErrorRecord = report ?? { schema: 'docker-lab-grade-error/v1', submission: row.name, error: row.error ?? '' };
  await writeFile(join(dir, `${row.file}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(dir, `${row.file}.md`), feedbackMarkdown(row, report, rubric));
  await writeFile(join(dir, `${row.file}.html`), feedbackHtml(row, report, rubric));
}

/**
 * Writes grades.csv, grades.json and index.html (the per-submission files are written as rows
 * finish); `answers` gives the overview the texts of the similar answers it shows side by side.
 */
export async function writeGradebook(out: string, book: Gradebook, answers: readonly ClassAnswers[] = []): Promise<void> {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'grades.csv'), renderCsv(book));
  await writeFile(join(out, 'grades.json'), `${JSON.stringify(book, null, 2)}\n`);
  await writeFile(join(out, 'index.html'), renderOverview(book, answers));
}
