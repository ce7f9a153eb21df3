import type { StaticCheck } from '../check.ts';
import { check as pinned } from './pinned.ts';

/** The static criteria of starter/requirements.txt. */
export const requirementsChecks: StaticCheck[] = [pinned];
