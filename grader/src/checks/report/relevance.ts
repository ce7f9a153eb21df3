// Is an explanation on topic? The answer's words are stemmed (Snowball French, stop words out) and
// compared with each question's vocabulary (the lab's vocabulary.ts), and its text with the question's
// notions (the lab's notions.ts). « Hors sujet » only on strong evidence: the answer names nothing
// specific to the lab once the question's own wording is taken out (filler, the prompt echoed), it
// shares far more with another question than with its own (an answer moved), or it is a bag of the
// lab's words with no sentence. Weak evidence (lab words, none of its question's) keeps the points
// and puts the answer on the instructor's review list.
import { reportOf, type LabReport, type Notion, type Question, type QuestionNotions } from '../../lab/lab.ts';
import { french } from '../../text/french.ts';
import type { Answer } from './source/answer.ts';
import { foldText } from './source/words.ts';

/** Characters of an answer looked at (a real answer is far shorter; a pasted log could be huge). */
const MAX_CHARS = 20_000;
/** Another question fits "far better" when it shares at least this many stems, and twice its own plus this. */
const OTHER_MIN = 3;
/** Fewer distinct stems of the lab's vocabulary than this, and no notion: the answer names nothing of the lab. */
const MIN_EVIDENCE = 2;
/** Below this share of stop words over this many words, an answer is a list of words, not a sentence. */
const SENTENCE_STOP_SHARE = 0.1;
const STUFFING_MIN_WORDS = 8;

export type Relevance = { answered: true; review?: string } | { answered: false; reason: string };

