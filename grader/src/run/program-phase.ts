import type Docker from 'dockerode';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { RunIdentity } from '../docker/labels.ts';
import type { ProgramContract } from '../lab/lab.ts';
import { runToCompletion } from '../docker/container/run-to-completion.ts';
import type { ProgramObservation } from '../checks/observations.ts';

export interface ProgramObservations {
  plain: ProgramObservation;
  env: ProgramObservation;
  override: ProgramObservation;
}

/**
 * The built image run as the lab's program, the three ways the student runs it (`docker run --rm
 * IMAGE`, with `-e NAME=VALUE`, with a command), side by side, each within the start-up deadline.
 * Each observation carries the run it made, so that a criterion judges it without the lab.
 */
export async function observeProgram(
  docker: Docker,
  options: { run: RunIdentity; settings: RubricSettings; program: ProgramContract; signal?: AbortSignal },
): Promise<ProgramObservations> {
  const { run, settings, program, signal } = options;
  const observe = async (key: keyof ProgramContract): Promise<ProgramObservation> => {
    const contract = program[key];
    const outcome = await runToCompletion(docker, {
      image: run.imageTag,
      name: `${run.namePrefix}-program-${key}`,
      labels: run.labels,
      env: contract.env,
      command: contract.command,
      timeoutMs: settings.startupTimeoutSeconds * 1000,
      signal,
    });
    return { state: 'ran', run: contract, outcome };
  };
  const [plain, env, override] = await Promise.all([observe('plain'), observe('env'), observe('override')]);
  return { plain, env, override };
}
