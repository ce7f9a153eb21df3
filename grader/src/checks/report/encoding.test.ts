import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { criterion as check } from './encoding.ts';
import { gradeReport, gradeWith, REFERENCE_REPORT, toUtf16, toWindows1252, withAnswer } from './testing.ts';

describe('report.encoding', () => {
  it('passes on the reference and the template', async () => {
    expect(await gradeReport(check, REFERENCE_REPORT)).toMatchObject({ status: 'pass' });
    expect((await gradeWith([check], {}, TEMPLATE_DIR))[0]).toMatchObject({ status: 'pass' });
  });

  it.each([
    ['Ã©', 'Une image est un modÃ¨le figÃ©, un conteneur en est une instance en cours dâ€™exÃ©cution.'],
    ['Ã ', 'Le port de la machine est reliÃ© Ã  celui du conteneur avec cette option.'],
    ['â€™', 'L’option publie le port : lâ€™API devient joignable.'],
    ['√©', 'Le port de la machine est reli√© au port du conteneur par Docker.'],
    ['Ã§', 'Ã§a publie le port 8000 du conteneur sur le port 8000 de la machine.'],
    ['\uFFFD', 'Le port de la machine est reli\uFFFD au port du conteneur.'],
  ])('reports mojibake « %s » with its line', async (seen, answer) => {
    const report = withAnswer('4.a', answer);
    const line = report.split('\n').findIndex((l) => l === answer.split('\n')[0]) + 1;
    const finding = await gradeReport(check, report);
    expect(finding).toMatchObject({ status: 'fail', file: 'REPORT.md', line });
    expect(finding.message).toContain(`« ${seen.trim()}`);
    expect(finding.message).toContain('UTF-8');
  });

  it('does not mistake ordinary French or a square root for mojibake', async () => {
    const answer = 'À l’école, ça marche : « Ça » et √2 ≈ 1,41 ; Ãwa est un prénom, œuvre et Ève aussi.';
    expect(await gradeReport(check, withAnswer('4.a', answer))).toMatchObject({ status: 'pass' });
  });

  it('fails on a report that is not UTF-8, naming the encoding', async () => {
    expect(await gradeReport(check, toUtf16(REFERENCE_REPORT, 'le'))).toMatchObject({ status: 'fail', message: expect.stringContaining('UTF-16 LE') });
    expect(await gradeReport(check, toWindows1252(REFERENCE_REPORT))).toMatchObject({ status: 'fail', message: expect.stringContaining('Windows-1252') });
  });
});
