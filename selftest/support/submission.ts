// The maintainers' self-tests build submission folders with the grader's own test helpers:
// selftest/ sits above grader/ and imports it, never the other way round.
export { applyOverlay, makeSubmission, REFERENCE_DIR, TEMPLATE_DIR, type Overlay } from '../../grader/src/submission/testing.ts';
