import { describe, expect, it } from 'vitest';
import { parseReport } from './sections.ts';
import { lab as TP1 } from '../../../../../labs/csc8613-tp1/lab.ts';

describe('images', () => {
  it('collects every image form with its line, excluding alt text from the answer', () => {
    const md = [
      '### 1.b',
      '![alt text here](captures/a.png "titre")',
      '![b](<captures/docker ps.png>) et ![c][ref] et <img src="captures/d.png" width="200">',
      '<p>\n<img src=\'/captures/e.png\'>\n</p>',
      '[ref]: ./captures/c.png',
    ].join('\n\n');
    const report = parseReport(md, TP1.report);
    expect(report.images).toEqual([
      { target: 'captures/a.png', line: 3, form: 'markdown' },
      { target: 'captures/docker ps.png', line: 5, form: 'markdown' },
      { target: './captures/c.png', line: 5, form: 'reference' },
      { target: 'captures/d.png', line: 5, form: 'html' },
      { target: '/captures/e.png', line: 8, form: 'html' },
    ]);
    expect(report.sections.get('1.b')!.answer.images).toHaveLength(5);
    expect(report.sections.get('1.b')!.answer.text).not.toContain('alt text');
  });
});
