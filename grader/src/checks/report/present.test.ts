import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { criterion as check } from './present.ts';
import { criterion as ex12 } from './ex1-2.ts';
import { criterion as ex8 } from './ex8.ts';
import { gradeReport, gradeWith, REFERENCE_REPORT, toUtf16, toWindows1252 } from './testing.ts';

describe('report.present', () => {
  it('passes on the reference and on the untouched template', async () => {
    expect(await gradeReport(check, REFERENCE_REPORT)).toMatchObject({ status: 'pass' });
    expect((await gradeWith([check], {}, TEMPLATE_DIR))[0]).toMatchObject({ status: 'pass' });
  });

  it('passes with lenient headings and a UTF-8 BOM', async () => {
    const lenient = REFERENCE_REPORT.replace(/^### (\d)\.([a-e]) — /gm, (_, n: string, l: string) => (n === '2' ? `## Question ${n}-${l} : ` : `#### Q${n}.${l.toUpperCase()} `));
    expect(await gradeReport(check, lenient)).toMatchObject({ status: 'pass' });
    expect(await gradeReport(check, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REFERENCE_REPORT)]))).toMatchObject({ status: 'pass' });
  });

  it('lists missing and duplicated headings', async () => {
    const report = `${REFERENCE_REPORT.replace(/^### 4\.c .*$/m, '### Lire docker ps').replace(/^### 7\.e .*$/m, 'Faire le ménage')}\n### 2.b bis\n\nEncore.\n`;
    const finding = await gradeReport(check, report);
    expect(finding).toMatchObject({ status: 'fail', file: 'REPORT.md' });
    expect(finding.message).toContain('Titres manquants : 4.c, 7.e');
    expect(finding.message).toMatch(/Titres en double : 2\.b \(lignes \d+, \d+\)/);
  });

  it('advises restoring the template heading of an answer found by the question’s wording, without failing', async () => {
    const report = REFERENCE_REPORT.replace(/^### 8\.b .*$/m, '### Pourquoi Docker Compose est essentiel dès qu’il y a plusieurs services ?');
    const [present, reflection] = await gradeWith([check, ex8], { 'REPORT.md': report });
    expect(present).toMatchObject({ status: 'pass', message: expect.stringMatching(/Conseil : 8\.b \(ligne \d+\) a été retrouvée grâce à l'intitulé/) });
    expect(present!.message).toContain('### 8.b — Pourquoi Docker Compose');
    expect(reflection).toMatchObject({ status: 'pass', fraction: 1 });
  });

  it('fails when REPORT.md is missing or binary', async () => {
    expect((await gradeWith([check], { 'REPORT.md': null }))[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('introuvable') });
    expect(await gradeReport(check, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0]))).toMatchObject({ status: 'fail', message: expect.stringContaining('pas un fichier texte') });
  });

  it.each([
    ['UTF-16 LE', toUtf16(REFERENCE_REPORT, 'le')],
    ['UTF-16 BE', toUtf16(REFERENCE_REPORT, 'be', false)],
    ['Windows-1252', toWindows1252(REFERENCE_REPORT)],
  ])('fails a reference saved as %s, explaining how to re-save, but the answers are still graded', async (name, bytes) => {
    const [present, group12, group8] = await gradeWith([check, ex12, ex8], { 'REPORT.md': bytes });
    expect(present).toMatchObject({ status: 'fail', message: expect.stringContaining(name) });
    expect(present!.message).toContain('UTF-8');
    expect(group12).toMatchObject({ status: 'pass', fraction: 1 });
    expect(group8).toMatchObject({ status: 'pass', fraction: 1 });
  });
});
