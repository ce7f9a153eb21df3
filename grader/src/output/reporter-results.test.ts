import { describe, expect, test } from 'vitest';
import { encodeResult, outputName, reporterResults, runnerName } from './reporter-results.ts';
import { RUBRIC, sampleReport } from './testing.ts';

describe('reporter results', () => {
  const results = reporterResults(sampleReport(), RUBRIC);

  test('one runner per group worth points; names are letters and digits', () => {
    expect(results.map((r) => r.runner)).toEqual(['dockerfile', 'image']);
    expect(runnerName('stack-2.x')).toBe('stack2x');
    expect(outputName('image')).toBe('IMAGE_RESULTS');
  });

  test('version 1 format with integer scores; advice criteria are left out; scores sum to the report score', () => {
    const [dockerfile, image] = results.map((r) => r.result);
    expect(dockerfile).toMatchObject({ version: 1, status: 'fail', max_score: 5 });
    expect(dockerfile!.tests.map((t) => t.name)).toEqual(['Dockerfile présent (dockerfile.present)', 'Image de base (dockerfile.base-image)']);
    expect(dockerfile!.tests[1]).toMatchObject({ status: 'fail', score: 0, filename: 'starter/Dockerfile', line_no: 2, duration: 12 });
    expect(dockerfile!.tests[1]!.test_code).toBe('npm run grade -- --only dockerfile.base-image');
    expect(image).toMatchObject({ status: 'fail', max_score: 11 });
    expect(image!.tests.map((t) => t.status)).toEqual(['fail', 'fail']); // a skip earns nothing
    const total = results.flatMap((r) => r.result.tests).reduce((s, t) => s + t.score, 0);
    expect(total).toBe(sampleReport().score);
    for (const t of results.flatMap((r) => r.result.tests)) {
      expect(Number.isInteger(t.score)).toBe(true);
      expect(Object.keys(t).sort()).toEqual(['duration', 'filename', 'line_no', 'message', 'name', 'score', 'status', 'test_code']);
    }
  });

  test('messages are one line (the reporter prints them after "Error: ")', () => {
    for (const t of results.flatMap((r) => r.result.tests)) expect(t.message).not.toMatch(/[\r\n]/);
  });

  test('an error anywhere makes the group an error', () => {
    const report = sampleReport();
    report.criteria[1]!.status = 'error';
    expect(reporterResults(report, RUBRIC)[0]!.result.status).toBe('error');
  });

  test('base64 of the JSON', () => {
    const encoded = encodeResult(results[0]!.result);
    expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toEqual(results[0]!.result);
    expect(encoded).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});
