import type Docker from 'dockerode';
import { DockerfileParser } from 'dockerfile-ast';

/**
 * `ref`: the final stage's base when BuildKit named it under that stage. BuildKit runs one vertex for
 * identical `FROM`s of several stages and names it after the first one, so `candidates` lists every
 * stage's base: the one whose layers the built image starts with, the longest such, is the base.
 */
export type FinalBase = { state: 'image'; ref?: string; candidates: string[] } | { state: 'scratch' } | { state: 'unknown'; why: UnknownBase };

/**
 * Why the base of the final stage is not known: no FROM at all; a final base the build log does not
 * name; a built image that does not start with the base's layers; a base the engine does not have;
 * the engine's own error.
 */
export type UnknownBase =
  | { kind: 'no-from' }
  | { kind: 'not-in-build-log'; image: string }
  | { kind: 'not-based-on'; image: string }
  | { kind: 'base-not-found'; image: string }
  | { kind: 'engine-error'; message: string };

/**
 * The base image of the final stage, as the builder resolved it: the final `FROM` (following
 * `FROM <earlier stage>` back to an image), looked up in the references BuildKit printed for each
 * stage's `FROM` vertex (ARG substitution done). Stages BuildKit names `<name>` or `stage-<n>`.
 */
export function finalStageBase(dockerfileText: string, stageBases: Map<string, string>): FinalBase {
  const froms = DockerfileParser.parse(dockerfileText).getFROMs();
  if (froms.length === 0) return { state: 'unknown', why: { kind: 'no-from' } };
  const names = froms.map((from, index) => from.getBuildStage() ?? `stage-${index}`);
  let index = froms.length - 1;
  for (let hops = 0; hops < froms.length; hops++) {
    const image = froms[index]!.getImageName() ?? '';
    const earlier = names.findIndex((name, i) => i < index && name.toLowerCase() === image.toLowerCase());
    if (earlier < 0) break;
    index = earlier;
  }
  const name = names[index]!;
  const ref = stageBases.get(name) ?? stageBases.get(name.toLowerCase()) ?? (stageBases.size === 1 ? stageBases.get('') : undefined);
  if ((froms[index]!.getImageName() ?? '').toLowerCase() === 'scratch') return { state: 'scratch' };
  const candidates = [...new Set(stageBases.values())];
  if (ref || candidates.length > 0) return { state: 'image', ...(ref ? { ref } : {}), candidates };
  return { state: 'unknown', why: { kind: 'not-in-build-log', image: froms[index]!.getImageName() ?? '?' } };
}

/** What the student's layers add to the final stage's base image, or why it could not be measured. */
export type LayerMeasurement = { state: 'measured'; addedBytes: number; largest?: { createdBy: string; bytes: number } } | { state: 'unknown-base'; why: UnknownBase };

interface HistoryEntry {
  Size: number;
  CreatedBy: string;
}

/**
 * What the student's layers add on top of the final stage's base image, from the engine's records:
 * the base's layers must be the first layers of the built image (`RootFS.Layers`), and the history
 * entries above the base's own entries are summed (`docker history`, either image store).
 */
export async function measureAddedLayers(docker: Docker, image: string, base: FinalBase): Promise<LayerMeasurement> {
  if (base.state === 'unknown') return { state: 'unknown-base', why: base.why };
  const built = docker.getImage(image);
  const [info, history] = await Promise.all([built.inspect(), built.history() as Promise<HistoryEntry[]>]);
  let own = history;
  if (base.state === 'image') {
    const layers = info.RootFS?.Layers ?? [];
    const isPrefix = (candidate: Docker.ImageInspectInfo) => (candidate.RootFS?.Layers ?? []).every((layer, i) => layers[i] === layer);
    let chosen: { id: string; info: Docker.ImageInspectInfo; ref: string } | undefined;
    const named = base.ref ? await inspectRef(docker, base.ref) : undefined;
    if (named && isPrefix(named.info)) chosen = { ...named, ref: base.ref! };
    for (const ref of chosen ? [] : base.candidates) {
      const candidate = await inspectRef(docker, ref);
      if (candidate && isPrefix(candidate.info) && (!chosen || (candidate.info.RootFS?.Layers?.length ?? 0) > (chosen.info.RootFS?.Layers?.length ?? 0))) chosen = { ...candidate, ref };
    }
    if (!chosen) {
      const wanted = base.ref ?? base.candidates.join(', ');
      return { state: 'unknown-base', why: { kind: named || !base.ref ? 'not-based-on' : 'base-not-found', image: wanted } };
    }
    const baseHistory = (await docker.getImage(chosen.id).history()) as HistoryEntry[];
    own = history.slice(0, Math.max(0, history.length - baseHistory.length));
  }
  const addedBytes = own.reduce((sum, layer) => sum + (layer.Size ?? 0), 0);
  const largest = own.reduce<{ createdBy: string; bytes: number } | undefined>(
    (best, layer) => (!best || layer.Size > best.bytes ? { createdBy: describeLayer(layer.CreatedBy), bytes: layer.Size } : best),
    undefined,
  );
  return { state: 'measured', addedBytes, ...(largest ? { largest } : {}) };
}

/** `RUN /bin/sh -c pip install … # buildkit` → `RUN pip install …`. */
function describeLayer(createdBy: string): string {
  return createdBy.replace(/\s*# buildkit$/, '').replace(/^(RUN )?\/bin\/sh -c (#\(nop\) )?/, '$1').trim();
}

/** The image a reference names: as printed (`docker.io/library/python:3.13-slim@sha256:…`), else without its digest. */
async function inspectRef(docker: Docker, ref: string): Promise<{ id: string; info: Docker.ImageInspectInfo } | undefined> {
  for (const candidate of [ref, ref.replace(/@sha256:[0-9a-f]+$/, '')]) {
    try {
      const info = await docker.getImage(candidate).inspect();
      return { id: info.Id, info };
    } catch {
      // Next form.
    }
  }
  return undefined;
}
