import type { GradeReport } from '../../grader/src/model/result.ts';

/** What the global setup hands to the suites and to the reporter. */
export interface GradeRun {
  /** Submission folder graded (GRADE_DIR, default: the working copy). */
  dir: string;
  /** The whole rubric was graded (not GRADE_STATIC_ONLY): only then is the score announced. */
  complete: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absent when the grader failed (then `gradeCrash` holds its French report). */
    gradeReport?: GradeReport;
    gradeRun: GradeRun;
    /** The French report of a failure of the grader itself (cause, what to do, where the detail is). */
    gradeCrash?: string;
  }
  export interface TaskMeta {
    /** Id of the criterion a test states. */
    criterion?: string;
  }
}
