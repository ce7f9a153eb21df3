import type { StaticCheck } from '../check.ts';
import { check as baseImage } from './base-image.ts';
import { check as execForm } from './exec-form.ts';
import { check as expose } from './expose.ts';
import { check as healthcheck } from './healthcheck.ts';
import { check as layerOrder } from './layer-order.ts';
import { check as nonRoot } from './non-root.ts';
import { check as pipNoCache } from './pip-no-cache.ts';
import { check as present } from './present.ts';
import { check as workdir } from './workdir.ts';

/** The static criteria of starter/Dockerfile, in catalogue order. */
export const dockerfileChecks: StaticCheck[] = [
  present,
  baseImage,
  workdir,
  layerOrder,
  pipNoCache,
  execForm,
  expose,
  nonRoot,
  healthcheck,
];
