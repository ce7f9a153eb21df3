import type { StaticCheck } from '../check.ts';
import { check as valid } from './valid.ts';
import { check as api } from './api.ts';
import { check as db } from './db.ts';
import { check as dbVolume } from './db-volume.ts';
import { check as healthcheck } from './healthcheck.ts';
import { check as noVersionKey } from './no-version-key.ts';

/** The static criteria of docker-compose.yml, in catalogue order. */
export const composeChecks: StaticCheck[] = [valid, api, db, dbVolume, healthcheck, noVersionKey];
