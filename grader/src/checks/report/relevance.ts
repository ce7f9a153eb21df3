// Is an explanation on topic? It must touch at least one of its question's notions
// (lab/notions.ts); an answer that touches none is "hors sujet", whatever its length.
import { NOTIONS, type QuestionNotions } from '../../lab/notions.ts';
import type { Question } from '../../lab/questions.ts';
import type { Answer } from './source/answer.ts';
import { foldText } from './source/words.ts';

/** Characters of an answer looked at (a real answer is far shorter; a pasted log could be huge). */
const MAX_CHARS = 20_000;

export type Relevance = { answered: true } | { answered: false; reason: string };

/** Text as the notion patterns see it: folded, apostrophes and punctuation as spaces, one space between words. */
export function notionText(text: string): string {
  return foldText(text)
    .replace(/[’'‘`´,;!?«»"“”…\[\]{}*|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function notionsOf(question: Question): QuestionNotions | undefined {
  return NOTIONS[question.id];
}

/** The question's own wording (title, prompt) as notion text: an echo of it touches nothing. */
function echoes(question: Question): string[] {
  return [question.prompt.replace(/`/g, ''), question.title].map(notionText).filter((echo) => echo.length > 0);
}

/** The names of the notions of `question` that `text` touches, once the question's own wording is taken out. */
export function notionsTouched(question: Question, text: string): string[] {
  const entry = notionsOf(question);
  if (!entry) return [];
  let folded = ` ${notionText(text.slice(0, MAX_CHARS))} `;
  for (const echo of echoes(question)) folded = folded.split(echo).join(' ');
  return entry.notions.filter((notion) => notion.pattern.test(folded)).map((notion) => notion.name);
}

/** An explanation touching none of its question's notions is off topic; questions without notions always pass. */
export function judgeRelevance(question: Question, answer: Answer): Relevance {
  const entry = notionsOf(question);
  if (!entry || entry.notions.length === 0) return { answered: true };
  const text = entry.observed ? `${answer.text}\n${answer.codeBlocks.join('\n')}` : answer.text;
  if (notionsTouched(question, text).length > 0) return { answered: true };
  return { answered: false, reason: `hors sujet : la réponse ne dit rien de précis sur ${entry.about}` };
}
