// The report loader: REPORT.md read through the Submission, decoded, parsed as Markdown, and cut
// into one answer per question heading. Every report.* check reads it through `ctx.load(reportLoader)`.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Nodes, RootContent } from 'mdast';
import type { Loader } from '../check.ts';
import { ANSWER_PLACEHOLDER, QUESTION_BY_ID, type Question } from '../../lab/questions.ts';
import { decodeEntities } from '../../text/escape.ts';

export const REPORT_FILE = 'REPORT.md';
const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export type ReportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_NAMES: Record<ReportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (avec BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 / Latin-1',
};

export function isUtf8(encoding: ReportEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/** An image the report links, with the target as written (title stripped, not yet decoded). */
export interface ImageLink {
  target: string;
  line: number;
  form: 'markdown' | 'reference' | 'html';
}

/** What the student wrote under one question heading (prompt blockquote left out). */
export interface Answer {
  /** Prose: no code blocks, no image alt text, no sub-headings, the placeholder removed. */
  text: string;
  hadPlaceholder: boolean;
  codeBlocks: string[];
  images: ImageLink[];
  /** Inline code spans of the prose, also part of `text` (commands quoted from the lab). */
  inlineCode?: string[];
}

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

export type LoadedReport =
  | { state: 'unavailable'; message: string }
  | ({ state: 'ok'; encoding: ReportEncoding } & ParsedReport);

// ---------------------------------------------------------------------------------------------
// Decoding

export type Decoded = { kind: 'text'; encoding: ReportEncoding; text: string } | { kind: 'binary' };

/** Detects the encoding: UTF-8 (BOM or not), UTF-16 (BOM or NUL pattern), else Windows-1252; NUL bytes otherwise mean binary. */
export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== null) return { kind: 'text', encoding: 'utf-8-bom', text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', text: decodeUtf16(bytes.subarray(2), 'le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', text: decodeUtf16(bytes.subarray(2), 'be') };
  const sample = bytes.subarray(0, 8192);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const nul = evenNul + oddNul;
  if (nul > sample.length / 8 && Math.max(evenNul, oddNul) >= 0.9 * nul) {
    const order = oddNul > evenNul ? 'le' : 'be';
    return { kind: 'text', encoding: order === 'le' ? 'utf-16le' : 'utf-16be', text: decodeUtf16(bytes, order) };
  }
  if (nul > 0 || bytes.indexOf(0) !== -1) return { kind: 'binary' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { kind: 'text', encoding: 'utf-8', text: utf8 };
  return { kind: 'text', encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  if (order === 'be') even.swap16();
  return new TextDecoder('utf-16le').decode(even).replace(/^\uFEFF/, '');
}

// ---------------------------------------------------------------------------------------------
// Question headings

const HEADING_ID = /^[^\p{L}\p{N}]*(?:(?:question|exercice|ex|q)\s*[.:°n]*\s*)?([1-9])\s*[.\-_,)]?\s*([a-z])(?![\p{L}\p{N}])/iu;

/** The question id a heading's text names (`2.a`, `2-a`, `2a`, `Q2.a`, `Question 2-a`, `**2.a** — …`), if any. */
export function questionIdOf(headingText: string): string | null {
  const match = HEADING_ID.exec(headingText.trim());
  if (!match) return null;
  const id = `${match[1]}.${match[2]!.toLowerCase()}`;
  return QUESTION_BY_ID.has(id) ? id : null;
}

// ---------------------------------------------------------------------------------------------
// Words, shared by the loader and the answer checks

/** Lower-case, accent-free word tokens (letters and digits). */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

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

// ---------------------------------------------------------------------------------------------
// Fast line scan: split the document into blocks at top-level ATX headings so that Markdown
// parsing stays linear and bounded (micromark is slow on very large inputs).

// micromark's cost grows with the number of blocks in one call (quadratically for long runs of
// blockquotes), so the parser gets chunks of bounded size, within an overall budget; a real report
// (a few hundred lines) is always parsed whole.
const CHUNK_CHARS = 16_000;
const CHUNK_LINES = 300;
const BUDGET_CHARS = 400_000;
const BUDGET_LINES = 8_000;
const CODE_LINES_KEPT = 40; // lines of a fenced code block kept for parsing (the rest is blanked)

interface Scan {
  lines: string[];
  /** Lines given to the parser: fenced code bodies beyond CODE_LINES_KEPT blanked. */
  parseLines: string[];
  inFence: boolean[];
  splits: number[];
  definitions: string[];
}

const FENCE_OPEN = /^(?:\s*>)*\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)*(`{3,}|~{3,})(.*)$/;

function scan(text: string): Scan {
  const lines = text.split(/\r\n|\r|\n/);
  const parseLines = lines.slice();
  const inFence: boolean[] = new Array<boolean>(lines.length).fill(false);
  const splits = [0];
  const definitions: string[] = [];
  let fence: { char: string; length: number; body: number } | null = null;
  let htmlEnd: RegExp | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      inFence[i] = true;
      const close = FENCE_OPEN.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') {
        fence = null;
        continue;
      }
      fence.body++;
      if (fence.body > CODE_LINES_KEPT) parseLines[i] = '';
      else if (line.length > 1000) parseLines[i] = line.slice(0, 1000);
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length, body: 0 };
      inFence[i] = true;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !/-->/.test(line.slice(line.indexOf('<!--') + 4))) {
      htmlEnd = /-->/;
      continue;
    }
    const raw = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i.exec(line);
    if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(line)) {
      htmlEnd = new RegExp(`</${raw[1]}>`, 'i');
      continue;
    }
    if (i > 0 && /^#{1,6}(?:[ \t]|$)/.test(line)) splits.push(i);
    if (/^ {0,3}\[(?:[^\]\\]|\\.)+\]:/.test(line)) definitions.push(line);
  }
  return { lines, parseLines, inFence, splits, definitions };
}

// ---------------------------------------------------------------------------------------------
// Parsing

// Students write for GitHub, which renders GitHub Flavored Markdown: tables, task lists,
// strikethrough, autolinks and footnotes are parsed as GitHub shows them.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

function parseMarkdown(source: string) {
  return fromMarkdown(source, GFM);
}

/** Shifts every position of a parsed subtree by `offset` lines. */
function shiftLines(node: Nodes, offset: number): void {
  if (node.position) {
    node.position.start.line += offset;
    node.position.end.line += offset;
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, offset);
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

const IMAGE_REGEX = /!\[[^\]\n]*\]\(\s*(<[^>\n]*>|[^\s)]+)[^)\n]*\)/g;

const ROUGH_TEXT_CAP = 64_000; // characters of prose kept per stretch of unparsed text

/**
 * Last-resort nodes for text beyond the parsing budget: headings, fenced code, and paragraphs of raw
 * text holding the images found by pattern. Coarse, but linear and enough to judge an answer.
 */
function roughNodes(s: Scan, from: number, to: number): RootContent[] {
  const nodes: RootContent[] = [];
  const at = (line: number) => ({ start: { line: line + 1, column: 1 }, end: { line: line + 1, column: 1 } });
  let paragraph: Extract<RootContent, { type: 'paragraph' }> | null = null;
  let kept = 0;
  for (let i = from; i < to; i++) {
    const line = s.lines[i]!;
    if (s.inFence[i]) {
      const start = i;
      const body: string[] = [];
      while (i + 1 < to && s.inFence[i + 1] && !/^\s*(`{3,}|~{3,})\s*$/.test(s.lines[i + 1]!)) {
        i++;
        if (body.length < CODE_LINES_KEPT) body.push(s.lines[i]!);
      }
      if (i + 1 < to && s.inFence[i + 1]) i++;
      nodes.push({ type: 'code', value: body.join('\n'), position: at(start) });
      paragraph = null;
      continue;
    }
    const heading = /^(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      nodes.push({ type: 'heading', depth, children: [{ type: 'text', value: heading[2] ?? '' }], position: at(i) });
      paragraph = null;
      kept = 0;
      continue;
    }
    if (!paragraph) {
      paragraph = { type: 'paragraph', children: [], position: at(i) };
      nodes.push(paragraph);
    }
    if (kept < ROUGH_TEXT_CAP) {
      paragraph.children.push({ type: 'text', value: `${line}\n` });
      kept += line.length + 1;
    }
    if (line.includes('![')) {
      for (const match of line.matchAll(IMAGE_REGEX)) {
        paragraph.children.push({ type: 'image', url: match[1]!.replace(/^<|>$/g, ''), alt: '', position: at(i) });
      }
    }
    if (/<img\b/i.test(line)) paragraph.children.push({ type: 'html', value: line.replace(/^[^<]*/, ''), position: at(i) });
  }
  return nodes;
}

