import type { CriterionId } from '../model/criteria.ts';
import type { GradeReport, ReviewItem, Status } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { similarTo, type Similarity } from './similarities.ts';

export const GRADEBOOK_SCHEMA = 'docker-lab-gradebook/v1';

/** One submission of a batch: graded by the pristine grader, or an error with its message. */
export interface GradebookRow {
  /** The submission's folder name. */
  name: string;
  /** Safe base name of its files under submissions/ (`<file>.json`, `.md`, `.html`). */
  file: string;
  status: 'graded' | 'error';
  commit?: string;
  committedAt?: string;
  /** null for an error row. */
  score: number | null;
  maxScore: number;
  points: Partial<Record<CriterionId, number>>;
  statuses: Partial<Record<CriterionId, Status>>;
  /** Grader-owned paths of the submission that differ from the pristine grader's. */
  tampered: string[];
  /** Answers the grade was unsure of (they kept their points): the instructor's review list. */
  review?: ReviewItem[];
  error?: string;
  gradedAt: string;
  durationMs: number;
}

export interface GradebookCriterion {
  id: CriterionId;
  title: string;
  group: string;
  maxPoints: number;
}

export interface GradebookLab {
  id: string;
  title: string;
}

export interface Gradebook {
  schema: typeof GRADEBOOK_SCHEMA;
  generatedAt: string;
  staticOnly: boolean;
  /** The lab graded (its id and title); absent from gradebooks written before labs were folders. */
  lab?: GradebookLab;
  criteria: GradebookCriterion[];
  rows: GradebookRow[];
  /** Pairs of submissions with near-identical answers (a review aid, never a penalty). */
  similarities?: Similarity[];
  /** Names of the base text files whose passages the comparison ignored (the handout given to the students). */
  baseText?: string[];
}

/** The gradebook's criterion columns: the rubric's criteria, minus the Docker ones on a static-only batch. */
export function gradebookCriteria(rubric: Rubric, exclude: readonly CriterionId[] = []): GradebookCriterion[] {
  return [...rubric.criteria.values()]
    .filter((c) => !exclude.includes(c.id))
    .map((c) => ({ id: c.id, title: c.title, group: c.group, maxPoints: c.points }));
}

export function gradedRow(base: Pick<GradebookRow, 'name' | 'file' | 'commit' | 'committedAt' | 'tampered' | 'gradedAt' | 'durationMs'>, report: GradeReport): GradebookRow {
  return {
    ...base,
    status: 'graded',
    score: report.score,
    maxScore: report.maxScore,
    points: Object.fromEntries(report.criteria.map((c) => [c.id, c.points])),
    statuses: Object.fromEntries(report.criteria.map((c) => [c.id, c.status])),
    review: reviewOf(report),
  };
}

const isReviewItem = (item: unknown): item is ReviewItem =>
  typeof item === 'object' && item !== null && ['question', 'answer', 'reason'].every((key) => typeof (item as Record<string, unknown>)[key] === 'string');

/** The review items of a report's criteria, in criterion order; malformed ones (a hand-edited report) are dropped. */
export function reviewOf(report: GradeReport): ReviewItem[] {
  return report.criteria.flatMap((c) => (Array.isArray(c.review) ? c.review.filter(isReviewItem).map(({ question, answer, reason }) => ({ question, answer, reason })) : []));
}

// ---------------------------------------------------------------------------------------------
// Class statistics

export interface ClassStats {
  students: number;
  graded: number;
  errors: number;
  tampered: number;
  maxScore: number;
  /** Mean and median score of the graded rows (null when none). */
  mean: number | null;
  median: number | null;
  /** Ten bins of 10 % of the maximum score each (the last one includes the maximum). */
  histogram: Array<{ from: number; to: number; count: number }>;
  /** Share of graded rows passing each criterion, worst first. */
  passRates: Array<GradebookCriterion & { passed: number; judged: number; rate: number }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function classStats(book: Gradebook): ClassStats {
  const graded = book.rows.filter((r) => r.status === 'graded');
  const scores = graded.map((r) => r.score ?? 0).sort((a, b) => a - b);
  const maxScore = Math.max(0, ...book.rows.map((r) => r.maxScore));
  const mid = Math.floor(scores.length / 2);
  const median = scores.length === 0 ? null : scores.length % 2 ? scores[mid]! : (scores[mid - 1]! + scores[mid]!) / 2;
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  for (const row of graded) {
    const percent = row.maxScore > 0 ? ((row.score ?? 0) / row.maxScore) * 100 : 0;
    histogram[Math.min(9, Math.max(0, Math.floor(percent / 10)))]!.count++;
  }
  const order = new Map(book.criteria.map((c, i) => [c.id, i]));
  const passRates = book.criteria
    .map((c) => {
      const judged = graded.filter((r) => r.statuses[c.id] !== undefined);
      const passed = judged.filter((r) => r.statuses[c.id] === 'pass').length;
      return { ...c, passed, judged: judged.length, rate: judged.length > 0 ? passed / judged.length : 0 };
    })
    .sort((a, b) => a.rate - b.rate || order.get(a.id)! - order.get(b.id)!);
  return {
    students: book.rows.length,
    graded: graded.length,
    errors: book.rows.length - graded.length,
    tampered: book.rows.filter((r) => r.tampered.length > 0).length,
    maxScore,
    mean: scores.length === 0 ? null : round1(scores.reduce((s, x) => s + x, 0) / scores.length),
    median,
    histogram,
    passRates,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, UTF-8 with BOM, CRLF)

/**
 * One CSV field: text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe; fields with a comma, quote or line break are quoted,
 * quotes doubled. Numbers are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(book: Gradebook): string[] {
  return ['name', 'status', 'commit', 'committed_at', 'score', 'max_score', ...book.criteria.map((c) => c.id), 'tampered', 'tampered_files', 'similar_to', 'review_count', 'review_questions', 'error', 'graded_at'];
}

export function renderCsv(book: Gradebook): string {
  const lines = [csvHeader(book).map(csvField).join(',')];
  for (const row of book.rows) {
    const cells: Array<string | number | null | undefined> = [
      row.name,
      row.status,
      row.commit,
      row.committedAt,
      row.score,
      row.maxScore,
      ...book.criteria.map((c) => row.points[c.id]),
      row.tampered.length > 0 ? 'yes' : 'no',
      row.tampered.join('; '),
      similarTo(row.name, book.similarities ?? []),
      row.status === 'graded' ? (row.review ?? []).length : null,
      (row.review ?? []).map((item) => item.question).join('; '),
      row.error,
      row.gradedAt,
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A file base name for `name` that is safe on every file system and unique among `taken`:
 * letters, digits, `.`, `_` and `-`, not starting with a dot, at most 100 characters.
 */
export function safeFileName(name: string, taken: Set<string>): string {
  let base = name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'submission';
  if (taken.has(base.toLowerCase())) {
    let i = 2;
    while (taken.has(`${base}-${i}`.toLowerCase())) i++;
    base = `${base}-${i}`;
  }
  taken.add(base.toLowerCase());
  return base;
}
