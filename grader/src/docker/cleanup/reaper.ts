import type Docker from 'dockerode';
import { pollUntil } from '../wait/poll.ts';
import { hostname } from 'node:os';
import { HOST_LABEL, PID_LABEL, RUN_LABEL, pidOfRun } from '../labels.ts';

export interface RemovalReport {
  containers: number;
  volumes: number;
  networks: number;
  images: number;
  errors: string[];
}

const byRun = (runId: string) => JSON.stringify({ label: [`${RUN_LABEL}=${runId}`] });

/**
 * Removes every container, volume, network and image labelled with `runId`: containers first
 * (forced, with their anonymous volumes), then what they used. Image parents are kept (`noprune`)
 * so the layer cache serves the next build, as after a plain `docker build`.
 */
export async function removeRunResources(docker: Docker, runId: string): Promise<RemovalReport> {
  const report: RemovalReport = { containers: 0, volumes: 0, networks: 0, images: 0, errors: [] };
  const filters = byRun(runId);
  const attempt = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
      return true;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 404) report.errors.push(`${what}: ${(error as Error).message}`);
      return false;
    }
  };
  // A list call that fails is recorded, never read as "nothing left": the run is not reported clean
  // when the engine did not answer.
  const list = async <T>(what: string, call: () => Promise<T>, empty: T): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      report.errors.push(`listing ${what}: ${(error as Error).message}`);
      return empty;
    }
  };
  const containers = await list('containers', () => docker.listContainers({ all: true, filters }), []);
  await Promise.all(
    containers.map(async (c) => {
      if (await attempt(`container ${c.Id.slice(0, 12)}`, () => docker.getContainer(c.Id).remove({ force: true, v: true }))) report.containers++;
    }),
  );
  const volumes = (await list('volumes', () => docker.listVolumes({ filters }), { Volumes: [], Warnings: [] })).Volumes ?? [];
  await Promise.all(
    volumes.map(async (v) => {
      if (await attempt(`volume ${v.Name}`, () => docker.getVolume(v.Name).remove())) report.volumes++;
    }),
  );
  const networks = await list('networks', () => docker.listNetworks({ filters }), []);
  for (const n of networks) {
    if (await attempt(`network ${n.Name}`, () => docker.getNetwork(n.Id).remove())) report.networks++;
  }
  const images = await list('images', () => docker.listImages({ filters }), []);
  for (const image of images) {
    if (await attempt(`image ${image.Id.slice(7, 19)}`, () => docker.getImage(image.Id).remove({ force: true, noprune: true }))) report.images++;
  }
  return report;
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs labelled on this host whose grading process is gone: what a killed run left behind. */
export async function findOrphanRuns(docker: Docker): Promise<string[]> {
  const filters = JSON.stringify({ label: [RUN_LABEL, `${HOST_LABEL}=${hostname()}`] });
  // Images built before BuildKit carried the run label only: their pid is in the run id.
  const imageFilters = JSON.stringify({ label: [RUN_LABEL] });
  const labelled: Array<{ Labels?: Record<string, string> | null }> = [
    ...(await docker.listContainers({ all: true, filters }).catch(() => [])),
    ...((await docker.listVolumes({ filters }).catch(() => ({ Volumes: [] }))).Volumes ?? []),
    ...(await docker.listNetworks({ filters }).catch(() => [])),
    ...(await docker.listImages({ filters: imageFilters }).catch(() => [])),
  ];
  const orphans = new Set<string>();
  for (const item of labelled) {
    const run = item.Labels?.[RUN_LABEL];
    if (!run) continue;
    const pid = pidOfRun(run, item.Labels?.[PID_LABEL]);
    if (pid > 0 && pid !== process.pid && !processAlive(pid)) orphans.add(run);
  }
  return [...orphans];
}

/** Sweeps the resources of orphan runs; returns the run ids swept. */
export async function sweepOrphans(docker: Docker): Promise<string[]> {
  const runs = await findOrphanRuns(docker);
  for (const run of runs) await removeRunResources(docker, run);
  return runs;
}

/**
 * Removes the run's resources until none is listed (an interrupted `docker compose up` may still
 * be creating some), bounded by a deadline.
 */
export async function removeUntilGone(docker: Docker, runId: string, timeoutMs = 20_000): Promise<void> {
  const outcome = await pollUntil(
    async () => {
      const report = await removeRunResources(docker, runId);
      const removed = report.containers + report.volumes + report.networks + report.images;
      return removed === 0 && report.errors.length === 0 ? { done: true, value: true } : { done: false, seen: report.errors.join('; ') || `${removed} removed` };
    },
    { timeoutMs, intervalMs: 200 },
  );
  if (!outcome.ok) throw new Error(`resources of run ${runId} still present or not checkable: ${outcome.seen}`);
}
