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

/** Replaces exactly one occurrence of `from` in `text`; throws when the reference changed under the mutant. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const matches = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (matches !== 1) throw new Error(`mutant: expected one match of ${String(from)}, found ${matches}`);
  return text.replace(from, to);
}
