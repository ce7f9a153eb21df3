import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT } from '../../grader/src/integrity/files.ts';

// tests/support/node-check.cjs runs first in `npm test`, `npm run test:static` and `npm run grade`.
const CHECK = join(GRADER_ROOT, 'tests/support/node-check.cjs');
const check = createRequire(import.meta.url)(CHECK) as { ENGINES: string; isSupported: (v: string) => boolean; message: (v: string) => string };
// The machine's own Node.js, older than the grader's (the lab spec: Node 20), when there is one.
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path));

describe('the Node.js version check before the grader', () => {
  test("its range is package.json's engines and vitest's own", async () => {
    const pkg = JSON.parse(await readFile(join(GRADER_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const vitest = JSON.parse(await readFile(join(GRADER_ROOT, 'node_modules/vitest/package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(check.ENGINES);
    expect(vitest.engines.node).toBe(check.ENGINES);
  });

  test('accepts 22.12+, 24 and 26+; refuses older, 22 before 22.12 and the odd lines', () => {
    const accepted = ['22.12.0', 'v22.22.1', '24.0.0', '24.22.3', '26.0.0', '27.1.0'];
    const refused = ['18.20.0', '20.20.2', '22.11.0', '23.11.0', '25.2.1', 'v0.10.48'];
    expect(accepted.filter((v) => !check.isSupported(v))).toEqual([]);
    expect(refused.filter((v) => check.isSupported(v))).toEqual([]);
  });

  test('the running Node passes silently', async () => {
    const run = await execa(process.execPath, [CHECK], { reject: false, stdin: 'ignore' });
    expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  test.skipIf(!OLD_NODE)('an old Node.js gets one French message with what to install, exit code 2, no stack', async () => {
    const version = (await execa(OLD_NODE!, ['--version'])).stdout.trim().replace(/^v/, '');
    if (check.isSupported(version)) return; // this machine's own Node is recent: nothing to show
    const run = await execa(OLD_NODE!, [CHECK], { reject: false, stdin: 'ignore', stripFinalNewline: false });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(check.message(version));
    expect(run.stderr).toMatch(new RegExp(`^Node\\.js ${version.replace(/\./g, '\\.')} ne convient pas .*Node\\.js 24.*\\nInstallez .*relancez la commande\\.\\n$`));
  });
});
