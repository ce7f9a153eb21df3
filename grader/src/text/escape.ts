import { escapeText, escapeUTF8 } from 'entities/escape';
import { decodeHTML } from 'entities/decode';
import { plainText } from './plain-text.ts';

// One escaper per target language, all from the `entities` package (the one htmlparser2 uses).

/** Text for HTML element content or a quoted attribute: `& < > " '` escaped, control characters dropped. */
export function escapeHtml(text: string): string {
  return escapeUTF8(plainText(text));
}

/**
 * Text for HTML element content, as in Markdown prose and table cells: `& < >` escaped, quotes and
 * apostrophes left as typed (they mean nothing there, and French text is full of them).
 */
export function escapeHtmlText(text: string): string {
  return escapeText(plainText(text));
}

/** Text for XML 1.0 content or a quoted attribute: like HTML, minus the characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return escapeUTF8(plainText(text).replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
}

/** Decodes HTML character references: every named entity of HTML (`&eacute;`, `&nbsp;`…) and numeric ones. */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}
