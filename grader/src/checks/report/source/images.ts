// Images: what counts as an image the report links, in each form a student writes one — Markdown
// `![alt](target)`, a reference `![alt][ref]` resolved through its definition, HTML `<img src>`.
import type { Nodes } from 'mdast';
import { decodeEntities } from '../../../text/escape.ts';
import { lineOf } from './markdown.ts';

/** An image the report links, with the target as written (title stripped, not yet decoded). */
export interface ImageLink {
  target: string;
  line: number;
  form: 'markdown' | 'reference' | 'html';
}

const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function htmlImages(value: string, line: number, into: ImageLink[]): void {
  for (const match of value.matchAll(IMG_SRC)) {
    const before = value.slice(0, match.index);
    const target = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
    into.push({ target, line: line + (before.match(/\n/g)?.length ?? 0), form: 'html' });
  }
}

/** Appends the images one node links itself (its children aside): an image, a defined image reference, an HTML fragment's `<img>`. */
export function nodeImages(node: Nodes, definitions: ReadonlyMap<string, string>, into: ImageLink[]): void {
  switch (node.type) {
    case 'image':
      into.push({ target: node.url, line: lineOf(node), form: 'markdown' });
      return;
    case 'imageReference': {
      const url = definitions.get(node.identifier);
      if (url !== undefined) into.push({ target: url, line: lineOf(node), form: 'reference' });
      return;
    }
    case 'html':
      htmlImages(node.value, lineOf(node), into);
      return;
  }
}

/** Every image the nodes link, in document order. */
export function imagesOf(nodes: readonly Nodes[], definitions: ReadonlyMap<string, string>): ImageLink[] {
  const images: ImageLink[] = [];
  const visit = (node: Nodes): void => {
    nodeImages(node, definitions, images);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return images;
}

/** Link reference definitions of a tree (label → URL), the first of a label winning. */
export function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node.url);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
