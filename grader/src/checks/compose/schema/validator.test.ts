import { expect, test } from 'vitest';
import { GENERATE_COMMAND, validatorIsCurrent } from './validator.ts';

test('the committed Compose validator is the one compose-spec.schema.json compiles to', async () => {
  expect(await validatorIsCurrent(), `compose-spec.validate.js is out of date: run ${GENERATE_COMMAND}`).toBe(true);
});
