import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Label carried by every container, network, volume and image a grading run creates. */
export const RUN_LABEL = 'org.docker-lab.run';
/** Pid and host of the grading process, so a later run can sweep what a dead one left behind. */
export const PID_LABEL = 'org.docker-lab.pid';
export const HOST_LABEL = 'org.docker-lab.host';

export interface RunIdentity {
  /** `p<pid>-<random>`: the grading process's pid is readable from the id alone. */
  id: string;
  labels: Record<string, string>;
  /** Compose project name, unique per run. */
  project: string;
  /** Tag of the image built once for the run. */
  imageTag: string;
  /** Prefix of container names created directly (not through Compose). */
  namePrefix: string;
}

export function newRunIdentity(): RunIdentity {
  const id = `p${process.pid}-${randomBytes(5).toString('hex')}`;
  return {
    id,
    labels: { [RUN_LABEL]: id, [PID_LABEL]: String(process.pid), [HOST_LABEL]: hostname() },
    project: `dockerlab-${id}`,
    imageTag: `docker-lab-grade/api:${id}`,
    namePrefix: `dockerlab-${id}`,
  };
}

/** The pid of the process that owns a run, from its PID label or, for images, from the run id. */
export function pidOfRun(runId: string, pidLabel?: string): number {
  const fromLabel = Number(pidLabel);
  if (Number.isInteger(fromLabel) && fromLabel > 0) return fromLabel;
  const match = /^p(\d+)-/.exec(runId);
  return match ? Number(match[1]) : 0;
}
