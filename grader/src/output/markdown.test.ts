import { describe, expect, test } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { escapeMarkdown, messageMarkdown, renderMarkdown } from './markdown.ts';
import { FAKE, RUBRIC, sampleReport } from './testing.ts';

function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(fromMarkdown(markdown));
  return types;
}

describe('markdown escaping', () => {
  test('student text produces no HTML, link, image or emphasis and stays one line', () => {
    const text = '<img src=x onerror=alert(1)> [lien](http://e) ![i](x.png) **gras** _it_ `code` | # titre\n- liste';
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toContain('\n');
    const types = nodeTypes(escaped);
    for (const type of ['html', 'link', 'image', 'strong', 'emphasis', 'inlineCode', 'heading', 'list']) expect(types.has(type), type).toBe(false);
    expect(escaped).toContain('&lt;img');
  });

  test('grader code spans stay code; the rest is escaped', () => {
    const md = messageMarkdown('Écrivez `FROM python:3.13-slim` **ici** <b>');
    expect(md).toBe('Écrivez `FROM python:3.13-slim` \\*\\*ici\\*\\* &lt;b&gt;');
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
    expect(todo).toContain('starter/Dockerfile\\:2');
    expect(todo).toContain('Piste');
    expect(todo).toContain('`npm run grade -- --only dockerfile.base-image`');
    expect(todo).not.toContain('Dockerfile présent');
  });

  test('student-controlled text cannot inject HTML or Markdown, nor break out of the excerpt', () => {
    const types = nodeTypes(md);
    expect(types.has('link')).toBe(false);
    expect(types.has('image')).toBe(false);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;/pre&gt;&lt;script&gt;');
    expect(md).not.toContain('\x1b');
    // The fake notice is only text: escaped inline, and inside <pre> in the excerpt.
    expect(md).toContain('\\:\\:notice title=Autograding complete\\:\\:Points 100/100');
    const html = fromMarkdown(md).children.filter((n) => n.type === 'html').map((n) => (n as { value: string }).value);
    expect(html.some((v) => v.includes('<pre>') && v.includes('::notice') && v.includes('</pre>'))).toBe(true);
  });

  test('a full score says so', () => {
    const report = sampleReport();
    report.criteria = report.criteria.filter((c) => c.status === 'pass');
    expect(renderMarkdown(report, RUBRIC)).toContain('Tous les critères sont réussis');
  });
});
