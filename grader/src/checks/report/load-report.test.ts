import { describe, expect, it } from 'vitest';
import { makeSubmission } from '../../submission/testing.ts';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { reportLoader, type LoadedReport } from './load-report.ts';
import { REFERENCE_REPORT } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

async function load(overlay: Parameters<typeof makeSubmission>[0]): Promise<LoadedReport> {
  const { dir, cleanup } = await makeSubmission(overlay);
  try {
    return await createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1).load(reportLoader);
  } finally {
    await cleanup();
  }
}

describe('reportLoader', () => {
  it('loads the reference report from a real folder', async () => {
    const report = await load({});
    expect(report.state).toBe('ok');
    if (report.state === 'ok') expect(report.encoding).toBe('utf-8');
  });

  it('passes on why a report cannot be read (source/file.test.ts covers every case)', async () => {
    const report = await load({ 'REPORT.md': null });
    expect(report.state).toBe('unavailable');
    if (report.state === 'unavailable') expect(report.message).toMatch(/introuvable/);
  });

  // A hang guard, not a speed measure (speed is `npm run bench`'s job): the test's own timeout fails a
  // parse that goes pathological on a large or adversarial report.
  it('parses a 2 MB report and a 60,000-heading report into the 30 questions', async () => {
    let big = REFERENCE_REPORT;
    while (big.length < 1_950_000) big += `\n${REFERENCE_REPORT}`;
    const stress = `${REFERENCE_REPORT}\n${'> q\n\ntexte\n\n### 2.a x\n\n'.repeat(60_000)}`;
    for (const text of [big, stress]) {
      const { dir, cleanup } = await makeSubmission({ 'REPORT.md': text });
      try {
        const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
        const report = await ctx.load(reportLoader);
        expect(report.state === 'ok' && report.sections.size).toBe(30);
      } finally {
        await cleanup();
      }
    }
  });
});
