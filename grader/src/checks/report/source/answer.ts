// Answers: what the student wrote under one question heading, as prose, code blocks, images and
// inline code, with the template's placeholder and lone check boxes removed.
import type { Nodes, RootContent } from 'mdast';
import { ANSWER_PLACEHOLDER } from '../../../lab/lab.ts';
import { decodeEntities } from '../../../text/escape.ts';
import { nodeImages, type ImageLink } from './images.ts';

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

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'html', 'table', 'tableRow', 'tableCell', 'thematicBreak', 'definition', 'footnoteDefinition']);

interface Collector {
  text: string[];
  codeBlocks: string[];
  images: ImageLink[];
  inlineCode?: string[];
}

function collect(node: Nodes, definitions: ReadonlyMap<string, string>, into: Collector, withText = true): void {
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
    case 'imageReference':
      nodeImages(node, definitions, into.images);
      return;
    case 'html': {
      nodeImages(node, definitions, into.images);
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

/** The visible text of a node (children of a heading included), without code blocks. */
export function visibleText(node: Nodes): string {
  const into: Collector = { text: [], codeBlocks: [], images: [] };
  for (const child of 'children' in node ? node.children : [node]) collect(child, new Map(), into);
  return into.text.join('');
}

const PLACEHOLDER_SOURCE = ANSWER_PLACEHOLDER.replace(/^[_*]+|[_*]+$/g, '')
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  .replace(/\s+/g, '\\s+');
const PLACEHOLDER_TEXT = new RegExp(PLACEHOLDER_SOURCE, 'giu');
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'iu');
/** A line holding only a check box (`[x]` that GFM leaves as text when nothing follows it, ☑, ✅…) says nothing. */
const LONE_CHECK_BOX = /^[ \t]*(?:\[[ xX]?\]|[☐☑☒✓✔✅✗✘❌])[ \t]*$/gmu;

/** The answer written in `nodes` (a question's content, prompt left out); `definitions` resolve image references. */
export function answerOf(nodes: readonly RootContent[], definitions: ReadonlyMap<string, string>): Answer {
  const into: Collector = { text: [], codeBlocks: [], images: [], inlineCode: [] };
  for (const node of nodes) collect(node, definitions, into);
  const raw = into.text.join('');
  const text = raw.replace(PLACEHOLDER_TEXT, ' ').replace(LONE_CHECK_BOX, '').replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim();
  return { text, hadPlaceholder: HAS_PLACEHOLDER.test(raw), codeBlocks: into.codeBlocks, images: into.images, inlineCode: into.inlineCode };
}
