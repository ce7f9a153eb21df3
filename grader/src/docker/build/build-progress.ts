import type { BuildProgressEvent } from '../../model/progress.ts';
import { parseStep, type SolveStatus } from './build-log.ts';

const FROM = /^FROM\s+([^\s@]+)/i;

/**
 * Turns BuildKit's status stream (one `SolveStatus` after another) into progress events: a
 * `build-step` when an instruction starts running, a `pull` when the bytes downloaded for the base
 * image's layers change (each status BuildKit reports with a size, by id; the image is that of the
 * `FROM` vertex the status belongs to).
 */
export function buildProgress(emit: (event: BuildProgressEvent) => void): (status: SolveStatus) => void {
  const names = new Map<string, string>();
  const started = new Set<string>();
  const layers = new Map<string, { current: number; total: number; done: boolean }>();
  let image: string | undefined;
  let last = '';
  return (status) => {
    for (const vertex of status.vertexes ?? []) {
      if (!vertex.digest || !vertex.name) continue;
      names.set(vertex.digest, vertex.name);
      if (!vertex.started || vertex.cached || started.has(vertex.digest)) continue;
      started.add(vertex.digest);
      const step = parseStep(vertex.name);
      if (step) emit({ kind: 'build-step', index: step.index, total: step.total, instruction: step.instruction, ...(step.stage ? { stage: step.stage } : {}) });
    }
    let changed = false;
    for (const entry of status.statuses ?? []) {
      if (!entry.id || !entry.total || entry.total <= 0) continue;
      layers.set(entry.id, { current: Math.min(entry.current ?? 0, entry.total), total: entry.total, done: Boolean(entry.completed) });
      const from = FROM.exec(parseStep(names.get(entry.vertex ?? '') ?? '')?.instruction ?? '');
      if (from) image = from[1];
      changed = true;
    }
    if (!changed) return;
    const all = [...layers.values()];
    const event: BuildProgressEvent = {
      kind: 'pull',
      ...(image ? { image } : {}),
      currentBytes: all.reduce((sum, l) => sum + (l.done ? l.total : l.current), 0),
      totalBytes: all.reduce((sum, l) => sum + l.total, 0),
      layers: all.length,
      layersDone: all.filter((l) => l.done).length,
    };
    const key = `${event.currentBytes}/${event.totalBytes}/${event.layersDone}`;
    if (key !== last) emit(event);
    last = key;
  };
}
