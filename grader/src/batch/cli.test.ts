import { expect, test, vi } from 'vitest';
import { batchMain } from './cli.ts';

test('bad arguments: usage and exit code 2', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await batchMain(['--batch', 'x'])).toBe(2);
    expect(await batchMain(['--batch', 'x', '--merge', 'y', '--out', 'o'])).toBe(2);
    expect(await batchMain(['--batch', 'x', '--out', 'o', '--concurrency', '0'])).toBe(2);
    expect(await batchMain(['--batch', '/nonexistent-class-folder', '--out', 'o'])).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--out is required[\s\S]*give one of --batch and --merge[\s\S]*--concurrency must be a positive integer[\s\S]*is not a folder/);
  } finally {
    stderr.mockRestore();
  }
});
