import type { StaticCheck } from './check.ts';
import { dockerfileChecks } from './dockerfile/index.ts';
import { dockerignoreChecks } from './dockerignore/index.ts';
import { requirementsChecks } from './requirements/index.ts';
import { composeChecks } from './compose/index.ts';
import { reportChecks } from './report/index.ts';

/** Every static check the grader runs, one per criterion. */
export const STATIC_CHECKS: StaticCheck[] = [
  ...dockerfileChecks,
  ...dockerignoreChecks,
  ...requirementsChecks,
  ...composeChecks,
  ...reportChecks,
];
