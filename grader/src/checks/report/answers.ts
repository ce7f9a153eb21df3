// When is a question "answered"? Shared by the proportional report criteria (report.ex*) and
// report.screenshots. Spec §5: the student's own words of reasonable length under the question —
// not the placeholder, not the question's wording copied back, not filler; French or English.
import type { Finding, ReviewItem } from '../../model/result.ts';
import type { StaticContext } from '../check.ts';
import { groupQuestions, type Question } from '../../lab/lab.ts';
import { judgeRelevance } from './relevance.ts';
import { reuseLoader, reuseReason } from './reuse.ts';
import { reportLoader, type LoadedReport } from './load-report.ts';
import type { Answer } from './source/answer.ts';
import { REPORT_FILE } from './source/file.ts';
import { foldText, questionWords, wordsOf } from './source/words.ts';

/** `review`: answered, but on weak evidence (French, for the instructor): the answer keeps its points and is listed for review. */
export type Verdict = { answered: true; review?: string } | { answered: false; reason: string };

const ANSWERED: Verdict = { answered: true };
const ACTION_MIN_WORDS = 3;

/** Phrases that say "no answer" or fill space; removed before words are counted. */
const FILLER = [
  /\btodo\b/g,
  /\btbd\b/g,
  /\bfixme\b/g,
  /\ba (?:completer|faire|remplir)\b/g,
  /\bje (?:ne )?(?:sais|connais) pas\b/g,
  /\baucune idee\b/g,
  /\bpas (?:encore )?(?:fait|termine|repondu)\b/g,
  /\bi (?:do not|don ?t) know\b/g,
  /\bidk\b/g,
  /\bn ?\/ ?a\b/g,
  /\brien\b/g,
  /\bnothing\b/g,
  /\bx{3,}\b/g,
];
const LOREM = /\blorem\b|\bipsum\b|\bdolor sit\b/;

