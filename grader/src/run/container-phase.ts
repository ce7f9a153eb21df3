import type Docker from 'dockerode';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { RunIdentity } from '../docker/labels.ts';
import { LAB_API, LAB_HEALTH } from '../lab/api.ts';
import { answersHttp, startApiContainer, timeGracefulStop, waitForHealth, type HealthObservation, type StopObservation } from '../docker/container/run-api.ts';

export interface ContainerObservations {
  health: HealthObservation;
  stop: StopObservation;
}

/**
 * The built image run alone, as `docker run` would: /health within the start-up deadline, then the
 * stop timed while the server answers HTTP (a server that never answers has no stop worth judging).
 */
export async function observeContainer(docker: Docker, options: { run: RunIdentity; settings: RubricSettings; signal?: AbortSignal }): Promise<ContainerObservations> {
  const { run, settings } = options;
  try {
    const api = await startApiContainer(docker, { image: run.imageTag, name: `${run.namePrefix}-api`, labels: run.labels, port: LAB_API.port });
    const health = await waitForHealth(docker, api, LAB_HEALTH, settings.startupTimeoutSeconds * 1000, options.signal);
    const stop: StopObservation = answersHttp(health) ? await timeGracefulStop(docker, api, settings.stopLimitSeconds) : { state: 'not-judged', reason: 'no-http' };
    await docker.getContainer(api.id).remove({ force: true, v: true }).catch(() => undefined);
    return { health, stop };
  } catch (error) {
    return { health: { state: 'start-failed', reason: (error as Error).message }, stop: { state: 'not-judged', reason: 'no-http' } };
  }
}
