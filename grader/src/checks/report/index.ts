import type { StaticCheck } from '../check.ts';
import { check as present } from './present.ts';
import { check as ex12 } from './ex1-2.ts';
import { check as ex34 } from './ex3-4.ts';
import { check as ex56 } from './ex5-6.ts';
import { check as ex7 } from './ex7.ts';
import { check as ex8 } from './ex8.ts';
import { check as screenshots } from './screenshots.ts';
import { check as encoding } from './encoding.ts';

/** The report criteria (REPORT.md and the captures it links). */
export const reportChecks: StaticCheck[] = [present, ex12, ex34, ex56, ex7, ex8, screenshots, encoding];
