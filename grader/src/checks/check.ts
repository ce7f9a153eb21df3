import type { Lab } from '../lab/lab.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';

/**
 * What a static check sees: the submission (student-owned paths only), the rubric's settings, the
 * lab graded (its questions and contracts), and `load`, which parses a source once per grading run
 * and shares the result between checks.
 */
export interface StaticContext {
  submission: Submission;
  settings: RubricSettings;
  lab: Lab;
  load<T>(loader: Loader<T>): Promise<T>;
}

/** A named parse step (e.g. "the Dockerfile, parsed"); the same loader object is run once per context. */
export interface Loader<T> {
  name: string;
  run(ctx: StaticContext): Promise<T>;
}

export function createStaticContext(submission: Submission, settings: RubricSettings, lab: Lab): StaticContext {
  const cache = new Map<Loader<unknown>, Promise<unknown>>();
  const ctx: StaticContext = {
    submission,
    settings,
    lab,
    load<T>(loader: Loader<T>): Promise<T> {
      let pending = cache.get(loader as Loader<unknown>);
      if (!pending) {
        pending = loader.run(ctx);
        cache.set(loader as Loader<unknown>, pending);
      }
      return pending as Promise<T>;
    },
  };
  return ctx;
}
