import type { ProgressListener, RunPhase } from '../model/progress.ts';

/** Runs `body` as a phase whose start and end the progress listener sees. */
export async function reportPhase<T>(listener: ProgressListener | undefined, phase: RunPhase, body: () => Promise<T>): Promise<T> {
  listener?.({ kind: 'phase', phase, event: 'start' });
  try {
    return await body();
  } finally {
    listener?.({ kind: 'phase', phase, event: 'end' });
  }
}
