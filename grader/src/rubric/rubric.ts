import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { RUBRIC_PATH } from '../location.ts';
import { CRITERION_IDS, isCriterionId, type CriterionId } from '../model/criteria.ts';

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

export function parseRubric(text: string): Rubric {
  const doc = parse(text) as {
    groups?: Record<string, string>;
    criteria?: Record<string, { title?: string; group?: string; points?: number }>;
    settings?: Partial<RubricSettings>;
  } | null;
  if (!doc || typeof doc !== 'object' || !doc.criteria) throw new RubricError('rubric: missing "criteria"');
  const groups = doc.groups ?? {};
  const criteria = new Map<CriterionId, RubricCriterion>();
  for (const [id, entry] of Object.entries(doc.criteria)) {
    if (!isCriterionId(id)) throw new RubricError(`rubric: unknown criterion id "${id}"`);
    const points = entry?.points;
    if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) {
      throw new RubricError(`rubric: ${id}: points must be a non-negative integer`);
    }
    const group = entry.group ?? '';
    if (!(group in groups)) throw new RubricError(`rubric: ${id}: unknown group "${group}"`);
    criteria.set(id, { id, title: entry.title ?? id, group, points });
  }
  for (const id of CRITERION_IDS) {
    if (!criteria.has(id)) throw new RubricError(`rubric: criterion "${id}" is missing`);
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
