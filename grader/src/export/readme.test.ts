import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT } from '../location.ts';
import { INSTRUCTORS_BEGIN, INSTRUCTORS_END, studentReadme } from './readme.ts';

describe('studentReadme', () => {
  test('drops each instructors block with its markers, and the blank line it leaves doubled', () => {
    const text = ['# TP', '', INSTRUCTORS_BEGIN, 'See INSTRUCTORS.md', INSTRUCTORS_END, '', 'Texte', INSTRUCTORS_BEGIN, 'x', INSTRUCTORS_END, 'Fin', ''].join('\n');
    expect(studentReadme(text)).toBe(['# TP', '', 'Texte', 'Fin', ''].join('\n'));
  });

  test("this repository's README: the students' text in French, no instructors' section nor link once exported", async () => {
    const readme = await readFile(join(GRADER_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('INSTRUCTORS.md');
    const shipped = studentReadme(readme);
    expect(shipped).not.toMatch(/INSTRUCTORS|instructor|For instructors|^---$/im);
    expect(shipped).toMatch(/^## Vérifier son travail/m);
    expect(shipped).toContain('npm run test:static');
  });
});
