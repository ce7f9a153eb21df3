// Questions: the report's Markdown cut into one section per question heading. A heading names its
// question leniently (`2.a`, `Q2-a`, `Question 2.a`…); the question's prompt blockquote, kept by
// the template, is left out of the answer; a question with several headings has its answers merged.
import type { RootContent } from 'mdast';
import { QUESTION_BY_ID, type Question } from '../../../lab/questions.ts';
import { answerOf, visibleText, type Answer } from './answer.ts';
import { collectDefinitions, imagesOf, type ImageLink } from './images.ts';
import { lineOf, parseMarkdownReport } from './markdown.ts';
import { questionWords, wordsOf } from './words.ts';

export interface QuestionSection {
  question: Question;
  /** 1-based line of the (first) heading of this question. */
  line: number;
  answer: Answer;
}

export interface ParsedReport {
  /** Question id → its section; duplicated headings have their answers merged. */
  sections: Map<string, QuestionSection>;
  /** Question id → every heading line, for ids with more than one heading. */
  duplicates: Map<string, number[]>;
  /** Every image the report links, in document order. */
  images: ImageLink[];
  /** The decoded text split into lines (index 0 = line 1). */
  lines: string[];
}

const HEADING_ID = /^[^\p{L}\p{N}]*(?:(?:question|exercice|ex|q)\s*[.:°n]*\s*)?([1-9])\s*[.\-_,)]?\s*([a-z])(?![\p{L}\p{N}])/iu;

/** The question id a heading's text names (`2.a`, `2-a`, `2a`, `Q2.a`, `Question 2-a`, `**2.a** — …`), if any. */
export function questionIdOf(headingText: string): string | null {
  const match = HEADING_ID.exec(headingText.trim());
  if (!match) return null;
  const id = `${match[1]}.${match[2]!.toLowerCase()}`;
  return QUESTION_BY_ID.has(id) ? id : null;
}

/** Whether a blockquote is the question's prompt (kept by the template, not the student's answer). */
function isPromptQuote(node: RootContent, prompt: Set<string>): boolean {
  if (node.type !== 'blockquote') return false;
  const words = wordsOf(visibleText(node));
  if (words.length === 0) return true;
  return words.filter((w) => prompt.has(w)).length >= 0.8 * words.length;
}

/** Parses decoded report text: question sections, duplicates and every image link. */
export function parseReport(text: string): ParsedReport {
  const { lines, nodes } = parseMarkdownReport(text);
  const definitions = new Map<string, string>();
  for (const node of nodes) collectDefinitions(node, definitions);

  const headings: { index: number; id: string | null; depth: number }[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'heading') headings.push({ index, id: questionIdOf(visibleText(node)), depth: node.depth });
  });

  const parts = new Map<string, { lines: number[]; nodes: RootContent[] }>();
  headings.forEach((heading, h) => {
    if (heading.id === null) return;
    const question = QUESTION_BY_ID.get(heading.id)!;
    let next = h + 1;
    while (next < headings.length && headings[next]!.id === null && headings[next]!.depth > heading.depth) next++;
    const prompt = questionWords(question);
    const content = nodes.slice(heading.index + 1, headings[next]?.index ?? nodes.length);
    const promptAt = content.slice(0, 3).findIndex((node) => isPromptQuote(node, prompt));
    const part = parts.get(heading.id) ?? { lines: [], nodes: [] };
    part.lines.push(lineOf(nodes[heading.index]!));
    content.forEach((node, i) => {
      if (i !== promptAt) part.nodes.push(node);
    });
    parts.set(heading.id, part);
  });

  const sections = new Map<string, QuestionSection>();
  const duplicates = new Map<string, number[]>();
  for (const [id, part] of parts) {
    sections.set(id, { question: QUESTION_BY_ID.get(id)!, line: part.lines[0]!, answer: answerOf(part.nodes, definitions) });
    if (part.lines.length > 1) duplicates.set(id, part.lines);
  }
  return { sections, duplicates, images: imagesOf(nodes, definitions), lines };
}