/** Link reference definitions, one per label (the first wins), at most 200. */
function definitionLines(lines: string[]): string {
  const seen = new Map<string, string>();
  for (const line of lines) {
    const label = /\[((?:[^\]\\]|\\.)+)\]:/.exec(line)?.[1]?.trim().toLowerCase();
    if (label !== undefined && !seen.has(label) && seen.size < 200) seen.set(label, line);
  }
  return [...seen.values()].join('\n');
}

/**
 * Parses the report into one flat list of top-level nodes with absolute 1-based lines. Consecutive
 * blocks are parsed together in chunks of bounded size; past the budget, text gets roughNodes.
 */
function parseTopLevel(s: Scan): RootContent[] {
  const nodes: RootContent[] = [];
  const definitions = definitionLines(s.definitions);
  const offsets = [0];
  for (const line of s.parseLines) offsets.push(offsets[offsets.length - 1]! + line.length + 1);
  let chars = BUDGET_CHARS;
  let lines = BUDGET_LINES;
  let b = 0;
  while (b < s.splits.length) {
    const from = s.splits[b]!;
    const maxChars = Math.min(CHUNK_CHARS, chars);
    const maxLines = Math.min(CHUNK_LINES, lines);
    const fits = (to: number) => offsets[to]! - offsets[from]! <= maxChars && to - from <= maxLines;
    let to = s.splits[++b] ?? s.lines.length;
    while (b < s.splits.length && fits(s.splits[b + 1] ?? s.lines.length)) to = s.splits[++b] ?? s.lines.length;
    let end = to;
    while (end > from && !fits(end)) end--;
    if (end > from) {
      const block = s.parseLines.slice(from, end);
      const source = block.join('\n');
      const withDefinitions = definitions && source.includes('![') ? `${source}\n\n${definitions}\n` : source;
      chars -= withDefinitions.length;
      lines -= end - from;
      for (const child of parseMarkdown(withDefinitions).children) {
        if (lineOf(child) > block.length) break; // appended definitions
        if (from > 0) shiftLines(child, from);
        nodes.push(child);
      }
    }
    if (end < to) for (const node of roughNodes(s, end, to)) nodes.push(node);
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Answers

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'html', 'table', 'tableRow', 'tableCell', 'thematicBreak', 'definition', 'footnoteDefinition']);
const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

