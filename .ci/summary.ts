// CI's closing summary (.ci/run): each pass's counts and time, each suite's (test file's) time per
// pass, the 20 slowest tests over all passes, and the closing line
// `selftest: N passed, N failed, N skipped`. Reads vitest's JSON reporter output of each pass.
//
// Usage: node --experimental-strip-types .ci/summary.ts 'NAME|RESULTS.json|SECONDS|EXIT' ...
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The part of vitest's JSON report this summary reads. */
export interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites?: number;
  testResults: Array<{
    name: string;
    startTime?: number;
    endTime?: number;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; duration?: number | null }>;
  }>;
}

export interface Pass {
  name: string;
  seconds: number;
  exitCode: number;
  /** Undefined when the pass wrote no readable results. */
  results?: VitestJson;
}

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A pass's counts: a suite that failed without a failed test (it could not load) counts as one failure; so does a pass with no results or a non-zero exit and no failure counted. */
export function passTotals(pass: Pass): Totals {
  const r = pass.results;
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const broken = r.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
  let failed = r.numFailedTests + broken;
  if (failed === 0 && pass.exitCode !== 0) failed = 1;
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

/** The summary's lines, the closing line last. `root` is stripped from suite paths. */
export function summarize(passes: Pass[], root: string, slowest = 20): string[] {
  const lines: string[] = [];
  const total: Totals = { passed: 0, failed: 0, skipped: 0 };
  const tests: Array<{ ms: number; pass: string; file: string; name: string }> = [];
  for (const pass of passes) {
    const t = passTotals(pass);
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
    lines.push(`${pass.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${pass.seconds} s (exit ${pass.exitCode})${pass.results ? '' : ', no results'}`);
    const suites = (pass.results?.testResults ?? []).map((s) => ({ ...s, file: relative(root, s.name), ms: (s.endTime ?? 0) - (s.startTime ?? 0) })).sort((a, b) => b.ms - a.ms);
    for (const s of suites) {
      lines.push(`  ${seconds(s.ms).padStart(9)}  ${s.file}${s.status === 'passed' ? '' : ` (${s.status})`}`);
      for (const a of s.assertionResults) tests.push({ ms: a.duration ?? 0, pass: pass.name, file: s.file, name: a.fullName });
    }
  }
  tests.sort((a, b) => b.ms - a.ms);
  if (tests.length > 0) {
    lines.push('', `The ${Math.min(slowest, tests.length)} slowest tests:`);
    for (const t of tests.slice(0, slowest)) lines.push(`  ${seconds(t.ms).padStart(9)}  ${t.file} › ${t.name}  [${t.pass}]`);
  }
  lines.push('', `selftest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return lines;
}

/** `NAME|FILE|SECONDS|EXIT` as .ci/run passes it; unreadable results leave `results` undefined. */
export function readPass(entry: string): Pass {
  const [name = '?', file = '', secs = '0', rc = '1'] = entry.split('|');
  let results: VitestJson | undefined;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    results = undefined;
  }
  return { name, seconds: Number(secs), exitCode: Number(rc), results };
}

if (import.meta.main) {
  process.stdout.write(`${summarize(process.argv.slice(2).map(readPass), process.cwd()).join('\n')}\n`);
}
