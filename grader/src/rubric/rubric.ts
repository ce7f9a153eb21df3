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
  /** The lab graded: its folder's name under `labs/` (`lab:` at the top of the rubric; default the first lab). */
  lab: string;
  groups: Record<string, string>;
  /** Per group, where to look and how to reproduce its checks by hand (French, shown with a failed criterion). */
  hints: Record<string, string>;
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

/** The lab a rubric without a `lab:` key grades: the kit's first lab, whose rubric predates the key. */
export const DEFAULT_LAB_ID = 'csc8613-tp1';
const LAB_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A criterion id as the rubric writes it: `<group>.<name>`, naming the module `checks/<group>/<name>.ts`. */
export const CRITERION_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Reads and validates a rubric. `known` is the catalogue the grader was generated for: every id must
 * be in it (a lab's rubric picks the criteria its lab asks for); `npm run rubric:sync` passes `'any'`,
 * as it regenerates that catalogue from the labs' rubrics and checks each id against its module instead.
 */
export function parseRubric(text: string, known: readonly string[] | 'any' = CRITERION_IDS): Rubric {
  const doc = parse(text) as {
    lab?: unknown;
    groups?: Record<string, string>;
    hints?: Record<string, unknown>;
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
  if (criteria.size === 0) throw new RubricError('rubric: "criteria" is empty');
  const lab = doc.lab ?? DEFAULT_LAB_ID;
  if (typeof lab !== 'string' || !LAB_ID.test(lab)) throw new RubricError('rubric: "lab" must be the name of a folder of labs/ (lowercase letters, digits, dashes)');
  const settings = { ...DEFAULT_SETTINGS, ...(doc.settings ?? {}) };
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value !== 'number' || !(value > 0)) throw new RubricError(`rubric: settings.${key} must be a positive number`);
  }
  if (settings.similarityMinScore > 1) throw new RubricError('rubric: settings.similarityMinScore must be at most 1');
  const hints: Record<string, string> = {};
  for (const [group, hint] of Object.entries(doc.hints ?? {})) {
    if (!(group in groups)) throw new RubricError(`rubric: hints: unknown group "${group}"`);
    if (typeof hint !== 'string' || hint.trim() === '') throw new RubricError(`rubric: hints.${group} must be a sentence`);
    hints[group] = hint;
  }
  return { lab, groups, hints, criteria, settings };
}

export async function loadRubric(path = DEFAULT_RUBRIC_PATH): Promise<Rubric> {
  return parseRubric(await readFile(path, 'utf8'));
}
