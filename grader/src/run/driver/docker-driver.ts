import type Docker from 'dockerode';
import { buildImage } from '../../docker/build/build-image.ts';
import { measureAddedLayers } from '../../docker/build/layers.ts';
import { removeUntilGone } from '../../docker/cleanup/reaper.ts';
import { dockerfileOf } from '../../lab/lab.ts';
import { observeContainer } from '../container-phase.ts';
import { observeProgram } from '../program-phase.ts';
import { observeStack } from '../stack-phase.ts';
import type { ObservationDriver } from './driver.ts';

/** Observes a grading run on a Docker engine: BuildKit for the build, dockerode for containers, Compose for the stack. */
export function dockerDriver(docker: Docker): ObservationDriver {
  return {
    async build({ submission, imageContext, run, settings, signal, phase, onProgress }) {
      const context = await submission.resolve(imageContext);
      const dockerfile = await submission.read(dockerfileOf({ imageContext }));
      const dockerfileText = dockerfile.state === 'ok' ? dockerfile.bytes.toString('utf8') : undefined;
      const build = context.state === 'ok'
        ? await phase('build', () => buildImage(docker, { contextDir: context.abs, tag: run.imageTag, labels: run.labels, timeoutMs: settings.buildTimeoutSeconds * 1000, network: process.env.DOCKER_LAB_BUILD_NETWORK, signal, onProgress }))
        : ({ state: 'no-context', reason: context.state, durationMs: 0 } as const);
      return { build, dockerfileText, timeoutSeconds: settings.buildTimeoutSeconds };
    },

    size({ run, base }) {
      return measureAddedLayers(docker, run.imageTag, base).catch((error: Error) => ({ state: 'unknown-base' as const, why: { kind: 'engine-error' as const, message: error.message } }));
    },

    async container({ run, settings, service, signal, phase }) {
      const { health, stop, server = { state: 'not-judged', reason: 'no-server' } } = await phase('container', () => observeContainer(docker, { run, settings, service, signal }));
      return { health, stop, server };
    },

    program({ run, settings, program, signal, phase }) {
      return phase('program', () => observeProgram(docker, { run, settings, program, signal }));
    },

    stack({ submission, settings, stack, imageContext, run, teardown, phase, signal }) {
      return observeStack({ submission, settings, stack, imageContext, run, teardown, phase, signal });
    },

    cleanUp(run) {
      return removeUntilGone(docker, run.id);
    },
  };
}
