/**
 * What a grading run reports while it works, for the progress a student reads
 * (grader/src/output/progress.ts words these events; the run and the engine layer only emit them).
 */

/**
 * The phases of one grading run, in the order they usually start (container and stack overlap);
 * `prepare` (loading the grader) and `report` (writing the report) are those of `npm test` around it.
 */
export type RunPhase = 'prepare' | 'static' | 'engine' | 'build' | 'container' | 'program' | 'stack-up' | 'psql' | 'persistence' | 'stack-down' | 'cleanup' | 'report';

export type ProgressEvent =
  | { kind: 'phase'; phase: RunPhase; event: 'start' | 'end' }
  /** A build instruction started: `[stage] index/total instruction`, as BuildKit names its step. */
  | { kind: 'build-step'; index: number; total: number; instruction: string; stage?: string }
  /**
   * Bytes of base image layers downloaded so far during the build (every layer the builder reported
   * a size for): `layers` counted, `layersDone` completed.
   */
  | { kind: 'pull'; image?: string; currentBytes: number; totalBytes: number; layers: number; layersDone: number }
  /** The run is over: the report follows (sent by the command that prints the report). */
  | { kind: 'done' };

export type ProgressListener = (event: ProgressEvent) => void;

/** Progress of the build only (what the engine layer reports while BuildKit works). */
export type BuildProgressEvent = Extract<ProgressEvent, { kind: 'build-step' | 'pull' }>;
