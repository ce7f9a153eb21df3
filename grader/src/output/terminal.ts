import { styleText } from 'node:util';
import type { CriterionResult, GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { plainText } from '../text/plain-text.ts';
import { groupViews, isAdvice, testVerdict, type TestVerdict } from './groups.ts';
import { totalLine } from './total.ts';
import { excerptTail, location } from './format.ts';

/** How a criterion is shown: its test's state, or `not-run` when its test did not run. */
export type Shown = TestVerdict['state'] | 'not-run';

const MARK: Record<Shown, string> = { passed: '✓', failed: '✗', skipped: '–', 'not-run': '·' };
const COLOUR: Record<Shown, Parameters<typeof styleText>[0]> = { passed: 'green', failed: 'red', skipped: 'yellow', 'not-run': 'gray' };

export interface TerminalOptions {
  /**
   * The stream the report is written to: marks are coloured when it takes colours (`styleText`
   * checks that it is a terminal and honours NO_COLOR, FORCE_COLOR and TERM). Without it, plain text.
   */
  stream?: NodeJS.WritableStream;
  /**
   * How each criterion's test ended (`npm test`); without it, each is shown as its test would end.
   * A criterion missing from the map is shown as not run.
   */
  shown?: ReadonlyMap<string, Shown>;
}

function points(c: CriterionResult, shown: Shown): string {
  if (isAdvice(c)) return 'conseil';
  if (c.status === 'skip' || shown === 'not-run') return `–/${c.maxPoints}`;
  return `${c.points}/${c.maxPoints}`;
}

/** The French note under a criterion: where, then the message, then the end of its log. */
function details(c: CriterionResult, shown: Shown): string[] {
  if (shown === 'not-run') return ['      test non exécuté'];
  if (shown === 'passed') return [];
  const where = location(c);
  const note = plainText(testVerdict(c).note).trim();
  const lines = `${where ? `${where} — ` : ''}${note}`.split('\n').map((line) => `      ${line}`);
  if (c.excerpt) {
    lines.push('      ┌ extrait du journal');
    for (const line of excerptTail(c.excerpt)) lines.push(`      │ ${line}`);
  }
  return lines;
}

/**
 * The French report for a terminal or a plain log: per exercise group, one line per criterion
 * (status, title, points, id) with the French message under those that are not passed, then the
 * total and what was not evaluated. No stack, no code frame, no diff.
 */
export function renderTerminal(report: GradeReport, rubric: Rubric, options: TerminalOptions = {}): string {
  const { stream } = options;
  const paint = (shown: Shown, text: string) => (stream ? styleText(COLOUR[shown], text, { stream }) : text);
  const lines: string[] = [];
  const width = Math.max(...report.criteria.map((c) => c.title.length), 20);
  for (const g of groupViews(report, rubric)) {
    lines.push('', `${g.label} — ${g.score}/${g.maxScore}`);
    for (const c of g.criteria) {
      const shown = options.shown ? (options.shown.get(c.id) ?? 'not-run') : testVerdict(c).state;
      lines.push(`  ${paint(shown, MARK[shown])} ${c.title.padEnd(width)}  ${points(c, shown).padStart(7)}  ${c.id}`);
      lines.push(...details(c, shown));
    }
  }
  if (report.tampered && report.tampered.length > 0) {
    lines.push('', `Attention : fichiers du correcteur modifiés (${report.tampered.join(', ')}). La note officielle sera recalculée par l'enseignant avec le correcteur d'origine.`);
  }
  lines.push('', totalLine(report), '');
  return lines.join('\n');
}
