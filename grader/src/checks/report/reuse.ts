// Reused answers count once: the same or near-same answer under several questions of one report
// counts for the first of them in the report's order only.
import type { Loader } from '../check.ts';
import { sharedCount } from '../../similarity/fingerprint.ts';
import { reportLoader } from './load-report.ts';
import type { AnswerPrint } from '../../model/result.ts';
import { answerPrint } from './own-text.ts';

/** Below this many words of own prose, two answers are too short to call one a copy of the other. */
export const REUSE_MIN_WORDS = 6;
/** Shared fingerprints over the larger answer's: "the same or near-same" on both sides. */
export const REUSE_MIN_SCORE = 0.7;

export interface Reuse {
  /** The question whose answer counts. */
  first: string;
  /** Every question sharing the answer, in report order (first included). */
  shared: string[];
}

/** Whether two answers are the same or nearly: most of either one's fingerprints are in the other. */
export function nearSame(a: AnswerPrint, b: AnswerPrint): boolean {
  if (a.words < REUSE_MIN_WORDS || b.words < REUSE_MIN_WORDS || a.prints.length === 0 || b.prints.length === 0) return false;
  return sharedCount(a.prints, b.prints) / Math.max(a.prints.length, b.prints.length) >= REUSE_MIN_SCORE;
}

/** Question id → its reuse, for every answer that repeats an earlier one (action and explication questions). */
export function findReuse(prints: AnswerPrint[]): Map<string, Reuse> {
  const reused = new Map<string, Reuse>();
  const groups: AnswerPrint[][] = [];
  for (const print of prints) {
    const group = groups.find((members) => nearSame(members[0]!, print));
    if (group) group.push(print);
    else groups.push([print]);
  }
  for (const members of groups) {
    if (members.length < 2) continue;
    const shared = members.map((m) => m.id);
    for (const member of members.slice(1)) reused.set(member.id, { first: shared[0]!, shared });
  }
  return reused;
}

export const reuseLoader: Loader<Map<string, Reuse>> = {
  name: 'réponses réutilisées sous plusieurs questions',
  async run(ctx) {
    const report = await ctx.load(reportLoader);
    if (report.state !== 'ok') return new Map();
    const prints: AnswerPrint[] = [];
    for (const question of ctx.lab.report.questions) {
      if (question.type !== 'action' && question.type !== 'explication') continue;
      const section = report.sections.get(question.id);
      if (section) prints.push(answerPrint(question, section.answer));
    }
    return findReuse(prints);
  },
};

/** The French reason given for a reused answer. */
export function reuseReason(reuse: Reuse): string {
  return `même réponse que sous ${reuse.first} (partagée par ${reuse.shared.join(', ')}) : elle ne compte qu'une fois, pour ${reuse.first}`;
}
