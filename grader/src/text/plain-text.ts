import { stripVTControlCharacters } from 'node:util';

/**
 * Removes terminal control sequences (Node's own ANSI/VT stripper) and every other control
 * character but tab and line feed from student-controlled text.
 */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripVTControlCharacters(text).replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
