import type { CriterionResult, GradeReport, Status } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { plainText } from '../text/plain-text.ts';

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', skip: '–', error: '!' };
const COLOUR: Record<Status, string> = { pass: '\x1b[32m', fail: '\x1b[31m', skip: '\x1b[33m', error: '\x1b[35m' };
const RESET = '\x1b[0m';

export { plainText };

export function location(result: Pick<CriterionResult, 'file' | 'line'>): string {
  if (!result.file) return '';
  return result.line ? `${result.file}:${result.line}` : result.file;
}

/** The French report for a terminal or a plain log: table per group, then what to fix, then the score. */
export function renderTerminal(report: GradeReport, rubric: Rubric, options: { colour?: boolean } = {}): string {
  const paint = (status: Status, text: string) => (options.colour ? `${COLOUR[status]}${text}${RESET}` : text);
  const lines: string[] = [];
  const width = Math.max(...report.criteria.map((c) => c.title.length), 20);
  for (const [group, label] of Object.entries(rubric.groups)) {
    const rows = report.criteria.filter((c) => c.group === group);
    if (rows.length === 0) continue;
    const earned = rows.reduce((sum, c) => sum + c.points, 0);
    const max = rows.reduce((sum, c) => sum + c.maxPoints, 0);
    lines.push('', `${label} — ${earned}/${max}`);
    for (const c of rows) {
      const points = c.maxPoints === 0 ? 'conseil' : `${c.points}/${c.maxPoints}`;
      lines.push(`  ${paint(c.status, MARK[c.status])} ${c.title.padEnd(width)}  ${points.padStart(7)}  ${c.id}`);
    }
  }
  const problems = report.criteria.filter((c) => c.status !== 'pass');
  if (problems.length > 0) {
    lines.push('', 'À corriger :');
    for (const c of problems) {
      const where = location(c);
      lines.push('', `${paint(c.status, MARK[c.status])} [${c.id}]${where ? ` ${where}` : ''}`);
      lines.push(`  ${plainText(c.message)}`);
      if (c.excerpt) {
        lines.push('  ┌ extrait');
        for (const line of plainText(c.excerpt).split('\n').slice(-15)) lines.push(`  │ ${line}`);
      }
    }
  }
  if (report.tampered && report.tampered.length > 0) {
    lines.push('', `Attention : fichiers du correcteur modifiés (${report.tampered.join(', ')}). La note officielle sera recalculée par l'enseignant avec le correcteur d'origine.`);
  }
  lines.push('', `Note : ${report.score}/${report.maxScore}`, '');
  return lines.join('\n');
}
