import type Docker from 'dockerode';
import type { SizeObservation } from '../../checks/dynamic/image-size.ts';

/**
 * What the student's layers add on top of the base image: the sizes of the history entries above
 * the base image's own entries (read from `docker history`, not from the Dockerfile's text).
 */
export async function measureAddedLayers(docker: Docker, image: string, baseImageId: string | undefined): Promise<SizeObservation> {
  if (!baseImageId) return { state: 'unknown-base', reason: "l'image de base n'apparaît pas dans le journal de construction" };
  const [history, baseHistory] = await Promise.all([
    docker.getImage(image).history() as Promise<Array<{ Size: number; CreatedBy: string }>>,
    docker.getImage(baseImageId).history() as Promise<Array<{ Size: number }>>,
  ]);
  const own = history.slice(0, Math.max(0, history.length - baseHistory.length));
  const addedBytes = own.reduce((sum, layer) => sum + (layer.Size ?? 0), 0);
  const largest = own.reduce<{ createdBy: string; bytes: number } | undefined>(
    (best, layer) => (!best || layer.Size > best.bytes ? { createdBy: layer.CreatedBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').trim(), bytes: layer.Size } : best),
    undefined,
  );
  return { state: 'measured', addedBytes, largest };
}
