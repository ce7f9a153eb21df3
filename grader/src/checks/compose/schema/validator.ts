import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

// The Compose schema is compiled once, here, into a committed module (ajv's standalone code):
// grading imports that module instead of compiling the schema on every run (~400 ms of CPU).

export const SCHEMA_FILE = fileURLToPath(new URL('./compose-spec.schema.json', import.meta.url));
export const VALIDATOR_FILE = fileURLToPath(new URL('./compose-spec.validate.js', import.meta.url));
export const GENERATE_COMMAND = 'node --experimental-strip-types grader/src/checks/compose/schema/generate-cli.ts';

/** Ajv's options for the Compose schema: every error (each one becomes a French line), union types. */
const OPTIONS = { allErrors: true, allowUnionTypes: true, code: { source: true, esm: true } } as const;

/** The source of the validator module for the schema in `SCHEMA_FILE`. */
export async function validatorSource(): Promise<string> {
  const schema: unknown = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));
  const ajv = new Ajv(OPTIONS);
  // A CommonJS module typed as an ES one: its exports' `default` is the function, for Node and tsc alike.
  const code = standaloneCode.default(ajv, ajv.compile(schema as object));
  return `// Generated from compose-spec.schema.json by \`${GENERATE_COMMAND}\`: do not edit.\n${code}\n`;
}

/** Whether the committed validator module is the one the schema gives today. */
export async function validatorIsCurrent(): Promise<boolean> {
  const committed = await readFile(VALIDATOR_FILE, 'utf8').catch(() => '');
  return committed === (await validatorSource());
}
