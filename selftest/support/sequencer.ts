import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Where a pass starts in its list of test files: `K/N` starts at file ⌊length·K/N⌋ and wraps
 * around; anything else (unset, malformed) starts at the first file.
 */
export function rotateBy(length: number, spec: string | undefined): number {
  const match = /^(\d+)\/(\d+)$/.exec(spec ?? '');
  if (!match || length === 0 || Number(match[2]) === 0) return 0;
  return Math.floor((length * Number(match[1])) / Number(match[2])) % length;
}

/** `items` rotated left by `by`. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  return [...items.slice(by), ...items.slice(0, by)];
}

/**
 * vitest's own order (failed first, then slowest or largest first), rotated by
 * `DOCKER_LAB_SELFTEST_START=K/N`: CI runs the engine project on several engines at once
 * (.ci/run) and starts each pass at a different place, so that the heaviest suites of the passes
 * do not all run at the same moment on 2 cores.
 */
export class RotatedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return rotate(sorted, rotateBy(sorted.length, process.env.DOCKER_LAB_SELFTEST_START));
  }
}
