import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { RUBRIC_PATH } from '../location.ts';
import { CRITERION_IDS, type CriterionId } from '../model/criteria.ts';

export interface RubricCriterion {
  id: CriterionId;
  title: string;
  group: string;
  points: number;
}

export interface RubricSettings {
  imageSizeLimitMB: number;
  buildTimeoutSeconds: number;
  startupTimeoutSeconds: number;
  stopLimitSeconds: number;
  stackTimeoutSeconds: number;
  minAnswerWords: number;
  /** Batch regrade: answers shorter than this (words of own prose) are not compared between students. */
  similarityMinWords: number;
  /** Batch regrade: resemblance (0..1) from which two students' answers to a question are listed as similar. */
  similarityMinScore: number;
}

export interface Rubric {
  groups: Record<string, string>;
  criteria: Map<CriterionId, RubricCriterion>;
  settings: RubricSettings;
}

/** The rubric shipped with the grader (grader-owned, never taken from a submission). */
export const DEFAULT_RUBRIC_PATH = RUBRIC_PATH;

export const DEFAULT_SETTINGS: RubricSettings = {
  imageSizeLimitMB: 100,
  buildTimeoutSeconds: 300,
  startupTimeoutSeconds: 60,
  stopLimitSeconds: 5,
  stackTimeoutSeconds: 120,
  minAnswerWords: 12,
  similarityMinWords: 15,
  similarityMinScore: 0.6,
};

export class RubricError extends Error {}

/** A criterion id as the rubric writes it: `<group>.<name>`, naming the module `checks/<group>/<name>.ts`. */
export const CRITERION_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Reads and validates a rubric. `known` is the catalogue the grader was generated for (every id must
 * be in it and every one of it in the rubric); `npm run rubric:sync` passes `'any'`, as it
 * regenerates that catalogue from the rubric and checks each id against its module instead.
 */
export function parseRubric(text: string, known: readonly string[] | 'any' = CRITERION_IDS): Rubric {
  const doc = parse(text) as {
    groups?: Record<string, string>;
    criteria?: Record<string, { title?: string; group?: string; points?: number }>;
    settings?: Partial<RubricSettings>;
  } | null;
  if (!doc || typeof doc !== 'object' || !doc.criteria) throw new RubricError('rubric: missing "criteria"');
  const groups = doc.groups ?? {};
  const criteria = new Map<CriterionId, RubricCriterion>();
  for (const [id, entry] of Object.entries(doc.criteria)) {
    if (known === 'any' ? !CRITERION_ID_PATTERN.test(id) : !known.includes(id)) {
      throw new RubricError(`rubric: unknown criterion id "${id}"${known === 'any' ? ' (expected <group>.<name>, lowercase)' : ' (after adding a criterion, run npm run rubric:sync)'}`);
    }
    const points = entry?.points;
    if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) {
      throw new RubricError(`rubric: ${id}: points must be a non-negative integer`);
    }
    const group = entry.group ?? '';
    if (!(group in groups)) throw new RubricError(`rubric: ${id}: unknown group "${group}"`);
    criteria.set(id as CriterionId, { id: id as CriterionId, title: entry.title ?? id, group, points });
  }
  for (const id of known === 'any' ? [] : known) {
    if (!criteria.has(id as CriterionId)) throw new RubricError(`rubric: criterion "${id}" is missing`);
  }
  const settings = { ...DEFAULT_SETTINGS, ...(doc.settings ?? {}) };
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value !== 'number' || !(value > 0)) throw new RubricError(`rubric: settings.${key} must be a positive number`);
  }
  if (settings.similarityMinScore > 1) throw new RubricError('rubric: settings.similarityMinScore must be at most 1');
  return { groups, criteria, settings };
}

export async function loadRubric(path = DEFAULT_RUBRIC_PATH): Promise<Rubric> {
  return parseRubric(await readFile(path, 'utf8'));
}
