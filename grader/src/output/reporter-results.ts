import type { CriterionResult, GradeReport, Status } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { groupViews, isAdvice, regradeCommand } from './groups.ts';
import { location } from './format.ts';
import { plainText } from '../text/plain-text.ts';

/** One test of the official `autograding-grading-reporter` result format (version 1). */
export interface ReporterTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

export interface ReporterResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ReporterTest[];
}

export interface RunnerResult {
  /** Runner name: letters and digits only (the reporter reads env var `<NAME>_RESULTS`). */
  runner: string;
  result: ReporterResult;
}

/** Runner name of a group: its id with everything but ASCII letters and digits removed. */
export function runnerName(group: string): string {
  return group.replace(/[^A-Za-z0-9]/g, '') || 'group';
}

function testStatus(status: Status): ReporterTest['status'] {
  return status === 'pass' ? 'pass' : status === 'error' ? 'error' : 'fail';
}

function reporterTest(c: CriterionResult): ReporterTest {
  const where = location(c);
  // The reporter prints `message` after "Error: " on one line: keep it one line.
  const message = plainText(`${where ? `${where} : ` : ''}${c.message}`).replace(/\s+/g, ' ').trim();
  return {
    name: `${c.title} (${c.id})`,
    status: testStatus(c.status),
    score: Math.trunc(c.points),
    message,
    test_code: regradeCommand(c.id),
    filename: c.file ?? '',
    line_no: c.line ?? 0,
    duration: Math.round(c.durationMs),
  };
}

/**
 * The per-group results of a report in the reporter's format. Advice criteria (0 points) are left
 * out, and so are groups worth 0 points.
 */
export function reporterResults(report: GradeReport, rubric: Rubric): RunnerResult[] {
  const results: RunnerResult[] = [];
  for (const g of groupViews(report, rubric)) {
    const graded = g.criteria.filter((c) => !isAdvice(c));
    const maxScore = graded.reduce((sum, c) => sum + c.maxPoints, 0);
    if (maxScore <= 0) continue;
    const tests = graded.map(reporterTest);
    const status = tests.some((t) => t.status === 'error') ? 'error' : tests.some((t) => t.status === 'fail') ? 'fail' : 'pass';
    results.push({ runner: runnerName(g.id), result: { version: 1, status, max_score: maxScore, tests } });
  }
  return results;
}

export function encodeResult(result: ReporterResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}

/** Step output name holding a runner's base64 result (the same name as the reporter's env var). */
export function outputName(runner: string): string {
  return `${runner.toUpperCase()}_RESULTS`;
}
