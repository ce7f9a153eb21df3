import type { Rubric } from '../rubric/rubric.ts';

/** The French hint of a group: the rubric's (`hints:`), else where to look in general. */
export function groupHint(group: string, rubric: Pick<Rubric, 'hints'>): string {
  return rubric.hints[group] ?? 'Relisez la consigne correspondante dans le README.';
}
