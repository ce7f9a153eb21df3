import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT, MANIFEST_REL } from './files.ts';
import { buildManifest, fingerprint, manifestDrift, readManifest } from './manifest.ts';

describe('grader/manifest.json', () => {
  // Fails when a grader-owned file changed since the manifest was generated: run `npm run manifest`.
  test('the committed manifest matches the grader-owned files (else: npm run manifest)', async () => {
    const [committed, fresh] = await Promise.all([readManifest(GRADER_ROOT), buildManifest(GRADER_ROOT)]);
    expect(committed, `${MANIFEST_REL} missing or invalid: run npm run manifest`).not.toBeNull();
    expect(manifestDrift(committed!.files, fresh.files), 'stale manifest: run npm run manifest').toEqual([]);
  });

  test('pins the student suites, the workflow, the rubric and the package files, and no test of the grader', async () => {
    const { files } = await buildManifest(GRADER_ROOT);
    for (const rel of ['tests/report.test.ts', '.github/workflows/classroom.yml', '.github/classroom/rubric.yml', 'package.json', 'package-lock.json', 'grader/src/run/grade.ts']) {
      expect(files[rel], rel).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(Object.keys(files).filter((rel) => rel.endsWith('.test.ts') && rel.startsWith('grader/'))).toEqual([]);
  });

  test('readManifest refuses a document that is not a manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-'));
    try {
      expect(await readManifest(dir)).toBeNull();
      await mkdir(join(dir, 'grader'));
      await writeFile(join(dir, MANIFEST_REL), '{"schema":"docker-lab-manifest/v1","files":{"a":1}}');
      expect(await readManifest(dir)).toBeNull();
      await writeFile(join(dir, MANIFEST_REL), 'not json');
      expect(await readManifest(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('fingerprint: sha256 of a file, a distinct value for a symlink, null when absent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    try {
      await writeFile(join(dir, 'f'), 'abc');
      await symlink(join(dir, 'f'), join(dir, 'l'));
      expect(await fingerprint(join(dir, 'f'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(await fingerprint(join(dir, 'l'))).toBe(`symlink:${join(dir, 'f')}`);
      expect(await fingerprint(join(dir, 'absent'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('manifestDrift lists changed, added and removed paths', () => {
    expect(manifestDrift({ a: '1', b: '2', c: '3' }, { a: '1', b: 'x', d: '4' })).toEqual(['b', 'c', 'd']);
  });
});
