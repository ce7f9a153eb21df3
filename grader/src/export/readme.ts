/** The README the template ships: the maintainers' one without its notes for instructors. */
export const STUDENT_README = 'README.md';

/** Marks the lines of README.md that only serve instructors and maintainers (links to INSTRUCTORS.md). */
export const INSTRUCTORS_BEGIN = '<!-- instructors:begin -->';
export const INSTRUCTORS_END = '<!-- instructors:end -->';

/**
 * README.md without every INSTRUCTORS_BEGIN … INSTRUCTORS_END block (markers included), nor the
 * blank line that separated a block from the text after it when one precedes it too.
 */
export function studentReadme(text: string): string {
  const out: string[] = [];
  let inside = false;
  let removed = false;
  for (const line of text.split('\n')) {
    if (line.trim() === INSTRUCTORS_BEGIN) inside = true;
    else if (line.trim() === INSTRUCTORS_END) {
      inside = false;
      removed = true;
    } else if (!inside) {
      if (!(removed && line.trim() === '' && (out.at(-1) ?? '').trim() === '')) out.push(line);
      removed = false;
    }
  }
  return out.join('\n');
}
