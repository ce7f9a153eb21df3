import type { CriterionResult, GradeReport, Status } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { groupViews, isAdvice, needsWork, regradeCommand } from './groups.ts';
import { groupHint } from './hints.ts';
import { totalLine } from './total.ts';
import { excerptTail, location, pointsLabel } from './format.ts';
import type { PhrasingContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { plainText } from '../text/plain-text.ts';
import { escapeHtml, escapeHtmlText } from '../text/escape.ts';

const ICON: Record<Status, string> = { pass: '✅', fail: '❌', skip: '➖', error: '⚠️' };

/** The icon of a criterion: advice not followed shows as skipped (➖), never as a pass or a failure. */
function icon(c: CriterionResult): string {
  return isAdvice(c) && c.status !== 'pass' && c.status !== 'error' ? ICON.skip : ICON[c.status];
}
const EXCERPT_CHARS = 4000; // the job summary is limited to 1 MiB per step

/**
 * Rubric text (titles, labels: the instructor's) in a table cell or heading: no HTML, no cell break.
 * Hand-written: the instructor's own Markdown (emphasis, code) is kept, only HTML and `|` are not.
 */
export function rubricText(text: string): string {
  return escapeHtmlText(text).replace(/\|/g, '\\|');
}

/**
 * What mdast-util-to-markdown escapes besides the syntax of a paragraph (GFM included), for text set
 * in a table cell or a heading: `|` (the cell would end) and `#` (a heading's closing sequence).
 */
const UNSAFE: Unsafe[] = [{ character: '|' }, { character: '#' }];

/** Inline Markdown that reads back as exactly these text and code nodes, on one line. */
function inlineMarkdown(children: PhrasingContent[]): string {
  return toMarkdown({ type: 'paragraph', children }, { extensions: [gfmToMarkdown()], unsafe: UNSAFE }).replace(/\n$/, '');
}

/** Student text on one line: control characters dropped, runs of whitespace as one space. */
function flat(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Escapes text for inline Markdown: no HTML, links, images, emphasis, tables or headings can come
 * out of it, and it stays on one line. Student-controlled fragments go through here.
 */
export function escapeMarkdown(text: string): string {
  return inlineMarkdown([{ type: 'text', value: flat(text) }]);
}

/**
 * Inline Markdown for a grader message: code spans written by the grader (`…`) stay code spans
 * (their content is literal, so nothing inside them is interpreted); everything else is escaped.
 */
export function messageMarkdown(text: string): string {
  const line = flat(text);
  const children: PhrasingContent[] = [];
  let last = 0;
  for (const match of line.matchAll(/`([^`]+)`/g)) {
    if (match.index > last) children.push({ type: 'text', value: line.slice(last, match.index) });
    children.push({ type: 'inlineCode', value: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < line.length) children.push({ type: 'text', value: line.slice(last) });
  return inlineMarkdown(children);
}

function excerptBlock(excerpt: string): string[] {
  const lines = excerptTail(excerpt).join('\n').slice(-EXCERPT_CHARS);
  return ['<details><summary>Extrait du journal</summary>', '', `<pre>${escapeHtml(lines)}</pre>`, '', '</details>'];
}

/**
 * The Markdown report (job summary in GitHub Actions, release body in Classroom 50): the score,
 * a table per group, then each criterion to fix with its message and a hint.
 */
export function renderMarkdown(report: GradeReport, rubric: Rubric): string {
  const groups = groupViews(report, rubric);
  const out: string[] = [`## Correction automatique — ${totalLine(report)}`, ''];
  out.push('| Partie | Points |', '|---|---:|');
  for (const g of groups) out.push(`| ${rubricText(g.label)} | ${g.score}/${g.maxScore} |`);
  out.push(`| **Total** | **${report.score}/${report.maxScore}** |`, '');

  for (const g of groups) {
    out.push(`### ${rubricText(g.label)} — ${g.score}/${g.maxScore}`, '');
    out.push('| | Critère | Points |', '|---|---|---:|');
    for (const c of g.criteria) out.push(`| ${icon(c)} | ${rubricText(c.title)} (\`${c.id}\`) | ${pointsLabel(c)} |`);
    out.push('');
  }

  const todo = report.criteria.filter(needsWork);
  if (todo.length > 0) {
    out.push('### À corriger', '');
    for (const c of todo) {
      const where = location(c);
      const advice = isAdvice(c) ? ' (conseil, sans points)' : '';
      out.push(`#### ${icon(c)} ${rubricText(c.title)}${advice}`, '');
      out.push(`\`${c.id}\`${where ? ` — ${escapeMarkdown(where)}` : ''} — ${pointsLabel(c)}`, '');
      if (c.message) out.push(messageMarkdown(c.message), '');
      out.push(`> 💡 Piste : ${messageMarkdown(groupHint(c.group, rubric))} Pour revérifier ce seul critère : \`${regradeCommand(c.id)}\`.`, '');
      if (c.excerpt) out.push(...excerptBlock(c.excerpt), '');
    }
  } else {
    out.push('Tous les critères sont réussis. 🎉', '');
  }
  if (report.tampered && report.tampered.length > 0) {
    out.push(
      `> ⚠️ Fichiers du correcteur modifiés : ${report.tampered.map(escapeMarkdown).join(', ')}. La note officielle sera recalculée par l'enseignant avec le correcteur d'origine.`,
      '',
    );
  }
  return out.join('\n');
}
