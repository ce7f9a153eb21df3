import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm test`: grades the working copy once (global setup), then states each criterion as a test.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/*.test.ts'],
    globalSetup: ['tests/support/grade-once.ts'],
    hookTimeout: 900_000,
    testTimeout: 10_000,
  },
});
