import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../support/submission.ts';

/** The reference solution's files as text, for mutants that change one line of them. */
export const reference = {
  app: readFileSync(join(REFERENCE_DIR, 'starter/app.py'), 'utf8'),
  dockerfile: readFileSync(join(REFERENCE_DIR, 'starter/Dockerfile'), 'utf8'),
  requirements: readFileSync(join(REFERENCE_DIR, 'starter/requirements.txt'), 'utf8'),
  compose: readFileSync(join(REFERENCE_DIR, 'docker-compose.yml'), 'utf8'),
};

/** Replaces exactly one occurrence of `from` in `text` (the labs' mutant corpora use it too). */
export { replaceOnce } from '../../grader/src/lab/testing.ts';

export const referenceReport = readFileSync(join(REFERENCE_DIR, 'REPORT.md'), 'utf8');
export const referenceDockerignore = readFileSync(join(REFERENCE_DIR, 'starter/.dockerignore'), 'utf8');

/** Windows-1252 bytes of `text` (the encoding a French Windows editor saves in). */
export function encodeWindows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (special[char] !== undefined) bytes.push(special[char]);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}
