// Markdown to nodes: the report parsed as GitHub Flavored Markdown into one flat list of top-level
// mdast nodes with absolute 1-based lines. A fast line scan first splits the document into blocks
// at top-level ATX headings so that parsing stays linear and bounded (micromark is slow on very
// large inputs).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Nodes, RootContent } from 'mdast';

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

/** The 1-based line a node starts on. */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

// Markdown images of text beyond the budget, found by pattern (images.ts reads the image nodes).
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

/** The report's text as parsed: its lines (index 0 = line 1) and its top-level nodes. */
export interface ParsedMarkdown {
  lines: string[];
  nodes: RootContent[];
}

/** Parses decoded report text into top-level nodes, within the parsing budget. */
export function parseMarkdownReport(text: string): ParsedMarkdown {
  const s = scan(text);
  return { lines: s.lines, nodes: parseTopLevel(s) };
}
