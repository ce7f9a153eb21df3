import { writeFile } from 'node:fs/promises';
import { GENERATE_COMMAND, VALIDATOR_FILE, validatorIsCurrent, validatorSource } from './validator.ts';

// Regenerates the Compose validator module after a change to compose-spec.schema.json;
// `--check` only says whether it is out of date (exit code 1).
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    if (await validatorIsCurrent()) return 0;
    process.stderr.write(`${VALIDATOR_FILE} is out of date: run ${GENERATE_COMMAND}\n`);
    return 1;
  }
  await writeFile(VALIDATOR_FILE, await validatorSource());
  process.stdout.write(`written: ${VALIDATOR_FILE}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compose validator: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
