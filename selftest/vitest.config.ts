import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The project's own tests: unit tests next to the grader's code, and the suites in selftest/
// that grade real submission folders (reference solution and its mutants) on a real engine.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['grader/**/*.test.ts', 'selftest/**/*.test.ts'],
    globalSetup: ['selftest/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
