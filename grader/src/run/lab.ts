import type { Lab } from '../lab/lab.ts';
import { LABS } from '../../../labs/index.ts';

export class UnknownLabError extends Error {}

/** The lab of this id among the grader's labs (`labs/<id>/`). */
export function labNamed(id: string): Lab {
  const lab = LABS.get(id);
  if (!lab) throw new UnknownLabError(`unknown lab "${id}" (labs: ${[...LABS.keys()].join(', ')})`);
  return lab;
}

/** The ids of the grader's labs. */
export function labIds(): string[] {
  return [...LABS.keys()];
}