/** Text as the notion patterns see it: folded, apostrophes and punctuation as spaces, one space between words. */
export function notionText(text: string): string {
  return foldText(text)
    .replace(/[’'‘`´,;!?«»"“”…\[\]{}*|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function notionsOf(question: Question): QuestionNotions | undefined {
  return reportOf(question).notions[question.id];
}

/** The question's own wording (title, prompt) as notion text: an echo of it touches nothing. */
function echoes(question: Question): string[] {
  return [question.prompt.replace(/`/g, ''), question.title].map(notionText).filter((echo) => echo.length > 0);
}

/** The answer as notion text, the question's own wording taken out. */
function withoutEcho(question: Question, text: string): string {
  let folded = ` ${notionText(text.slice(0, MAX_CHARS))} `;
  for (const echo of echoes(question)) folded = folded.split(echo).join(' ');
  return folded;
}

const seedStems = new WeakMap<Notion, Set<string>>();

function touches(notion: Notion, folded: string, stems: ReadonlySet<string>): boolean {
  if (notion.pattern.test(folded)) return true;
  if (!notion.words) return false;
  let seeds = seedStems.get(notion);
  if (!seeds) {
    seeds = new Set(french().contentStems(notion.words));
    seedStems.set(notion, seeds);
  }
  for (const stem of seeds) if (stems.has(stem)) return true;
  return false;
}

/** The names of the notions of `question` that `text` touches (pattern or seed word), its own wording taken out. */
export function notionsTouched(question: Question, text: string): string[] {
  const entry = notionsOf(question);
  if (!entry) return [];
  const folded = withoutEcho(question, text);
  const stems = new Set(french().contentStems(folded));
  return entry.notions.filter((notion) => touches(notion, folded, stems)).map((notion) => notion.name);
}

interface Vocabularies {
  /** Question id → the stems specific to it (its vocabulary and wording, generic words out). */
  byQuestion: Map<string, Set<string>>;
  /** Every specific stem of the lab. */
  lab: Set<string>;
  /** Question id → the stems of its own wording (an echo is no evidence). */
  asked: Map<string, Set<string>>;
}

const vocabularies = new WeakMap<LabReport, Vocabularies>();

function vocabulariesOf(report: LabReport): Vocabularies {
  const known = vocabularies.get(report);
  if (known) return known;
  // Stemmed once, when the views are generated (npm run rubric:sync), not by every run.
  const byQuestion = new Map(Object.entries(report.stems.vocabulary).map(([id, stems]) => [id, new Set(stems)]));
  const asked = new Map(Object.entries(report.stems.wording).map(([id, stems]) => [id, new Set(stems)]));
  const lab = new Set([...byQuestion.values()].flatMap((stems) => [...stems]));
  const made = { byQuestion, lab, asked };
  vocabularies.set(report, made);
  return made;
}

/** How many distinct stems of `stems` each vocabulary question of the lab's report holds, best first. */
export function questionScores(stems: ReadonlySet<string>, report: LabReport): { id: string; score: number }[] {
  const scores: { id: string; score: number }[] = [];
  for (const [id, vocabulary] of vocabulariesOf(report).byQuestion) {
    let score = 0;
    for (const stem of stems) if (vocabulary.has(stem)) score++;
    scores.push({ id, score });
  }
  return scores.sort((a, b) => b.score - a.score);
}

// A `label : value` part (a line, or an item between `;` or `,`) with a short value (`Port : 5432`,
// `-U demo : l'utilisateur`): terse, not stuffing.
const LABEL_VALUE = /^[^:=\n]{1,40}[:=]\s*(?:\S+\s*){1,6}$/;

/** Whether the answer is words without a sentence: many words, almost no stop words, not `label : value` parts. */
export function isWordList(text: string): boolean {
  const fr = french();
  const words = fr.words(text).filter((w) => !/^\d+$/.test(w));
  if (words.length < STUFFING_MIN_WORDS) return false;
  const parts = text.split(/\n|;|,\s/).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.filter((part) => LABEL_VALUE.test(part)).length >= parts.length / 2) return false;
  return words.filter((w) => fr.isStopWord(w)).length < SENTENCE_STOP_SHARE * words.length;
}

/** The answer's stems that are evidence: specific to the lab, not the question's own wording. */
function evidence(question: Question, folded: string): Set<string> {
  const { lab, asked } = vocabulariesOf(reportOf(question));
  const own = asked.get(question.id) ?? new Set<string>();
  return new Set(french().contentStems(folded).filter((stem) => lab.has(stem) && !own.has(stem)));
}

/** An explanation's relevance to its question (questions without notions always pass). */
export function judgeRelevance(question: Question, answer: Answer): Relevance {
  const entry = notionsOf(question);
  if (!entry || entry.notions.length === 0) return { answered: true };
  const text = entry.observed ? `${answer.text}\n${answer.codeBlocks.join('\n')}` : answer.text;
  const offTopic = { answered: false as const, reason: `hors sujet : la réponse ne dit rien de précis sur ${entry.about}` };
  if (isWordList(answer.text)) {
    return { answered: false, reason: 'une liste de mots-clés, sans phrase : expliquez avec vos propres phrases' };
  }
  const stems = evidence(question, withoutEcho(question, text));
  const touched = notionsTouched(question, text).length > 0;
  if (stems.size < MIN_EVIDENCE && !touched) return offTopic;
  // Whether the answer is another question's is read in the student's prose only, not in pasted output.
  const prose = entry.observed ? evidence(question, withoutEcho(question, answer.text)) : stems;
  const scores = questionScores(prose, reportOf(question));
  const ownProse = scores.find((s) => s.id === question.id)?.score ?? 0;
  const best = scores.find((s) => s.id !== question.id && s.score >= OTHER_MIN && s.score >= 2 * ownProse + OTHER_MIN);
  if (best) {
    return {
      answered: false,
      reason: `hors sujet : la réponse semble répondre à la question ${best.id} ; placez-la sous ${best.id} et répondez ici sur ${entry.about}`,
    };
  }
  const own = entry.observed ? questionScores(stems, reportOf(question)).find((s) => s.id === question.id)?.score ?? 0 : ownProse;
  if (touched || own > 0) return { answered: true };
  return { answered: true, review: 'aucun mot propre à la question : réponse gardée, à relire' };
}
