import type { ValidateFunction } from 'ajv';

/** The Compose schema's validator, compiled ahead of time (see validator.ts). */
declare const validate: ValidateFunction;
export default validate;
