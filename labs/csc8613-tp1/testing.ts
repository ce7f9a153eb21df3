// Test material of this lab (never shipped to students: it holds the reference solution): the
// reference's and the student template's files as text, for the lab's mutant corpus (mutants.ts)
// and the self-tests and benchmarks that change a line of them (selftest/hardening/, selftest/e2e/,
// bench/).
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The reference solution's files (reference/), as text. */
export const reference = {
  app: read('./reference/starter/app.py'),
  dockerfile: read('./reference/starter/Dockerfile'),
  requirements: read('./reference/starter/requirements.txt'),
  dockerignore: read('./reference/starter/.dockerignore'),
  compose: read('./reference/docker-compose.yml'),
  report: read('./reference/REPORT.md'),
};

/** The student template's files (this folder, copied to the repository's root by `npm run rubric:sync`), as text. */
export const template = {
  dockerfile: read('./starter/Dockerfile'),
  report: read('./REPORT.md'),
};
