import type Docker from 'dockerode';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { RunIdentity } from '../docker/labels.ts';
import type { HttpServiceContract } from '../lab/lab.ts';
import { answersHttp, restartApiContainer, startApiContainer, timeGracefulStop, waitForHealth, type ApiContainer, type HealthObservation } from '../docker/container/run-api.ts';
import { listProcesses, type ProcessListing } from '../docker/container/processes.ts';
import { betterStop, slowButHandled, type StopObservation } from '../docker/container/stop-time.ts';

/** The processes serving HTTP, listed while the server served; not judged when none was seen serving. */
export type ServerObservation = ProcessListing | { state: 'not-judged'; reason: 'no-http' };

export interface ContainerObservations {
  health: HealthObservation;
  stop: StopObservation;
  /** Only when the lab's service names its server (`service.server`). */
  server?: ServerObservation;
}

/**
 * The built image run alone, as `docker run` would: /health within the start-up deadline; when the
 * lab names the server that must serve HTTP, the container's processes listed while it serves;
 * then the stop timed while the server answers HTTP (a server that never answers has no stop worth
 * judging).
 */
export async function observeContainer(docker: Docker, options: { run: RunIdentity; settings: RubricSettings; service: HttpServiceContract; signal?: AbortSignal }): Promise<ContainerObservations> {
  const { run, settings, service } = options;
  try {
    const api = await startApiContainer(docker, { image: run.imageTag, name: `${run.namePrefix}-api`, labels: run.labels, port: service.port });
    const health = await waitForHealth(docker, api, service.health, settings.startupTimeoutSeconds * 1000, options.signal);
    const server: ServerObservation | undefined = service.server && (servesHttp(health) ? await listProcesses(docker, api.id) : { state: 'not-judged', reason: 'no-http' });
    const stop: StopObservation = answersHttp(health) ? await measureStop(docker, api, settings, service, options.signal) : { state: 'not-judged', reason: 'no-http' };
    await docker.getContainer(api.id).remove({ force: true, v: true }).catch(() => undefined);
    return { health, stop, ...(server && { server }) };
  } catch (error) {
    const notJudged = { state: 'not-judged', reason: 'no-http' } as const;
    return { health: { state: 'start-failed', reason: (error as Error).message }, stop: notJudged, ...(service.server && { server: notJudged }) };
  }
}

/**
 * Whether a server was seen serving HTTP, the condition for listing which process it is: it answered
 * on the published port (whatever /health returned), or its start-up line says it listens on the
 * container's loopback only (it serves, where no published port reaches it).
 */
function servesHttp(health: HealthObservation): boolean {
  return answersHttp(health) || health.state === 'loopback-only';
}

/**
 * Times `docker stop`; a stop that PID 1 ended by itself but over the limit is measured once more
 * (the container started again and answering HTTP), so that one starved moment of the machine does
 * not fail a correct server. A PID 1 the engine had to kill is judged on its first measure.
 */
async function measureStop(docker: Docker, api: ApiContainer, settings: RubricSettings, service: HttpServiceContract, signal?: AbortSignal): Promise<StopObservation> {
  const first = await timeGracefulStop(docker, api, settings.stopLimitSeconds);
  if (!slowButHandled(first, settings.stopLimitSeconds)) return first;
  const again = await restartApiContainer(docker, api, service.port);
  const health = await waitForHealth(docker, again, service.health, settings.startupTimeoutSeconds * 1000, signal);
  return answersHttp(health) ? betterStop(first, await timeGracefulStop(docker, again, settings.stopLimitSeconds)) : first;
}
