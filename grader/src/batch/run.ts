import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { GradeReport } from '../model/result.ts';
import { loadRubric, type Rubric } from '../rubric/rubric.ts';
import { labNamed } from '../run/lab.ts';
import { grade, type GradeOptions } from '../run/grade.ts';
import { DYNAMIC_IDS } from '../checks/catalogue.ts';
import { GRADER_ROOT } from '../integrity/files.ts';
import { hashShippedTree } from '../integrity/manifest.ts';
import { diffGraderFiles } from '../integrity/tamper.ts';
import { copyStudentOwned, CopyLimitError } from './workspace.ts';
import { gitInfo } from './git.ts';
import { GRADEBOOK_SCHEMA, gradebookCriteria, gradedRow, safeFileName, type Gradebook, type GradebookRow } from './gradebook.ts';
import { writeGradebook, writeSubmission, type BatchOutcome } from './write.ts';
import { Progress } from './progress.ts';
import { classAnswers, submissionPrints } from './prints.ts';
import { classSimilarities } from './similarities.ts';
import type { BaseText } from './base-text.ts';

/**
 * Default number of submissions graded side by side: one per two cores (a build keeps a core busy
 * while the other phases mostly wait), at least 1, at most 4, and no more than one per 1.5 GiB of
 * memory (a graded stack holds an API container, PostgreSQL and a build).
 */
export function defaultConcurrency(cores = availableParallelism(), memoryBytes = totalmem()): number {
  return Math.max(1, Math.min(4, Math.ceil(cores / 2), Math.floor(memoryBytes / (1.5 * 2 ** 30))));
}

/** Default deadline of one submission, everything included (Classroom 50 gives a job 15 minutes). */
export const DEFAULT_DEADLINE_SECONDS = 15 * 60;
/** After its deadline, a run gets this long to tear its Docker resources down before the batch moves on. */
export const TEARDOWN_GRACE_MS = 60_000;

export type GradeFunction = (dir: string, options: GradeOptions) => Promise<GradeReport>;

export interface BatchOptions {
  /** Folder whose subfolders are the submissions (clones of student repositories). */
  folder: string;
  out: string;
  concurrency?: number;
  deadlineSeconds?: number;
  staticOnly?: boolean;
  rubric?: Rubric;
  /** The handout the students were given: its passages never make two answers alike. */
  baseText?: BaseText;
  /** Stops the batch: running submissions are aborted (and torn down), the rest become error rows. */
  signal?: AbortSignal;
  /** Where progress lines go (default stderr); null for none. */
  progress?: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown } | null;
  /** The pristine grader; replaced in unit tests only. */
  gradeFn?: GradeFunction;
  /** The grader whose files are the pristine reference for tamper detection (default: this one). */
  graderRoot?: string;
  /**
   * Files of the pristine student template that are built, not in this repository (its prebuilt
   * grader): path → sha256, compared like the rest. The CLI builds them (export/prebuilt.ts).
   */
  pristineBuilt?: Record<string, string>;
  /**
   * The hashes of the pristine student template, whole, when its lab is not the repository root's
   * (its own rubric, test suites and workflow): then they replace this grader's shipped files.
   */
  pristine?: Record<string, string>;
  /** After a deadline, how long a run may take to tear down before the batch moves on. */
  teardownGraceMs?: number;
}

/** The subfolders of `folder` (real directories, not hidden), sorted by name. */
export async function listSubmissions(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en'));
}

class DeadlineError extends Error {}
class InterruptedError extends Error {}

