import { describe, expect, it } from 'vitest';
import { parseReport } from './sections.ts';
import { lab as TP1 } from '../../../../../labs/csc8613-tp1/lab.ts';

describe('answers', () => {
  it('parses GitHub Flavored Markdown: text in table cells and task list items is answer text; a lone check box is not', () => {
    const md = [
      '### 4.c',
      '| Nom | Image | Port |\n|---|---|---|\n| `upbeat_curie` | simple-api | 0.0.0.0:8000->8000/tcp |\n| ![ps](captures/ps.png) | ~~latest~~ | &eacute;t&eacute; |',
      '### 1.a',
      '- [x] Docker Desktop installé avec le moteur WSL2',
      '### 5.a',
      '- [x]',
      '### 7.b',
      '☑',
    ].join('\n\n');
    const report = parseReport(md, TP1.report);
    const text = report.sections.get('4.c')!.answer.text;
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Nom', 'Image', 'Port', 'upbeat_curie', 'simple-api', '0.0.0.0:8000->8000/tcp', 'latest', 'été']));
    expect(text).not.toContain('|');
    expect(report.sections.get('4.c')!.answer.images).toEqual([{ target: 'captures/ps.png', line: 6, form: 'markdown' }]);
    expect(report.sections.get('1.a')!.answer.text).toBe('Docker Desktop installé avec le moteur WSL2');
    expect(report.sections.get('5.a')!.answer.text).toBe('');
    expect(report.sections.get('7.b')!.answer.text).toBe('');
  });
});
