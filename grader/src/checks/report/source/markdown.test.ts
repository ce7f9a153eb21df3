import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { lineOf, parseMarkdownReport } from './markdown.ts';

const headings = (nodes: RootContent[]) =>
  nodes.flatMap((node) => (node.type === 'heading' && node.children[0]?.type === 'text' ? [[lineOf(node), node.children[0].value]] : []));

describe('parseMarkdownReport', () => {
  it('gives every top-level node its absolute line, across the chunks it parses separately', () => {
    const block = (i: number) => `### Titre ${i}\n\n${'texte\n'.repeat(40)}`;
    const text = Array.from({ length: 30 }, (_, i) => block(i)).join('\n');
    const { lines, nodes } = parseMarkdownReport(text);
    expect(lines).toHaveLength(text.split('\n').length);
    const found = headings(nodes);
    expect(found).toHaveLength(30);
    for (const [line, title] of found) expect(lines[(line as number) - 1]).toBe(`### ${title}`);
  });

  it('past the parsing budget, still finds headings, code and images on their lines', () => {
    const filler = `${'mot '.repeat(20)}\n\n`.repeat(6_000); // about 500,000 characters, beyond the budget
    const text = `${filler}### 2.a Fin\n\n\`\`\`\n# pas un titre\n\`\`\`\n\n![capture](captures/fin.png)\n`;
    const { lines, nodes } = parseMarkdownReport(text);
    const last = lines.length;
    expect(headings(nodes).at(-1)).toEqual([last - 7, '2.a Fin']);
    expect(nodes.some((node) => node.type === 'code' && node.value === '# pas un titre')).toBe(true);
    const images = nodes.flatMap((node) => (node.type === 'paragraph' ? node.children.filter((c) => c.type === 'image') : []));
    expect(images.map((image) => [image.url, lineOf(image)])).toEqual([['captures/fin.png', last - 1]]);
  });
});
