import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { batchMain } from './cli.ts';
import { BaseTextError, loadBaseText } from './base-text.ts';
import { writeGradebook } from './write.ts';
import { BOOK } from './testing.ts';

test('bad arguments: usage and exit code 2', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await batchMain(['--batch', 'x'])).toBe(2);
    expect(await batchMain(['--batch', 'x', '--merge', 'y', '--out', 'o'])).toBe(2);
    expect(await batchMain(['--batch', 'x', '--out', 'o', '--concurrency', '0'])).toBe(2);
    expect(await batchMain(['--batch', '/nonexistent-class-folder', '--out', 'o'])).toBe(2);
    expect(await batchMain(['--batch', 'x', '--out', 'o', '--base-text', '/nonexistent-handout.md'])).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /--out is required[\s\S]*give one of --batch and --merge[\s\S]*--concurrency must be a positive integer[\s\S]*is not a folder[\s\S]*--base-text \/nonexistent-handout.md: cannot be read \(ENOENT\)/,
    );
  } finally {
    stderr.mockRestore();
  }
});

test('base text: text files read (repeatable); a binary, empty or missing file is refused with a clear message; --merge asks for it again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'base-text-'));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await writeFile(join(dir, 'poly.md'), '# Polycopié\n\nUn conteneur est une instance vivante de son image.\n');
    await writeFile(join(dir, 'annexe.txt'), 'Les volumes gardent les données de PostgreSQL.');
    await writeFile(join(dir, 'poly.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    await writeFile(join(dir, 'empty.md'), '# 1\n\n---\n');
    const base = await loadBaseText([join(dir, 'poly.md'), join(dir, 'annexe.txt')]);
    expect(base!.files).toEqual(['poly.md', 'annexe.txt']);
    expect(base!.hashes).toHaveLength(3 + 2); // k-grams of 3 words within each file, not across them
    expect(await loadBaseText([])).toBeUndefined();
    await expect(loadBaseText([join(dir, 'poly.pdf')])).rejects.toThrow(/not a text file .*plain text or Markdown/);
    await expect(loadBaseText([join(dir, 'empty.md')])).rejects.toThrow(/holds no words/);
    await expect(loadBaseText([dir])).rejects.toBeInstanceOf(BaseTextError);

    // A job compared with a base text: merging without it would list those who pasted it.
    await writeGradebook(join(dir, 'artifacts', 'grades-0'), { ...BOOK, baseText: ['poly.md'] });
    expect(await batchMain(['--merge', join(dir, 'artifacts'), '--out', join(dir, 'merged')])).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/compared its answers with base text poly\.md: pass it to --merge again \(--base-text FILE\)/);
  } finally {
    stderr.mockRestore();
    await rm(dir, { recursive: true, force: true });
  }
});