interface Collector {
  text: string[];
  codeBlocks: string[];
  images: ImageLink[];
  inlineCode?: string[];
}

function htmlImages(value: string, line: number, into: ImageLink[]): void {
  for (const match of value.matchAll(IMG_SRC)) {
    const before = value.slice(0, match.index);
    const target = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
    into.push({ target, line: line + (before.match(/\n/g)?.length ?? 0), form: 'html' });
  }
}


function collect(node: Nodes, definitions: Map<string, string>, into: Collector, withText = true): void {
  switch (node.type) {
    case 'text':
      if (withText) into.text.push(node.value);
      return;
    case 'inlineCode':
      if (withText) into.text.push(node.value);
      if (withText) into.inlineCode?.push(node.value);
      return;
    case 'break':
      into.text.push('\n');
      return;
    case 'code':
      into.codeBlocks.push(node.value);
      return;
    case 'image':
      into.images.push({ target: node.url, line: lineOf(node), form: 'markdown' });
      return;
    case 'imageReference': {
      const url = definitions.get(node.identifier);
      if (url !== undefined) into.images.push({ target: url, line: lineOf(node), form: 'reference' });
      return;
    }
    case 'html': {
      htmlImages(node.value, lineOf(node), into.images);
      if (withText) into.text.push(decodeEntities(node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<[^>]*>/g, ' ')));
      break;
    }
    case 'definition':
      break;
    case 'heading':
      for (const child of node.children) collect(child, definitions, into, false);
      break;
    default:
      if ('children' in node) for (const child of node.children) collect(child, definitions, into, withText);
  }
  if (BLOCK_TYPES.has(node.type)) into.text.push('\n');
}

