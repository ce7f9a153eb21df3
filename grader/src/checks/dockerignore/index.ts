import type { StaticCheck } from '../check.ts';
import { check as present } from './present.ts';

/** The static criteria of starter/.dockerignore. */
export const dockerignoreChecks: StaticCheck[] = [present];
