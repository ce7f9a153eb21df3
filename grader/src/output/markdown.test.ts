import { describe, expect, test } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Paragraph } from 'mdast';
import { escapeMarkdown, messageMarkdown, renderMarkdown } from './markdown.ts';
import { FAKE, RUBRIC, sampleReport } from './testing.ts';

function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parse(markdown));
  return types;
}

/** Markdown as GitHub reads it (GFM: tables, autolinks, strikethrough). */
function parse(markdown: string) {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The nodes of a one-paragraph document, as type and value. */
function inline(markdown: string): Array<{ type: string; value?: string }> {
  const [paragraph, ...rest] = parse(markdown).children;
  expect(rest).toEqual([]);
  return (paragraph as Paragraph).children.map((node) => ({ type: node.type, ...('value' in node ? { value: node.value } : {}) }));
}

describe('markdown escaping', () => {
  test('student text produces no HTML, link, image or emphasis and stays one line', () => {
    const text = '<img src=x onerror=alert(1)> [lien](http://e) ![i](x.png) **gras** _it_ `code` | # titre\n- liste';
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toContain('\n');
    const types = nodeTypes(escaped);
    for (const type of ['html', 'link', 'image', 'strong', 'emphasis', 'inlineCode', 'heading', 'list']) expect(types.has(type), type).toBe(false);
    // It reads back as the text itself, on one line (GFM's autolinks, tables and headings included).
    expect(inline(escaped)).toEqual([{ type: 'text', value: text.replace('\n', ' ') }]);
    expect(inline(escapeMarkdown('# titre | a ~~b~~ *x* #'))).toEqual([{ type: 'text', value: '# titre | a ~~b~~ *x* #' }]);
  });

  test('a URL or an e-mail address reads as itself: GFM links these literals through any escape, never behind other text', () => {
    const nodes = parse(escapeMarkdown('voir http://e.fr/x ou a@b.fr')).children[0] as Paragraph;
    const links = nodes.children.flatMap((n) => (n.type === 'link' ? [{ url: n.url.replace(/^mailto:/, ''), text: n.children.map((c) => ('value' in c ? c.value : '')).join('') }] : []));
    expect(links).toEqual([{ url: 'http://e.fr/x', text: 'http://e.fr/x' }, { url: 'a@b.fr', text: 'a@b.fr' }]);
  });

  test('grader code spans stay code; the rest is escaped', () => {
    const md = messageMarkdown('Écrivez `FROM python:3.13-slim` **ici** <b>');
    expect(inline(md)).toEqual([
      { type: 'text', value: 'Écrivez ' },
      { type: 'inlineCode', value: 'FROM python:3.13-slim' },
      { type: 'text', value: ' **ici** <b>' },
    ]);
    const types = nodeTypes(md);
    expect(types.has('inlineCode')).toBe(true);
    expect(types.has('strong') || types.has('html')).toBe(false);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport(), RUBRIC);

  test('score, one table per group with points and « conseil », groups in rubric order', () => {
    expect(md).toMatch(/^## Correction automatique — Note : 2\/16 — 5 points non évalués \(Image non construite : critère non évalué\)$/m);
    expect(md).toContain('| Exercice 3 — Dockerfile | 2/5 |');
    expect(md).toContain('| Image \\| conteneur | 0/11 |');
    expect(md.indexOf('### Exercice 3')).toBeLessThan(md.indexOf('### Image'));
    expect(md).toContain('| ✅ | Dockerfile présent (`dockerfile.present`) | 2/2 |');
    expect(md).toContain('| ➖ | Conseil : non root (`dockerfile.non-root`) | conseil |'); // advice not followed: never a pass, never a failure
    expect(md).toContain('| ➖ | GET /health (`container.health`) | 0/5 |');
  });

  test('each criterion to fix: message, location, hint; passes are not listed', () => {
    const todo = md.slice(md.indexOf('### À corriger'));
    expect(todo).toContain('#### ❌ Image de base');
    expect(todo).toContain('`dockerfile.base-image` — starter/Dockerfile:2 — 0/3');
    expect(todo).toContain('Piste');
    expect(todo).toContain('`npm run grade -- --only dockerfile.base-image`');
    expect(todo).not.toContain('Dockerfile présent');
  });

  test('student-controlled text cannot inject HTML or Markdown, nor break out of the excerpt', () => {
    const types = nodeTypes(md);
    expect(types.has('link')).toBe(false);
    expect(types.has('image')).toBe(false);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;/pre&gt;&lt;script&gt;');
    expect(md).not.toContain('\x1b');
    // The only HTML is the grader's own excerpt blocks; the fake notice and the tags are text there.
    const html = parse(md).children.filter((n) => n.type === 'html').map((n) => n.value);
    expect(html.every((v) => /^<(\/?details|pre)>/.test(v))).toBe(true);
    expect(html.some((v) => v.includes('<pre>') && v.includes('::notice') && v.includes('</pre>'))).toBe(true);
    const message = parse(md).children.find((n) => n.type === 'paragraph' && JSON.stringify(n).includes('notice')) as Paragraph;
    expect(message.children.filter((n) => n.type === 'text').map((n) => n.value).join('')).toContain(`${FAKE} <img src=x onerror=alert(1)> [lien](http://evil) **gras** | 100%, a:b`);
  });

  test('a full score says so', () => {
    const report = sampleReport();
    report.criteria = report.criteria.filter((c) => c.status === 'pass');
    expect(renderMarkdown(report, RUBRIC)).toContain('Tous les critères sont réussis');
  });
});
