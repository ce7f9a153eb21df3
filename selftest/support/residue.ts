import { execa } from 'execa';
import { PID_LABEL } from '../../grader/src/docker/labels.ts';

/**
 * Containers, volumes, networks and images left on the engine by this process's grading runs (those
 * labelled with its pid). Runs of other processes are not counted: CI runs its passes side by side,
 * and another pass's engine-context test grades on this pass's engine (.ci/run).
 */
export async function labelledResidue(): Promise<string[]> {
  const list = async (kind: string[], field = '{{.ID}}') => {
    const { stdout } = await execa('docker', [...kind, '--filter', `label=${PID_LABEL}=${process.pid}`, '--format', field], { stdin: 'ignore' });
    return stdout.split('\n').filter(Boolean).map((id) => `${kind.join(' ')} ${id}`);
  };
  const parts = await Promise.all([list(['ps', '-a']), list(['volume', 'ls'], '{{.Name}}'), list(['network', 'ls']), list(['image', 'ls'])]);
  return parts.flat();
}
