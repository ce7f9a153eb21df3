import Docker from 'dockerode';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { removeRunResources, removeUntilGone } from './reaper.ts';

// An engine that does not answer: a real client on a socket that does not exist.
const silent = new Docker({ socketPath: join(tmpdir(), `docker-lab-no-engine-${process.pid}.sock`) });

describe('the reaper reports what it could not check', () => {
  it('records every failed list call instead of reading it as "nothing left"', async () => {
    const report = await removeRunResources(silent, 'p1-0000000000');
    expect(report.containers + report.volumes + report.networks + report.images).toBe(0);
    expect(report.errors.map((e) => e.split(':')[0])).toEqual(['listing containers', 'listing volumes', 'listing networks', 'listing images']);
  });

  it('does not report a run clean when the engine did not answer', async () => {
    await expect(removeUntilGone(silent, 'p1-0000000000', 300)).rejects.toThrow(/not checkable: listing containers/);
  });
});