/** Runs `gradeFn` with a deadline: past it, the run is aborted, given a grace period to tear down, and reported as an error. */
async function gradeWithDeadline(gradeFn: GradeFunction, dir: string, options: GradeOptions, deadlineMs: number, graceMs: number, outer?: AbortSignal): Promise<GradeReport> {
  const abort = new AbortController();
  const onOuter = () => abort.abort();
  outer?.addEventListener('abort', onOuter);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`délai dépassé : correction arrêtée après ${Math.round(deadlineMs / 1000)} s`)), deadlineMs);
  });
  const grading = gradeFn(dir, { ...options, signal: abort.signal });
  try {
    const report = await Promise.race([grading, deadline]);
    if (outer?.aborted) throw new InterruptedError('correction interrompue (batch arrêté)');
    return report;
  } catch (error) {
    abort.abort();
    // Let the run tear its containers, networks and volumes down before the workspace goes away.
    await Promise.race([grading.catch(() => undefined), new Promise((r) => setTimeout(r, graceMs).unref())]);
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/** Grades every submission of `options.folder` with the pristine grader and writes the gradebook. */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const rubric = options.rubric ?? (await loadRubric());
  const lab = labNamed(rubric.lab);
  const gradeFn = options.gradeFn ?? grade;
  const folder = resolve(options.folder);
  const out = resolve(options.out);
  const names = await listSubmissions(folder);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  const deadlineMs = (options.deadlineSeconds ?? DEFAULT_DEADLINE_SECONDS) * 1000;
  const pristine = options.pristine ?? { ...(await hashShippedTree(options.graderRoot ?? GRADER_ROOT)), ...options.pristineBuilt };
  const criteria = gradebookCriteria(rubric, options.staticOnly ? DYNAMIC_IDS : []);
  const fullMax = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const taken = new Set<string>();
  const files = names.map((name) => safeFileName(name, taken));
  const rows: GradebookRow[] = new Array(names.length);
  const reports = new Map<string, GradeReport>();
  const progress = options.progress === null ? undefined : new Progress(names.length, options.progress ?? process.stderr);

  const gradeOne = async (index: number): Promise<void> => {
    const name = names[index]!;
    const dir = join(folder, name);
    const file = files[index]!;
    const started = Date.now();
    const base: Pick<GradebookRow, 'name' | 'file' | 'commit' | 'committedAt' | 'tampered' | 'gradedAt' | 'durationMs'> = { name, file, tampered: [], gradedAt: '', durationMs: 0 };
    let workspace: string | undefined;
    let report: GradeReport | undefined;
    let error: string | undefined;
    try {
      const git = await gitInfo(dir);
      if (git) Object.assign(base, git);
      base.tampered = (await diffGraderFiles(pristine, dir)).map((entry) => entry.path);
      if (options.signal?.aborted) throw new InterruptedError('correction interrompue (batch arrêté)');
      workspace = await mkdtemp(join(tmpdir(), 'docker-lab-batch-'));
      await copyStudentOwned(dir, workspace);
      report = await gradeWithDeadline(gradeFn, workspace, { rubric, staticOnly: options.staticOnly, tamperCheck: false }, deadlineMs, options.teardownGraceMs ?? TEARDOWN_GRACE_MS, options.signal);
      report.submission = name;
      report.tampered = base.tampered;
      report.answers = await submissionPrints(workspace, rubric.settings, lab).catch(() => []);
    } catch (caught) {
      error = caught instanceof DeadlineError || caught instanceof CopyLimitError || caught instanceof InterruptedError ? caught.message : `erreur du correcteur : ${(caught as Error).message}`;
    } finally {
      if (workspace) await rm(workspace, { recursive: true, force: true }).catch(() => undefined);
    }
    base.gradedAt = new Date().toISOString();
    base.durationMs = Date.now() - started;
    const row: GradebookRow = report
      ? gradedRow(base, report)
      : { ...base, status: 'error', score: null, maxScore: fullMax, points: {}, statuses: {}, error };
    rows[index] = row;
    if (report) reports.set(file, report);
    await writeSubmission(out, row, report, rubric);
    progress?.tick(name, row.status === 'error');
  };

  let next = 0;
  const worker = async () => {
    while (next < names.length) await gradeOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));

  const answers = classAnswers(rows, reports);
  const similarities = classSimilarities(answers, rubric.settings, lab.report, options.baseText);
  const book: Gradebook = { schema: GRADEBOOK_SCHEMA, generatedAt: new Date().toISOString(), staticOnly: Boolean(options.staticOnly), lab: { id: lab.id, title: lab.title }, criteria, rows, similarities, baseText: options.baseText?.files ?? [] };
  await writeGradebook(out, book, answers);
  return { book, reports };
}
