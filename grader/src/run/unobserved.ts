import type { ObservedPhase, Observations, StackNotJudged, StackUpInput } from '../checks/observations.ts';

// The observations of phases that could not run: every phase after a build that failed, and psql
// and persistence after a stack that did not come up.

/** The stack's outcome when psql and persistence cannot be observed, both for the same reason. */
export function stackNotJudged(up: StackUpInput, because: StackNotJudged): Observations['stack'] {
  return { up, psql: { state: 'not-judged', because }, persistence: { state: 'not-judged', because } };
}

/** What each phase after the build observes of an image that was not built. */
export const NOT_BUILT: { [P in Exclude<ObservedPhase, 'build'>]: Observations[P] } = {
  size: { state: 'not-built' },
  container: { health: { state: 'not-built' }, stop: { state: 'not-built' }, server: { state: 'not-built' } },
  program: { plain: { state: 'not-built' }, env: { state: 'not-built' }, override: { state: 'not-built' } },
  stack: stackNotJudged({ state: 'not-built' }, 'not-built'),
};
