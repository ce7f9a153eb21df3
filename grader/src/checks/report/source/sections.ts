// Questions: the report's Markdown cut into one section per question heading. A heading names its
// question leniently (`2.a`, `Q2-a`, `Question 2.a`…); the question's prompt blockquote, kept by
// the template, is left out of the answer; a question with several headings has its answers merged.
import type { RootContent } from 'mdast';
import { questionById, type LabReport, type Question } from '../../../lab/lab.ts';
import { answerOf, visibleText, type Answer } from './answer.ts';
import { collectDefinitions, imagesOf, type ImageLink } from './images.ts';
import { lineOf, parseMarkdownReport } from './markdown.ts';
import { questionWords, wordsOf } from './words.ts';

export interface QuestionSection {
  question: Question;
  /** 1-based line of the (first) heading of this question. */
  line: number;
  answer: Answer;
  /** The heading quotes the question's wording instead of its number (found, but the template's heading is lost). */
  byWording?: boolean;
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
export function questionIdOf(headingText: string, report: LabReport): string | null {
  const match = HEADING_ID.exec(headingText.trim());
  if (!match) return null;
  const id = `${match[1]}.${match[2]!.toLowerCase()}`;
  return questionById(report, id) ? id : null;
}

/** Heading words compared with a question's wording: at least this long (short words say little). */
const WORDING_MIN_LETTERS = 3;
/** A heading quotes a question when it has this many such words, this share of them in the question's wording… */
const WORDING_MIN_WORDS = 4;
const WORDING_SHARE = 0.7;
/** …and no other question comes within this many words of it. */
const WORDING_MARGIN = 2;

/** The question whose wording a heading quotes (`### Pourquoi Docker Compose est essentiel…`), if one clearly. */
export function questionIdByWording(headingText: string, report: LabReport): string | null {
  if (/^\W*(?:exercice|exercise|partie|part|etape|étape|step)\b/iu.test(headingText)) return null;
  const words = new Set(wordsOf(headingText).filter((w) => w.length >= WORDING_MIN_LETTERS && !/^\d+$/.test(w)));
  if (words.size < WORDING_MIN_WORDS) return null;
  const scores = report.questions
    .filter((q) => q.type !== 'code')
    .map((q) => {
      const asked = questionWords(q);
      return { id: q.id, matched: [...words].filter((w) => asked.has(w)).length };
    })
    .sort((a, b) => b.matched - a.matched);
  const [best, second] = scores;
  if (!best || best.matched < WORDING_SHARE * words.size || best.matched - (second?.matched ?? 0) < WORDING_MARGIN) return null;
  return best.id;
}

/** Whether a blockquote is the question's prompt (kept by the template, not the student's answer). */
function isPromptQuote(node: RootContent, prompt: Set<string>): boolean {
  if (node.type !== 'blockquote') return false;
  const words = wordsOf(visibleText(node));
  if (words.length === 0) return true;
  return words.filter((w) => prompt.has(w)).length >= 0.8 * words.length;
}

/** A heading that opens a part of the report rather than a piece of an answer. */
const PART_HEADING = /^\W*(?:exercices?|exercises?|parties?|parts?|[ée]tapes?|steps?|bilan|conclusion|rapport|report|questions?)\b/iu;

/** Parses decoded report text: question sections, duplicates and every image link. */
export function parseReport(text: string, report: LabReport): ParsedReport {
  const { lines, nodes } = parseMarkdownReport(text);
  const definitions = new Map<string, string>();
  for (const node of nodes) collectDefinitions(node, definitions);

  const headings: { index: number; id: string | null; depth: number; byWording?: boolean; quotes?: boolean }[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'heading') headings.push({ index, id: questionIdOf(visibleText(node), report), depth: node.depth });
  });
  // Headings that quote a question's wording, for questions no heading names by number.
  const numbered = new Set(headings.map((h) => h.id));
  for (const heading of headings) {
    if (heading.id !== null) continue;
    const id = questionIdByWording(visibleText(nodes[heading.index]!), report);
    if (id !== null && !numbered.has(id)) Object.assign(heading, { id, byWording: true });
    else if (id !== null) heading.quotes = true;
  }

  const parts = new Map<string, { lines: number[]; nodes: RootContent[]; byWording?: boolean }>();
  headings.forEach((heading, h) => {
    if (heading.id === null) return;
    const question = questionById(report, heading.id)!;
    let next = h + 1;
    // The answer runs to the next heading that names or quotes a question, a shallower one, or one
    // of the same level that opens a part of the report (« ### Étape 4 »); a student's own
    // sub-heading written at the question's level (« ### COPY (Dockerfile) ») stays in the answer.
    const continues = (other: (typeof headings)[number]) =>
      other.id === null && (other.depth > heading.depth || (other.depth === heading.depth && !other.quotes && !PART_HEADING.test(visibleText(nodes[other.index]!))));
    while (next < headings.length && continues(headings[next]!)) next++;
    const prompt = questionWords(question);
    const content = nodes.slice(heading.index + 1, headings[next]?.index ?? nodes.length);
    const promptAt = content.slice(0, 3).findIndex((node) => isPromptQuote(node, prompt));
    const part = parts.get(heading.id) ?? { lines: [], nodes: [], ...(heading.byWording ? { byWording: true } : {}) };
    part.lines.push(lineOf(nodes[heading.index]!));
    content.forEach((node, i) => {
      if (i !== promptAt) part.nodes.push(node);
    });
    parts.set(heading.id, part);
  });

  const sections = new Map<string, QuestionSection>();
  const duplicates = new Map<string, number[]>();
  for (const [id, part] of parts) {
    const answer = answerOf(part.nodes, definitions);
    sections.set(id, { question: questionById(report, id)!, line: part.lines[0]!, answer, ...(part.byWording ? { byWording: true } : {}) });
    if (part.lines.length > 1) duplicates.set(id, part.lines);
  }
  return { sections, duplicates, images: imagesOf(nodes, definitions), lines };
}
