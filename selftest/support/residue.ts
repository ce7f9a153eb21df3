import { execa } from 'execa';
import { RUN_LABEL } from '../../grader/src/docker/labels.ts';

/** Containers, volumes, networks and images that carry a grading run's label (any run). */
export async function labelledResidue(): Promise<string[]> {
  const list = async (kind: string[], field = '{{.ID}}') => {
    const { stdout } = await execa('docker', [...kind, '--filter', `label=${RUN_LABEL}`, '--format', field], { stdin: 'ignore' });
    return stdout.split('\n').filter(Boolean).map((id) => `${kind.join(' ')} ${id}`);
  };
  const parts = await Promise.all([list(['ps', '-a']), list(['volume', 'ls'], '{{.Name}}'), list(['network', 'ls']), list(['image', 'ls'])]);
  return parts.flat();
}
