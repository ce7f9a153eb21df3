import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPass, summarize, type VitestJson } from './summary.ts';

const suite = (name: string, ms: number, tests: Array<[string, string, number]>, status = 'passed') => ({
  name: `/repo/${name}`,
  startTime: 1_000,
  endTime: 1_000 + ms,
  status,
  assertionResults: tests.map(([fullName, s, duration]) => ({ fullName, status: s, duration })),
});

const results = (testResults: VitestJson['testResults'], counts: Partial<VitestJson> = {}): VitestJson => ({
  numPassedTests: testResults.flatMap((s) => s.assertionResults).filter((a) => a.status === 'passed').length,
  numFailedTests: testResults.flatMap((s) => s.assertionResults).filter((a) => a.status === 'failed').length,
  numPendingTests: testResults.flatMap((s) => s.assertionResults).filter((a) => a.status === 'skipped').length,
  numTodoTests: 0,
  testResults,
  ...counts,
});

describe('CI summary', () => {
  test('each pass with its counts and time, its suites slowest first, the slowest tests, the closing line', () => {
    const lines = summarize(
      [
        { name: 'files', seconds: 61, exitCode: 0, results: results([suite('a.test.ts', 2_000, [['a one', 'passed', 1_900]]), suite('b.test.ts', 5_000, [['b one', 'passed', 10], ['b two', 'skipped', 0]])]) },
        { name: '20.10', seconds: 700, exitCode: 1, results: results([suite('e2e/c.test.ts', 90_000, [['c one', 'failed', 80_000]], 'failed')]) },
      ],
      '/repo',
      2,
    );
    expect(lines).toEqual([
      'files: 2 passed, 0 failed, 1 skipped in 61 s (exit 0)',
      '      5.0 s  b.test.ts',
      '      2.0 s  a.test.ts',
      '20.10: 0 passed, 1 failed, 0 skipped in 700 s (exit 1)',
      '     90.0 s  e2e/c.test.ts (failed)',
      '',
      'The 2 slowest tests:',
      '     80.0 s  e2e/c.test.ts › c one  [20.10]',
      '      1.9 s  a.test.ts › a one  [files]',
      '',
      'selftest: 2 passed, 1 failed, 1 skipped',
    ]);
  });

  test('a suite that could not load, a pass without results and a failed exit with nothing failed each count as a failure', () => {
    const lines = summarize(
      [
        { name: 'main', seconds: 10, exitCode: 1, results: results([suite('broken.test.ts', 0, [], 'failed')]) },
        { name: 'gone', seconds: 3, exitCode: 1 },
        { name: 'odd', seconds: 3, exitCode: 1, results: results([suite('ok.test.ts', 5, [['fine', 'passed', 1]])]) },
      ],
      '/repo',
    );
    expect(lines.filter((l) => !l.startsWith(' '))).toEqual([
      'main: 0 passed, 1 failed, 0 skipped in 10 s (exit 1)',
      'gone: 0 passed, 1 failed, 0 skipped in 3 s (exit 1), no results',
      'odd: 1 passed, 1 failed, 0 skipped in 3 s (exit 1)',
      '',
      'The 1 slowest tests:',
      '',
      'selftest: 1 passed, 3 failed, 0 skipped',
    ]);
  });

  test('readPass reads the JSON a pass wrote, and leaves the results out when the file is missing or not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-summary-'));
    try {
      const good = join(dir, 'good.json');
      await writeFile(good, JSON.stringify(results([suite('a.test.ts', 1, [['x', 'passed', 1]])])));
      await writeFile(join(dir, 'bad.json'), '{ not json');
      expect(readPass(`26.1 (classic store)|${good}|12|0`)).toMatchObject({ name: '26.1 (classic store)', seconds: 12, exitCode: 0, results: { numPassedTests: 1 } });
      expect(readPass(`x|${join(dir, 'bad.json')}|1|1`).results).toBeUndefined();
      expect(readPass(`x|${join(dir, 'absent.json')}|1|1`).results).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
