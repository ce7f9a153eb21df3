import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm test`: grades the working copy once (global setup), states each criterion as a test, and
// prints one French report (tests/support/reporter.ts). Exit code: non-zero when a graded
// criterion misses points, zero otherwise (advice and criteria not evaluated never fail it).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/*.test.ts'],
    globalSetup: ['tests/support/grade-once.ts'],
    reporters: ['./tests/support/reporter.ts'],
    // The suites only read the report the global setup injected: one worker serves them all
    // (a fresh worker per file cost about a second of CPU on a 2-core machine).
    isolate: false,
    hookTimeout: 900_000,
    testTimeout: 10_000,
  },
});
