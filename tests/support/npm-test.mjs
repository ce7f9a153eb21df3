// `npm test`: says at once that the grading started, then runs vitest in this very process with the
// suites' configuration. vitest takes seconds to load on a busy machine: the student sees the first
// progress line before that, and a « toujours en cours » line every 5 s until the renderer of
// tests/support/progress.ts takes over (from the time and the phase announced here; keep these
// lines in the words of grader/src/output/progress.ts). Plain JavaScript, so that Node starts it
// without stripping types. Arguments are vitest's file filters, and `--mode static`.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const RENDERER = Symbol.for('docker-lab-autograder.npm-test-progress');
globalThis[Symbol.for('docker-lab-autograder.npm-test-started')] = started;
process.stdout.write('[0 s] Correction en cours : chargement du correcteur…\n');
const loading = setInterval(() => {
  if (globalThis[RENDERER]) return clearInterval(loading);
  const seconds = Math.floor((Date.now() - started) / 1000);
  process.stdout.write(`[${seconds} s] … toujours en cours : chargement du correcteur (depuis ${seconds} s)\n`);
}, 5_000);
loading.unref();

// `--mode static` (npm run test:static) is vitest's own option: the global setup reads the mode.
const args = process.argv.slice(2);
const modeAt = args.indexOf('--mode');
const mode = modeAt >= 0 ? args.splice(modeAt, 2)[1] : undefined;
// V8's code cache on disk (Node's own folder in the temporary directory): the next `npm test` does
// not compile vitest again. Where it cannot be written, Node goes on without it.
enableCompileCache?.();
const { startVitest } = await import('vitest/node');
const vitest = await startVitest('test', args, { config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)), run: true, watch: false, ...(mode ? { mode } : {}) });
clearInterval(loading);
if (!vitest.shouldKeepServer()) await vitest.exit();
