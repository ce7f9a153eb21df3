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
    maxConcurrency: 3,
    // Builds reach no network in the self-tests: this machine has no registry, and no traffic may
    // leave it; pip finds the pinned requirements already installed in the stand-in base image.
    env: { DOCKER_LAB_BUILD_NETWORK: 'none' },
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
