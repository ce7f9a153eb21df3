import type Docker from 'dockerode';

/** One process of a container as the engine lists it (`docker top`): host PIDs, the whole command line. */
export interface ContainerProcess {
  pid: number;
  ppid: number;
  command: string;
}

/**
 * The processes of a running container and which one is its PID 1 (`State.Pid`, in the same PID
 * namespace as the list); or the container had stopped; or the engine's error.
 */
export type ProcessListing =
  | { state: 'listed'; pid1: number; processes: ContainerProcess[] }
  | { state: 'not-running' }
  | { state: 'list-failed'; reason: string };

/** Lists a running container's processes (`docker top` with the engine's default `ps -ef`) and its PID 1. */
export async function listProcesses(docker: Docker, id: string): Promise<ProcessListing> {
  const container = docker.getContainer(id);
  try {
    const top = (await container.top()) as { Titles?: string[]; Processes?: string[][] };
    const { State: state } = await container.inspect();
    if (!state.Running) return { state: 'not-running' };
    return { state: 'listed', pid1: state.Pid, processes: parseTop(top) };
  } catch (error) {
    if (!(await container.inspect().then((info) => info.State.Running, () => true))) return { state: 'not-running' };
    return { state: 'list-failed', reason: (error as Error).message };
  }
}

/** The rows of `docker top` as processes, by its column titles (`PID`, `PPID`, `CMD` or `COMMAND`). */
export function parseTop(top: { Titles?: string[]; Processes?: string[][] }): ContainerProcess[] {
  const titles = top.Titles ?? [];
  const pid = titles.indexOf('PID');
  const ppid = titles.indexOf('PPID');
  const command = titles.findIndex((title) => title === 'CMD' || title === 'COMMAND' || title === 'ARGS');
  if (pid === -1 || ppid === -1 || command === -1) return [];
  return (top.Processes ?? []).map((row) => ({ pid: Number(row[pid]), ppid: Number(row[ppid]), command: row.slice(command).join(' ') }));
}