function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node.url);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/** The visible text of a node (children of a heading included), without code blocks. */
function plainText(node: Nodes): string {
  const into: Collector = { text: [], codeBlocks: [], images: [] };
  for (const child of 'children' in node ? node.children : [node]) collect(child, new Map(), into);
  return into.text.join('');
}

/** Whether a blockquote is the question's prompt (kept by the template, not the student's answer). */
function isPromptQuote(node: RootContent, prompt: Set<string>): boolean {
  if (node.type !== 'blockquote') return false;
  const words = wordsOf(plainText(node));
  if (words.length === 0) return true;
  return words.filter((w) => prompt.has(w)).length >= 0.8 * words.length;
}

const PLACEHOLDER_SOURCE = ANSWER_PLACEHOLDER.replace(/^[_*]+|[_*]+$/g, '')
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  .replace(/\s+/g, '\\s+');
const PLACEHOLDER_TEXT = new RegExp(PLACEHOLDER_SOURCE, 'giu');
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'iu');
/** A line holding only a check box (`[x]` that GFM leaves as text when nothing follows it, ☑, ✅…) says nothing. */
const LONE_CHECK_BOX = /^[ \t]*(?:\[[ xX]?\]|[☐☑☒✓✔✅✗✘❌])[ \t]*$/gmu;

function answerOf(nodes: RootContent[], definitions: Map<string, string>): Answer {
  const into: Collector = { text: [], codeBlocks: [], images: [], inlineCode: [] };
  for (const node of nodes) collect(node, definitions, into);
  const raw = into.text.join('');
  const text = raw.replace(PLACEHOLDER_TEXT, ' ').replace(LONE_CHECK_BOX, '').replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim();
  return { text, hadPlaceholder: HAS_PLACEHOLDER.test(raw), codeBlocks: into.codeBlocks, images: into.images, inlineCode: into.inlineCode };
}

/** Parses decoded report text: question sections, duplicates and every image link. */
export function parseReport(text: string): ParsedReport {
  const s = scan(text);
  const nodes = parseTopLevel(s);
  const definitions = new Map<string, string>();
  for (const node of nodes) collectDefinitions(node, definitions);

  const headings: { index: number; id: string | null; depth: number }[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'heading') headings.push({ index, id: questionIdOf(plainText(node)), depth: node.depth });
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
  const images: ImageLink[] = [];
  const all: Collector = { text: [], codeBlocks: [], images };
  for (const node of nodes) collect(node, definitions, all, false);
  return { sections, duplicates, images, lines: s.lines };
}

// ---------------------------------------------------------------------------------------------
// The loader

function unavailable(message: string): LoadedReport {
  return { state: 'unavailable', message };
}

export const reportLoader: Loader<LoadedReport> = {
  name: 'REPORT.md, décodé et découpé par question',
  async run(ctx) {
    const read = await ctx.submission.read(REPORT_FILE, MAX_REPORT_BYTES);
    switch (read.state) {
      case 'missing':
        return unavailable("REPORT.md est introuvable à la racine du dépôt : remettez le fichier du modèle (même nom, même dossier) et répondez aux questions dedans.");
      case 'not-a-file':
        return unavailable('REPORT.md n\'est pas un fichier (dossier ?) : remettez le fichier REPORT.md du modèle à la racine du dépôt.');
      case 'outside':
        return unavailable('REPORT.md est un lien symbolique qui pointe hors du dépôt : remplacez-le par un vrai fichier texte.');
      case 'too-large':
        return unavailable(`REPORT.md fait ${Math.round(read.size / 1024)} Ko, plus que les ${MAX_REPORT_BYTES / 1024} Ko acceptés : retirez les longues sorties collées (gardez quelques lignes) ou mettez-les en captures.`);
      case 'unreadable':
        return unavailable(`REPORT.md n'a pas pu être lu (${read.reason}) : vérifiez ses droits de lecture.`);
      case 'ok':
        break;
    }
    const decoded = decodeReport(read.bytes);
    if (decoded.kind === 'binary') {
      return unavailable("REPORT.md n'est pas un fichier texte (il contient des octets nuls) : enregistrez-le comme texte Markdown en UTF-8, pas en .docx ou .pdf renommé.");
    }
    return { state: 'ok', encoding: decoded.encoding, ...parseReport(decoded.text) };
  },
};
