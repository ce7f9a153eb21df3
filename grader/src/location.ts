import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the grader's own files are: its rubric and the manifest of the grader-owned files of the
// student template. Never a submission's files.
//
// - Run from source (`npm test`, `npm run grade`, vitest), this file is `grader/src/location.ts`
//   of the repository, and the files are the repository's.
// - Run from the Classroom 50 bundle (`npm run export:classroom50`), esbuild has made every module
//   one JavaScript file: `import.meta.url` is that file's URL in every module, and the grader's
//   files sit beside it (BUNDLE_FILES). The bundle build defines DOCKER_LAB_BUNDLED as `true`.
//
// Every path the grader derives from its own location is here, so both layouts stay in one place.

declare const DOCKER_LAB_BUNDLED: boolean | undefined;

/** True in the prebuilt bundle, false when run from the TypeScript sources. */
export const BUNDLED: boolean = typeof DOCKER_LAB_BUNDLED !== 'undefined' && DOCKER_LAB_BUNDLED === true;

/** The files of a Classroom 50 bundle, relative to its folder. */
export const BUNDLE_FILES = {
  entry: 'autograder.py',
  grader: 'grader.mjs',
  rubric: 'rubric.yml',
  manifest: 'manifest.json',
} as const;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The grader's own folder: the repository root (where `grader/`, `tests/`, `package.json` live),
 * or the bundle's folder.
 */
export const GRADER_ROOT: string = BUNDLED ? here : join(here, '..', '..');

/** The rubric graded with by default. */
export const RUBRIC_PATH: string = join(GRADER_ROOT, BUNDLED ? BUNDLE_FILES.rubric : '.github/classroom/rubric.yml');

/**
 * The rubric of lab `id` in the maintainers' repository (`labs/<id>/rubric.yml`); the lab whose
 * template is the repository's root, and an exported template's only lab, use RUBRIC_PATH.
 */
export function labRubricPath(id: string): string {
  return join(GRADER_ROOT, 'labs', id, 'rubric.yml');
}

/** The manifest (sha256 of each grader-owned template file) a submission's files are compared with. */
export const MANIFEST_PATH: string = join(GRADER_ROOT, BUNDLED ? BUNDLE_FILES.manifest : 'grader/manifest.json');
