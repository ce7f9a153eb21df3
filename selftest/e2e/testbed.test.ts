import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { rawDockerFloor } from '../support/raw-floor.ts';
import { REFERENCE_DIR, TEMPLATE_DIR } from '../support/submission.ts';
import { labelledResidue } from '../support/residue.ts';

// The hermetic test bed is real: the reference solution builds and runs on this machine's engine
// with plain docker and docker compose, and the untouched starter does not build.
describe('test bed', () => {
  test('the reference solution builds, serves /health, runs psql and keeps data across down/up', { timeout: 300_000 }, async () => {
    const result = await rawDockerFloor(REFERENCE_DIR);
    expect(result.health).toEqual({ status: 'ok' });
    expect(result.composeHealth).toEqual({ status: 'ok' });
    expect(result.psql).toBe('demo');
    expect(result.persisted).toMatch(/^floor[0-9a-f]{8}$/);
    expect(await labelledResidue()).toEqual([]);
  });

  test('the untouched starter does not build', { timeout: 120_000 }, async () => {
    const build = await execa('docker', ['build', '-q', '--network', 'none', join(TEMPLATE_DIR, 'starter')], { reject: false, stdin: 'ignore' });
    expect(build.exitCode).not.toBe(0);
    expect(build.stderr).toMatch(/no instructions|FROM|dockerfile/i);
  });
});
