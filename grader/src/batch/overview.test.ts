import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, test } from 'vitest';
import { BOOK } from './testing.ts';
import { highlighted, renderOverview } from './overview.ts';
import { feedbackHtml, feedbackMarkdown } from './feedback.ts';
import { escapeHtml } from './html.ts';
import { parseRubric } from '../rubric/rubric.ts';
import { readFileSync } from 'node:fs';
import { DEFAULT_RUBRIC_PATH } from '../rubric/rubric.ts';
import type { GradeReport } from '../model/result.ts';

const rubric = parseRubric(readFileSync(DEFAULT_RUBRIC_PATH, 'utf8'));
const hostile = '<script>alert(1)</script>"\'&';

describe('renderOverview: pairs to examine and answers to review', () => {
  test('a pair: « réponses très proches, à examiner », answers side by side, matching passages marked; student text and names escaped', () => {
    const answers = [
      { name: hostile, answers: [{ id: '2.a', text: `copie ${hostile} fin`, words: 20, prints: [] }] },
      { name: 'alice', answers: [{ id: '2.a', text: 'avant copie <b> fin', words: 20, prints: [] }] },
    ];
    const evidence = { question: '2.a', score: 0.9, a: [[0, 5]] as Array<[number, number]>, b: [[6, 11], [12, 15]] as Array<[number, number]> };
    const html = renderOverview({ ...BOOK, baseText: ['poly<.md'], similarities: [{ a: hostile, b: 'alice', questions: ['2.a'], score: 0.9, answers: [evidence] }] }, answers);
    expect(html).toContain('<dd id="similar-count">1</dd>');
    expect(html).toContain(`<p><mark>copie</mark> ${escapeHtml(hostile)} fin</p>`);
    expect(html).toContain('<p>avant <mark>copie</mark> <mark>&lt;b&gt;</mark> fin</p>');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('réponses très proches, à examiner : 1 question (2.a), 90 %');
    expect(html).toContain('<span id="base-text">poly&lt;.md</span>');
    expect(html).toMatch(/never a verdict nor a penalty/);
    expect(html).not.toMatch(/plagia|copied|cheat|triche/i);
    expect(renderOverview(BOOK)).toContain('id="similar-none"');
    expect(renderOverview(BOOK)).toContain('no base text given');
  });

  test('highlighted: spans clamped to the text, overlapping or empty ones skipped', () => {
    expect(highlighted('abcdef', [[1, 3], [2, 4], [5, 99]])).toBe('a<mark>bc</mark><mark>d</mark>e<mark>f</mark>');
    expect(highlighted('a<b', [[4, 9]])).toBe('a&lt;b');
  });

  test('the review list: per student, question, answer and why, escaped; a count per student in the table', () => {
    const html = renderOverview(BOOK);
    expect(html).toContain('<dd id="review-count">2</dd>');
    const items = [...html.matchAll(/<tr class="review-item" data-name="([^"]*)" data-question="([^"]*)">([\s\S]*?)<\/tr>/g)];
    expect(items.map((m) => [m[1], m[2]])).toEqual([
      ['bob, &quot;the builder&quot;', '2.c'],
      ['bob, &quot;the builder&quot;', '7.d'],
    ]);
    expect(items[0]![3]).toContain('<td class="answer">Le conteneur &lt;b&gt;Exited&lt;/b&gt; a fini son travail.</td><td class="reason">aucun mot de la question ni des notions attendues ; à relire</td>');
    expect(html).toMatch(/<tr data-name="bob, &quot;the builder&quot;">[\s\S]*?<td class="num" data-value="2">2<\/td>/);
    expect(renderOverview({ ...BOOK, rows: [BOOK.rows[0]!] })).toContain('id="review-none"');
  });
});

describe('renderOverview', () => {
  const html = renderOverview({ ...BOOK, rows: [...BOOK.rows, { ...BOOK.rows[0]!, name: hostile, file: 'script', tampered: [hostile] }] });

  test('names the lab graded, in its heading and its title', () => {
    const named = renderOverview({ ...BOOK, lab: { id: 'docker-basics', title: 'Les bases de <Docker>' } });
    expect(named).toContain('<h1>Class overview — Les bases de &lt;Docker&gt; <small id="lab-id">docker-basics</small></h1>');
    expect(named).toContain('<title>Class overview — Les bases de &lt;Docker&gt;</title>');
    expect(html).toContain('<h1>Class overview</h1>');
  });

  test('self-contained: no external resource, a CSP that forbids network access', () => {
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'"`);
  });

  test('summary figures, histogram, pass rates worst first, a row per student linking to its page', () => {
    expect(html).toContain('<dd id="student-count">5</dd>');
    expect(html).toContain('<dd id="mean-score">6</dd>');
    expect(html.indexOf('data-id="report.present"')).toBeLessThan(html.indexOf('data-id="dockerfile.present"'));
    expect(html).toContain('<a href="submissions/alice.html">alice</a>');
    expect(html.match(/<tr data-name=/g)).toHaveLength(5);
  });

  test('student-controlled text is escaped', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;');
  });
});

describe('feedback pages', () => {
  const report: GradeReport = {
    schema: 'docker-lab-grade/v1',
    submission: 'x',
    score: 0,
    maxScore: 2,
    tampered: ['tests/report.test.ts'],
    criteria: [{ id: 'report.present', title: 'Rapport', group: 'report', points: 0, maxPoints: 2, status: 'fail', message: `Mauvais ${hostile}`, file: 'REPORT.md', line: 3, excerpt: `\x1b[31m${hostile}\n::notice::Points 100/100`, durationMs: 1 }],
  };
  const row = { ...BOOK.rows[1]!, tampered: ['tests/report.test.ts'] };

  test('HTML: score, message and excerpt escaped, tamper note, no script', () => {
    const html = feedbackHtml(row, report, rubric);
    expect(html).toContain('<span id="score">0</span>/<span id="max-score">2</span>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('\x1b');
    expect(html).toContain('Mauvais &lt;script&gt;');
    expect(html).toContain("Ils n&apos;ont pas servi : cette note vient du correcteur d&apos;origine.");
  });

  test('Markdown: the official report without the "will be regraded" warning, with the batch tamper note', () => {
    const md = feedbackMarkdown(row, report, rubric);
    expect(md).toContain('Note : 0/2');
    expect(md).not.toContain('sera recalculée');
    expect(md).toContain('cette note vient du correcteur d');
    // The hostile message reads as text (escaped Markdown); only the excerpt's <pre> is HTML, and escaped there.
    const html = fromMarkdown(md).children.flatMap((n) => (n.type === 'html' ? [n.value] : []));
    expect(html.join('\n')).not.toContain('<script');
    expect(JSON.stringify(fromMarkdown(md))).toContain('Mauvais <script>alert(1)</script>');
  });

  test('an error row says grading failed', () => {
    expect(feedbackMarkdown(BOOK.rows[3]!, undefined, rubric)).toMatch(/Correction impossible[\s\S]*délai dépassé/);
    expect(feedbackHtml(BOOK.rows[3]!, undefined, rubric)).toContain('Correction impossible');
  });
});
