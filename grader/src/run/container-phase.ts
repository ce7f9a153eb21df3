import type Docker from 'dockerode';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { RunIdentity } from '../docker/labels.ts';
import type { HttpServiceContract } from '../lab/lab.ts';
import { answersHttp, restartApiContainer, startApiContainer, timeGracefulStop, waitForHealth, type ApiContainer, type HealthObservation } from '../docker/container/run-api.ts';
import { betterStop, slowButHandled, type StopObservation } from '../docker/container/stop-time.ts';

export interface ContainerObservations {
  health: HealthObservation;
  stop: StopObservation;
}

/**
 * The built image run alone, as `docker run` would: /health within the start-up deadline, then the
 * stop timed while the server answers HTTP (a server that never answers has no stop worth judging).
 */
export async function observeContainer(docker: Docker, options: { run: RunIdentity; settings: RubricSettings; service: HttpServiceContract; signal?: AbortSignal }): Promise<ContainerObservations> {
  const { run, settings, service } = options;
  try {
    const api = await startApiContainer(docker, { image: run.imageTag, name: `${run.namePrefix}-api`, labels: run.labels, port: service.port });
    const health = await waitForHealth(docker, api, service.health, settings.startupTimeoutSeconds * 1000, options.signal);
    const stop: StopObservation = answersHttp(health) ? await measureStop(docker, api, settings, service, options.signal) : { state: 'not-judged', reason: 'no-http' };
    await docker.getContainer(api.id).remove({ force: true, v: true }).catch(() => undefined);
    return { health, stop };
  } catch (error) {
    return { health: { state: 'start-failed', reason: (error as Error).message }, stop: { state: 'not-judged', reason: 'no-http' } };
  }
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
