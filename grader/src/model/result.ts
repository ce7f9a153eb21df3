import type { CriterionId } from './criteria.ts';

export type Status = 'pass' | 'fail' | 'skip' | 'error';

/** What a check says about one criterion, before points are attached. */
export interface Finding {
  status: Status;
  /** French, for the student: what is wrong, why it matters, how to fix it. Empty on a plain pass. */
  message: string;
  /** Path relative to the submission root, e.g. `starter/Dockerfile`. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** Share of the points earned, 0..1, for criteria graded proportionally. Defaults to 1 on pass, 0 otherwise. */
  fraction?: number;
  /** Student-controlled text (log tail, build output) quoted verbatim; reporters must neutralise it. */
  excerpt?: string;
  /** Answers the check was unsure of: they keep their points and go to the instructor's review list. */
  review?: ReviewItem[];
}

/**
 * One answer the automatic grade did not dare judge (weak evidence): it keeps its points, and the
 * instructor sees it in the gradebook and the class overview, never in the student's deductions.
 */
export interface ReviewItem {
  /** The question's id, e.g. `7.d`. */
  question: string;
  /** The student's answer as read (shortened for display). */
  answer: string;
  /** French, for the instructor: why the answer was flagged. */
  reason: string;
}

/** One criterion's verdict with its points: the unit every reporter consumes. */
export interface CriterionResult {
  id: CriterionId;
  title: string;
  group: string;
  points: number;
  maxPoints: number;
  status: Status;
  message: string;
  file?: string;
  line?: number;
  excerpt?: string;
  /** Answers kept for the instructor's review (see ReviewItem). */
  review?: ReviewItem[];
  durationMs: number;
}

export interface GradeReport {
  schema: 'docker-lab-grade/v1';
  submission: string;
  score: number;
  maxScore: number;
  criteria: CriterionResult[];
  tampered?: string[];
  /** Set when the Docker criteria could not be judged because no engine answered: why. */
  engineAbsent?: string;
  /** Batch regrade only: each report answer's own prose and fingerprints, compared across the class. */
  answers?: AnswerPrint[];
}

/** One report answer as compared with others: its own prose (shortened for display), its length in words, its fingerprints. */
export interface AnswerPrint {
  id: string;
  text: string;
  words: number;
  prints: number[];
}

export function pass(message = ''): Finding {
  return { status: 'pass', message };
}

export function fail(message: string, where: { file?: string; line?: number } = {}): Finding {
  return { status: 'fail', message, ...where };
}
