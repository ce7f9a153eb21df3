import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { RotatedSequencer } from './support/sequencer.ts';

/**
 * Suites that only read files (unit tests next to the grader's code, the architecture and
 * repository checks, the fuzz test of the static checks): they never talk to an engine, so CI runs
 * them while engines and stand-in images are still being provisioned. A test that needs an engine
 * belongs in a folder of ENGINE_SUITES.
 */
export const FILE_SUITES = ['grader/**/*.test.ts', 'labs/**/*.test.ts', '.ci/**/*.test.ts', 'selftest/support/**/*.test.ts', 'selftest/architecture/**/*.test.ts', 'selftest/repository/**/*.test.ts', 'selftest/hardening/fuzz.test.ts'];
/** Suites that grade real submission folders on a real engine (the Docker resource check wraps them). */
export const ENGINE_SUITES = ['selftest/e2e/**/*.test.ts', 'selftest/corpus/**/*.test.ts', 'selftest/hardening/**/*.test.ts'];

// The project's own tests: `npm run selftest` runs both projects; CI runs `--project files` once,
// early, and `--project engine` on every engine (README, « Maintainer tests »).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 30_000,
    maxConcurrency: 3,
    // Builds reach no network in the self-tests: this machine has no registry, and no traffic may
    // leave it; pip finds the pinned requirements already installed in the stand-in base image.
    env: { DOCKER_LAB_BUILD_NETWORK: 'none' },
    hookTimeout: 600_000,
    reporters: ['default'],
    // DOCKER_LAB_SELFTEST_START=K/N: where a CI pass starts in its list of files (support/sequencer.ts).
    sequence: { sequencer: RotatedSequencer },
    projects: [
      { extends: true, test: { name: 'files', include: FILE_SUITES } },
      { extends: true, test: { name: 'engine', include: ENGINE_SUITES, exclude: FILE_SUITES, globalSetup: ['selftest/support/global-setup.ts'] } },
    ],
  },
});
