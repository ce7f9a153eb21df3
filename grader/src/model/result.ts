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
