import type Docker from 'dockerode';
import { DockerfileParser } from 'dockerfile-ast';
import type { SizeObservation } from '../../checks/dynamic/image-size.ts';

export type FinalBase = { state: 'image'; ref: string } | { state: 'scratch' } | { state: 'unknown'; reason: string };

/**
 * The base image of the final stage, as the builder resolved it: the final `FROM` (following
 * `FROM <earlier stage>` back to an image), looked up in the references BuildKit printed for each
 * stage's `FROM` vertex (ARG substitution done). Stages BuildKit names `<name>` or `stage-<n>`.
 */
export function finalStageBase(dockerfileText: string, stageBases: Map<string, string>): FinalBase {
  const froms = DockerfileParser.parse(dockerfileText).getFROMs();
  if (froms.length === 0) return { state: 'unknown', reason: "le Dockerfile n'a pas d'instruction FROM" };
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
  if (ref) return { state: 'image', ref };
  if ((froms[index]!.getImageName() ?? '').toLowerCase() === 'scratch') return { state: 'scratch' };
  return { state: 'unknown', reason: `l'image de base de l'étape finale (\`${froms[index]!.getImageName() ?? '?'}\`) n'apparaît pas dans le journal de BuildKit` };
}

interface HistoryEntry {
  Size: number;
  CreatedBy: string;
}

/**
 * What the student's layers add on top of the final stage's base image, from the engine's records:
 * the base's layers must be the first layers of the built image (`RootFS.Layers`), and the history
 * entries above the base's own entries are summed (`docker history`, either image store).
 */
export async function measureAddedLayers(docker: Docker, image: string, base: FinalBase): Promise<SizeObservation> {
  if (base.state === 'unknown') return { state: 'unknown-base', reason: base.reason };
  const built = docker.getImage(image);
  const [info, history] = await Promise.all([built.inspect(), built.history() as Promise<HistoryEntry[]>]);
  let own = history;
  if (base.state === 'image') {
    const baseImage = await inspectRef(docker, base.ref);
    if (!baseImage) return { state: 'unknown-base', reason: `l'image de base \`${base.ref}\` est introuvable dans le moteur` };
    const baseLayers = baseImage.info.RootFS?.Layers ?? [];
    const layers = info.RootFS?.Layers ?? [];
    if (!baseLayers.every((layer, i) => layers[i] === layer)) {
      return { state: 'unknown-base', reason: `l'image construite ne commence pas par les couches de \`${base.ref}\`` };
    }
    const baseHistory = (await docker.getImage(baseImage.id).history()) as HistoryEntry[];
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
