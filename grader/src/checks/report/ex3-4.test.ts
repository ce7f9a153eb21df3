import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { groupQuestions } from '../../lab/lab.ts';
import { criterion as check } from './ex3-4.ts';
import { gradeReport, gradeWith, REFERENCE_REPORT, withAnswer } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

describe('report.ex3-4', () => {
  it('passes on the reference report', async () => {
    expect(await gradeReport(check, REFERENCE_REPORT)).toMatchObject({ status: 'pass', fraction: 1 });
  });

  it('gives 0 to the untouched template, listing every question', async () => {
    const [finding] = await gradeWith([check], {}, TEMPLATE_DIR);
    expect(finding).toMatchObject({ status: 'fail', fraction: 0, file: 'REPORT.md' });
    for (const q of groupQuestions(TP1.report, 'report.ex3-4')) expect(finding!.message).toContain(q.id);
  });

  it('grades in proportion and points at the unanswered question', async () => {
    const report = withAnswer('4.c', '_Votre réponse ici._');
    const finding = await gradeReport(check, report);
    const line = report.split('\n').findIndex((l) => l.startsWith('### 4.c ')) + 1;
    expect(finding).toMatchObject({ status: 'fail', fraction: 4/5, line });
    expect(finding.message).toContain(`4.c (ligne ${line})`);
  });

  it('gives 0 when every answer copies its question', async () => {
    let report = REFERENCE_REPORT;
    for (const q of groupQuestions(TP1.report, 'report.ex3-4')) report = withAnswer(q.id, q.type === 'capture' ? q.prompt : `${q.title}. ${q.prompt}`, report);
    expect(await gradeReport(check, report)).toMatchObject({ status: 'fail', fraction: 0 });
  });

  it('does not count a missing heading as answered', async () => {
    const report = REFERENCE_REPORT.replace(/^### 4\.c .*$/m, '### Une question');
    const finding = await gradeReport(check, report);
    expect(finding.fraction).toBe(4/5);
    expect(finding.message).toContain('titre de la question absent');
  });

  it.each(['3.c', '4.a', '4.b', '4.d'])('counts %s as unanswered when it holds filler', async (id) => {
    const finding = await gradeReport(check, withAnswer(id, 'Je ne sais pas, à compléter.'));
    expect(finding).toMatchObject({ status: 'fail', fraction: 4/5 });
  });
});
