import { criterionTests } from './support/criteria.ts';

criterionTests('report');
