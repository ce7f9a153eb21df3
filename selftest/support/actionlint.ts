// actionlint for the self-tests' workflow checks: the grader's own test helper, re-used (selftest/
// sits above grader/ and imports it, never the other way round).
export { actionlint, type LintProblem } from '../../grader/src/sync/testing.ts';
