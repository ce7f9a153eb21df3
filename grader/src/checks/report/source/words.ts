// Words: the tokens the report's answers are compared with (question wording, lab notions, other
// answers). Shared by the sections (prompt detection) and the answer checks.
import type { Question } from '../../../lab/lab.ts';
import { fold, foldedWords } from '../../../text/french.ts';

/** Lower-case, accent-free word tokens (letters and digits). */
export const wordsOf = foldedWords;

export const foldText = fold;

const QUESTION_WORDS = new Map<string, Set<string>>();

/** The words of a question's own wording (title and prompt). */
export function questionWords(question: Question): Set<string> {
  let words = QUESTION_WORDS.get(question.id);
  if (!words) {
    words = new Set(wordsOf(`${question.title} ${question.prompt}`));
    QUESTION_WORDS.set(question.id, words);
  }
  return words;
}
