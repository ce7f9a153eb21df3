// The student's own prose under a question, as compared for reuse (within a report) and copying
// (across a class): the answer's text without what everybody pastes from the lab — inline code
// (commands), lines of terminal output left outside code blocks, sentences made only of the
// question's own words. Code blocks and the prompt blockquote are already out of `Answer.text`.
import type { Question } from '../../lab/lab.ts';
import type { AnswerPrint } from '../../model/result.ts';
import { fingerprint } from '../../similarity/fingerprint.ts';
import type { Answer } from './source/answer.ts';
import { questionWords, wordsOf } from './source/words.ts';
import { TERMINAL_LINE } from './source/fenced-prose.ts';

/** Characters of an answer considered (a real answer is far shorter). */
const MAX_CHARS = 8_000;

// Filler words that may pad an echo of the question without adding content.
const ECHO_PADDING = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'un', 'une', 'et', 'a', 'on', 'je', 'j', 'ai', 'the', 'a', 'and', 'of', 'to', 'i']);

/** The answer's own prose: commands, pasted output and echoed question sentences removed. */
export function ownText(question: Question, answer: Answer): string {
  let text = answer.text.slice(0, MAX_CHARS);
  const spans = [...(answer.inlineCode ?? [])].filter((span) => span.trim() !== '').sort((a, b) => b.length - a.length);
  for (const span of spans) text = text.split(span).join(' ');
  const asked = questionWords(question);
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (TERMINAL_LINE.test(line)) continue;
    const sentences = line.split(/(?<=[.!?;:])\s+/);
    for (const sentence of sentences) {
      const words = wordsOf(sentence);
      if (words.length > 0 && words.every((w) => asked.has(w) || ECHO_PADDING.has(w))) continue;
      kept.push(sentence);
    }
    kept.push('\n');
  }
  return kept.join(' ').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

const DISPLAY_CHARS = 1_500;

export function answerPrint(question: Question, answer: Answer): AnswerPrint {
  const own = ownText(question, answer);
  return {
    id: question.id,
    text: own.length > DISPLAY_CHARS ? `${own.slice(0, DISPLAY_CHARS)}…` : own,
    words: wordsOf(own).length,
    prints: fingerprint(own),
  };
}
