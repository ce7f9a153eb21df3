import type { CriterionResult, GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';

/** The reason a skipped criterion gives, in short: its message's first sentence, without "Non vérifié :". */
export function skipReason(message: string): string {
  const sentence = message.split(/\.(?:\s|$)/)[0] ?? message;
  return sentence.replace(/^\s*Non vérifié\s*:\s*/i, '').trim();
}

/** Points of the rubric this run did not evaluate (skipped criteria), and why. */
export function notEvaluated(report: Pick<GradeReport, 'criteria'>): { points: number; reasons: string[] } {
  const skipped = report.criteria.filter((c) => c.status === 'skip');
  return {
    points: skipped.reduce((sum, c) => sum + c.maxPoints, 0),
    reasons: [...new Set(skipped.map((c) => skipReason(c.message)).filter(Boolean))],
  };
}

/** The one French total: `Note : 44/100`, and what was not evaluated, e.g. `— 28 points non évalués (Docker ne répond pas)`. */
export function totalLine(report: Pick<GradeReport, 'criteria' | 'score' | 'maxScore'>): string {
  const missing = notEvaluated(report);
  const note = `Note : ${report.score}/${report.maxScore}`;
  if (missing.points === 0) return note;
  const points = `${missing.points} point${missing.points > 1 ? 's' : ''} non évalué${missing.points > 1 ? 's' : ''}`;
  return `${note} — ${points}${missing.reasons.length > 0 ? ` (${missing.reasons.join(' ; ')})` : ''}`;
}

/**
 * The report with every rubric criterion it left out (a static-only run) added as skipped with
 * `message`, so the total counts them as not evaluated instead of leaving them out of the maximum.
 */
export function withLeftOut(report: GradeReport, rubric: Rubric, message: string): GradeReport {
  const present = new Map(report.criteria.map((c) => [c.id, c]));
  const criteria: CriterionResult[] = [];
  for (const [id, entry] of rubric.criteria) {
    criteria.push(present.get(id) ?? { id, title: entry.title, group: entry.group, points: 0, maxPoints: entry.points, status: 'skip', message, durationMs: 0 });
  }
  return { ...report, criteria, maxScore: criteria.reduce((sum, c) => sum + c.maxPoints, 0) };
}