/** The answer's words once filler phrases are removed, and whether any were. */
function meaningfulWords(text: string): { words: string[]; filler: boolean } {
  let folded = foldText(text).replace(/[’']/g, ' ');
  let filler = LOREM.test(folded);
  if (filler) return { words: [], filler };
  for (const pattern of FILLER) {
    const next = folded.replace(pattern, ' ');
    if (next !== folded) filler = true;
    folded = next;
  }
  return { words: wordsOf(folded), filler };
}

function emptyReason(answer: Answer, filler: boolean): string {
  if (filler) return 'texte de remplissage (TODO, « je ne sais pas »…)';
  if (answer.hadPlaceholder) return 'ligne « Votre réponse ici. » laissée telle quelle';
  return 'pas de réponse';
}

/** Whether the answer's words are a stretch of the question's own wording. */
function isCopy(question: Question, words: string[]): boolean {
  const asked = ` ${wordsOf(`${question.title} ${question.prompt}`).join(' ')} `;
  return asked.includes(` ${words.join(' ')} `);
}

/** Own words: at least `min`, not the question's own wording (mostly, for an explication), not one word repeated. */
export function judgeWords(question: Question, answer: Answer, min: number): Verdict {
  const { words, filler } = meaningfulWords(answer.text);
  if (words.length === 0) return { answered: false, reason: emptyReason(answer, filler) };
  const asked = questionWords(question);
  const own = words.filter((w) => !asked.has(w));
  const tooFewOwn = question.type === 'action' ? own.length === 0 && words.length > ACTION_MIN_WORDS : words.length >= min && own.length < min / 2;
  if (isCopy(question, words) || tooFewOwn) {
    return { answered: false, reason: 'consigne recopiée, sans réponse personnelle' };
  }
  if (words.length < min) return { answered: false, reason: `${words.length} mot${words.length > 1 ? 's' : ''}, ${min} attendus au moins` };
  const distinct = new Set(words).size;
  if (distinct < min / 2 || distinct < 0.3 * words.length) return { answered: false, reason: 'mots répétés, pas une vraie réponse' };
  return ANSWERED;
}

/** Evidence for a capture: an image link (local or remote) or pasted terminal output. */
export function hasCaptureEvidence(answer: Answer): boolean {
  return answer.images.length > 0 || answer.codeBlocks.some((code) => code.trim() !== '');
}

/** Whether a question (of any type but `code`) is answered, given its section (undefined: no heading). */
export function judgeAnswer(question: Question, answer: Answer | undefined, minWords: number): Verdict {
  if (!answer) return { answered: false, reason: 'titre de la question absent' };
  switch (question.type) {
    case 'capture':
      return hasCaptureEvidence(answer)
        ? ANSWERED
        : { answered: false, reason: 'ni image ni sortie du terminal dans un bloc de code' };
    case 'action':
      return judgeWords(question, answer, ACTION_MIN_WORDS);
    case 'explication': {
      const verdict = judgeWords(question, answer, minWords);
      return verdict.answered ? judgeRelevance(question, answer) : verdict;
    }
    case 'code':
      return judgeWords(question, answer, minWords);
  }
}

/** Characters of an answer shown on the review list. */
const REVIEW_CHARS = 600;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > REVIEW_CHARS ? `${flat.slice(0, REVIEW_CHARS)}…` : flat;
}

export interface Unanswered {
  question: Question;
  line?: number;
  reason: string;
}

/** Extra rules of a group on top of judgeAnswer (report.ex8: substance). */
export type ExtraRule = (question: Question, answer: Answer, minWords: number) => Verdict;

/** One counted question of a group and its verdict. */
export interface QuestionVerdict {
  question: Question;
  /** The heading's line, when the question has a section. */
  line?: number;
  answer?: Answer;
  verdict: Verdict;
}

/** Every counted question of a group with its verdict, or why the report cannot be read (French). */
export async function judgeGroup(ctx: StaticContext, group: string, extra: ExtraRule = () => ANSWERED): Promise<QuestionVerdict[] | string> {
  const report: LoadedReport = await ctx.load(reportLoader);
  if (report.state !== 'ok') return report.message;
  const minWords = ctx.settings.minAnswerWords;
  const reused = await ctx.load(reuseLoader);
  return groupQuestions(ctx.lab.report, group).map((question) => {
    const section = report.sections.get(question.id);
    // A reused answer counts for the first question it answers only, whatever it would be worth here.
    const reuse = reused.get(question.id);
    let verdict: Verdict = reuse ? { answered: false, reason: reuseReason(reuse) } : judgeAnswer(question, section?.answer, minWords);
    if (verdict.answered && section) {
      const doubt = verdict.review;
      verdict = extra(question, section.answer, minWords);
      if (verdict.answered && doubt && !verdict.review) verdict = { answered: true, review: doubt };
    }
    return { question, verdict, ...(section ? { line: section.line, answer: section.answer } : {}) };
  });
}

/** Grades one group: the share of its counted questions that are answered, with `extra` rules per question. */
export async function gradeGroup(ctx: StaticContext, group: string, extra?: ExtraRule, hint = ''): Promise<Finding> {
  const verdicts = await judgeGroup(ctx, group, extra);
  if (typeof verdicts === 'string') {
    return { status: 'fail', fraction: 0, file: REPORT_FILE, message: `Rapport non lisible, voir « report.present » : ${verdicts}` };
  }
  const questions = verdicts.map((v) => v.question);
  const minWords = ctx.settings.minAnswerWords;
  const missing: Unanswered[] = [];
  const review: ReviewItem[] = [];
  for (const { question, line, answer, verdict } of verdicts) {
    if (!verdict.answered) missing.push({ question, line, reason: verdict.reason });
    else if (verdict.review && answer) review.push({ question: question.id, answer: shorten(answer.text), reason: verdict.review });
  }
  const reviewed = review.length > 0 ? { review } : {};
  if (missing.length === 0) return { status: 'pass', message: '', fraction: 1, ...reviewed };
  const answered = questions.length - missing.length;
  const byReason = new Map<string, string[]>();
  for (const m of missing) {
    const ids = byReason.get(m.reason) ?? [];
    ids.push(m.line ? `${m.question.id} (ligne ${m.line})` : m.question.id);
    byReason.set(m.reason, ids);
  }
  const list = [...byReason].map(([reason, ids]) => `${ids.join(', ')} : ${reason}`).join(' ; ');
  const first = missing.find((m) => m.line !== undefined)?.line;
  return {
    status: 'fail',
    fraction: answered / questions.length,
    file: REPORT_FILE,
    ...(first ? { line: first } : {}),
    ...reviewed,
    message:
      `${answered}/${questions.length} questions répondues. À reprendre : ${list}. ` +
      (hint ||
        `Sous chaque titre, remplacez « Votre réponse ici. » par votre réponse : une phrase pour une action, au moins ${minWords} mots à vous qui répondent à la question posée pour une explication (une réponse différente sous chaque question), une image de captures/ ou la sortie du terminal pour une capture.`),
  };
}
