import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../submission/testing.ts';
import { renderReportTemplate } from './render-report-template.ts';
import { ANSWER_PLACEHOLDER, groupQuestions } from './lab.ts';
import { QUESTIONS } from '../../../labs/csc8613-tp1/questions.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';

describe('questions', () => {
  it('lists the 30 questions of the lab in order, with unique ids', () => {
    expect(QUESTIONS).toHaveLength(30);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(30);
    expect(QUESTIONS.map((q) => q.id).join(' ')).toBe(
      '1.a 1.b 1.c 2.a 2.b 2.c 2.d 3.a 3.b 3.c 4.a 4.b 4.c 4.d 5.a 5.b 5.c 5.d 5.e 6.a 6.b 6.c 6.d 7.a 7.b 7.c 7.d 7.e 8.a 8.b',
    );
    expect(QUESTIONS.filter((q) => q.type === 'code').map((q) => q.id)).toEqual(['3.a', '3.b', '5.b']);
    expect(QUESTIONS.filter((q) => q.type === 'capture').map((q) => q.id)).toEqual(['1.b', '3.c', '4.b', '5.c', '5.d', '6.b']);
    expect(QUESTIONS.filter((q) => q.type === 'action').map((q) => q.id)).toEqual(['1.a', '5.a']);
  });

  it('adapts the prompts to this repository (starter/, postgres:17)', () => {
    const text = QUESTIONS.map((q) => q.prompt).join('\n');
    expect(text).toContain('starter/');
    expect(text).toContain('postgres:17');
    expect(text).not.toContain('postgres:16');
    expect(text).not.toMatch(/`api\/`/);
  });

  it('groups exercises without the code questions', () => {
    expect(groupQuestions(TP1.report, 'report.ex3-4').map((q) => q.id)).toEqual(['3.c', '4.a', '4.b', '4.c', '4.d']);
    expect(groupQuestions(TP1.report, 'report.ex5-6')).toHaveLength(8);
    expect(groupQuestions(TP1.report, 'report.ex8').map((q) => q.id)).toEqual(['8.a', '8.b']);
  });
});

describe('REPORT.md template', () => {
  it('is the rendering of questions.ts (run render-report-template.ts after editing the questions)', () => {
    expect(readFileSync(join(TEMPLATE_DIR, 'REPORT.md'), 'utf8')).toBe(renderReportTemplate(TP1.report));
  });

  it('has one heading, prompt and placeholder per question', () => {
    const text = renderReportTemplate(TP1.report);
    for (const q of QUESTIONS) expect(text).toContain(`### ${q.id} — ${q.title}\n\n> ${q.prompt}\n`);
    expect(text.split(ANSWER_PLACEHOLDER).length - 1).toBe(27);
    expect(text.match(/^## Exercice \d — /gm)).toHaveLength(8);
  });
});
