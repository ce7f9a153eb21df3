import { describe, expect, test } from 'vitest';
import { decodeEntities, escapeHtml, escapeHtmlText, escapeXml } from './escape.ts';
import { plainText } from './plain-text.ts';

describe('text escaping', () => {
  test('HTML: the five special characters, control characters and ANSI sequences dropped', () => {
    expect(escapeHtml(`<script>"x"&'y'</script>\x1b[31mé\x07`)).toBe('&lt;script&gt;&quot;x&quot;&amp;&apos;y&apos;&lt;/script&gt;é');
  });

  test('XML: the same escapes, and characters XML 1.0 cannot hold are dropped', () => {
    expect(escapeXml('a\x00b\x07c"\'&\uFFFEé')).toBe('abc&quot;&apos;&amp;é');
  });

  test('entities: every named HTML entity, numeric references', () => {
    expect(decodeEntities('&eacute;t&eacute; &agrave; l&rsquo;&Eacute;cole&nbsp;: &#233;&#xE9; &amp;lt;')).toBe('été à l’École\u00a0: éé &lt;');
  });

  test('plain text: CSI, OSC (BEL or ST), single-character escapes and CR go; tabs and newlines stay', () => {
    expect(plainText('\x1b[1;31mrouge\x1b[0m\t\x1b]8;;http://x\x07lien\x1b]8;;\x07 \x1b]0;titre\x1b\\ok\x1bM\r\nfin\rx')).toBe('rouge\tlien ok\nfin\nx');
  });
});

describe('escapeHtmlText', () => {
  test('escapes what could open a tag or an entity, and leaves French apostrophes and quotes as typed', () => {
    expect(escapeHtmlText(`l'image "api" <script> & co`)).toBe(`l'image "api" &lt;script&gt; &amp; co`);
  });
});
