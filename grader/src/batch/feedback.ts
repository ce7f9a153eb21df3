import type { CriterionResult, GradeReport, Status } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { renderMarkdown, escapeMarkdown } from '../output/markdown.ts';
import { excerptTail, location, pointsLabel } from '../output/format.ts';
import { plainText } from '../text/plain-text.ts';
import type { GradebookRow } from './gradebook.ts';
import { BASE_STYLE, escapeHtml, page } from './html.ts';

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', skip: '–', error: '!' };

function tamperNote(tampered: string[]): string {
  return `Fichiers du correcteur modifiés dans le dépôt : ${tampered.join(', ')}. Ils n'ont pas servi : cette note vient du correcteur d'origine.`;
}

/**
 * The Markdown report of a grade made by the instructor's grader (a batch regrade, Classroom 50's
 * bundle): the student's changes to grader files did not count, so instead of the "will be
 * regraded" warning, `tampered` lists them as unused.
 */
export function officialMarkdown(report: GradeReport, rubric: Rubric, tampered = report.tampered ?? []): string {
  const { tampered: _ignored, ...official } = report;
  const parts = [renderMarkdown(official, rubric)];
  if (tampered.length > 0) parts.push('', `> ⚠️ ${escapeMarkdown(tamperNote(tampered))}`);
  return `${parts.join('\n')}\n`;
}

/** The French Markdown feedback of one submission of a batch. */
export function feedbackMarkdown(row: GradebookRow, report: GradeReport | undefined, rubric: Rubric): string {
  const head = `# ${escapeMarkdown(row.name)}`;
  if (row.status === 'error' || !report) {
    return [head, '', '## Correction impossible', '', escapeMarkdown(row.error ?? 'erreur inconnue'), ''].join('\n');
  }
  return `${head}\n\n${officialMarkdown(report, rubric, row.tampered)}`;
}

/** The French HTML feedback page of one submission, from its report; everything escaped. */
export function feedbackHtml(row: GradebookRow, report: GradeReport | undefined, rubric: Rubric): string {
  const body: string[] = ['<p><a href="../index.html">← Vue de la classe</a></p>', `<h1>${escapeHtml(row.name)}</h1>`];
  if (row.commit) body.push(`<p>Commit <code>${escapeHtml(row.commit)}</code>${row.committedAt ? ` du ${escapeHtml(row.committedAt)}` : ''}, corrigé le ${escapeHtml(row.gradedAt)}.</p>`);
  if (row.status === 'error' || !report) {
    body.push('<h2>Correction impossible</h2>', `<p class="error">${escapeHtml(row.error ?? 'erreur inconnue')}</p>`);
  } else {
    body.push(`<h2>Note : <span id="score">${report.score}</span>/<span id="max-score">${report.maxScore}</span></h2>`);
    if (row.tampered.length > 0) body.push(`<p class="warn">${escapeHtml(tamperNote(row.tampered))}</p>`);
    for (const [group, label] of Object.entries(rubric.groups)) {
      const rows = report.criteria.filter((c) => c.group === group);
      if (rows.length === 0) continue;
      const earned = rows.reduce((s, c) => s + c.points, 0);
      const max = rows.reduce((s, c) => s + c.maxPoints, 0);
      body.push(`<h3>${escapeHtml(label)} — ${earned}/${max}</h3>`, '<table><thead><tr><th></th><th>Critère</th><th class="num">Points</th></tr></thead><tbody>');
      for (const c of rows) {
        body.push(`<tr><td class="${c.status}">${MARK[c.status]}</td><td>${escapeHtml(c.title)} <code>${escapeHtml(c.id)}</code></td><td class="num">${pointsLabel(c)}</td></tr>`);
      }
      body.push('</tbody></table>');
    }
    const todo = report.criteria.filter((c) => c.status !== 'pass');
    if (todo.length > 0) {
      body.push('<h2>À corriger</h2>');
      for (const c of todo) {
        const where = location(c);
        body.push(`<h3 class="${c.status}">${MARK[c.status]} ${escapeHtml(c.title)}${c.maxPoints === 0 ? ' (conseil, sans points)' : ''}</h3>`);
        body.push(`<p><code>${escapeHtml(c.id)}</code>${where ? ` — ${escapeHtml(where)}` : ''} — ${pointsLabel(c)}</p>`);
        if (c.message) body.push(`<p>${escapeHtml(plainText(c.message))}</p>`);
        if (c.excerpt) body.push(`<details><summary>Extrait du journal</summary><pre>${escapeHtml(excerptTail(c.excerpt).join('\n'))}</pre></details>`);
      }
    } else body.push('<p>Tous les critères sont réussis.</p>');
  }
  return page({ title: `Correction — ${row.name}`, lang: 'fr', style: BASE_STYLE, body: body.join('\n') });
}
