import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { layerViolations, readLayers, type Violation } from './layers.ts';

// The layer rules on a small project of their own: each file imports the paths listed, and the
// test reads which imports the rules refuse.
const FILES: Record<string, string[]> = {
  'grader/src/model/result.ts': [],
  'grader/src/model/uses-checks.ts': ['../checks/shared.ts'],
  'grader/src/checks/shared.ts': ['../model/result.ts'],
  'grader/src/checks/testing.ts': ['./shared.ts'],
  'grader/src/checks/alpha/one.ts': ['../shared.ts', '../../model/result.ts'],
  'grader/src/checks/alpha/two.ts': ['./one.ts'],
  'grader/src/checks/alpha/nested/three.ts': ['../one.ts'],
  'grader/src/checks/alpha/one.test.ts': ['./one.ts', '../testing.ts'],
  'grader/src/checks/beta/four.ts': ['../alpha/one.ts', '../shared.ts'],
  'grader/src/checks/beta/four.test.ts': ['../alpha/nested/three.ts'],
  'grader/src/checks/gamma/five.ts': ['../beta/four.ts'],
  'tests/suite.ts': ['../grader/src/checks/alpha/one.ts', '../grader/src/checks/beta/four.ts'],
  'grader/src/lab/lab.ts': [],
  'grader/src/run/lab.ts': ['../../../labs/index.ts'],
  'grader/src/checks/alpha/knows-a-lab.ts': ['../../../../labs/one/lab.ts'],
  'grader/src/checks/alpha/lab.test.ts': ['../../../../labs/one/lab.ts'],
  'labs/index.ts': ['./one/lab.ts', './two/lab.ts'],
  'labs/one/lab.ts': ['../../grader/src/lab/lab.ts', './questions.ts'],
  'labs/one/questions.ts': [],
  'labs/one/lab.test.ts': ['./lab.ts', '../../grader/src/checks/shared.ts'],
  'labs/two/lab.ts': ['../one/questions.ts', '../../grader/src/checks/shared.ts'],
  'labs/two/notions.ts': ['../../grader/src/checks/testing.ts'],
  'labs/one/mutants.ts': ['./testing.ts', './questions.ts', '../../grader/src/lab/lab.ts', '../../grader/src/checks/testing.ts'],
  'labs/one/testing.ts': ['../../grader/src/checks/testing.ts', '../../grader/src/checks/shared.ts'],
  'selftest/.keep.ts': [],
  'bench/.keep.ts': [],
};

const README = `# Project

## Grader code: layers

| Layer | Folders | What they hold |
|---|---|---|
| 1 | \`model/\` | types |
| 2 | \`checks/\` | criteria |
`;

let root: string;
let violations: Violation[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'layers-'));
  for (const [file, imports] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), `${imports.map((path, i) => `import * as m${i} from '${path}';\n`).join('')}export const used = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`);
  }
  violations = await layerViolations(root, readLayers(README));
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const refused = (rule: string) => violations.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`).sort();

describe('layer rules', () => {
  test('a subfolder of checks/ imports no other subfolder of it, in code and in tests alike', () => {
    expect(refused('separate subfolders: grader/src/checks/')).toEqual([
      'grader/src/checks/beta/four.test.ts → grader/src/checks/alpha/nested/three.ts',
      'grader/src/checks/beta/four.ts → grader/src/checks/alpha/one.ts',
      'grader/src/checks/gamma/five.ts → grader/src/checks/beta/four.ts',
    ]);
  });

  test('a subfolder of checks/ imports its own folder (nested ones too), checks/ itself and the layers below; code outside checks/ is not bound by it', () => {
    const allowed = violations.filter((v) => v.rule.startsWith('separate subfolders') && (v.from.startsWith('grader/src/checks/alpha/') || v.from.startsWith('tests/') || v.from === 'grader/src/checks/shared.ts'));
    expect(allowed).toEqual([]);
  });

  test('an import of a higher layer is refused', () => {
    expect(refused('layer 1: grader/src/model/')).toEqual(['grader/src/model/uses-checks.ts → grader/src/checks/shared.ts']);
  });

  test('a lab folder is data: it imports its own folder and the lab types, no other lab and no other grader code (its tests may judge it with the grader)', () => {
    expect(refused('labs-are-data')).toEqual(['labs/two/lab.ts → grader/src/checks/shared.ts', 'labs/two/notions.ts → grader/src/checks/testing.ts']);
    expect(refused('labs-apart')).toEqual(['labs/two/lab.ts → labs/one/questions.ts']);
  });

  test('a lab\'s mutants.ts and testing.ts may also use the grader\'s test helpers (testing.ts), not its real code', () => {
    expect(refused('labs-are-data (test material)')).toEqual(['labs/one/testing.ts → grader/src/checks/shared.ts']);
  });

  test('the grader knows no lab: only run/lab.ts reaches the registry; tests may use a lab', () => {
    expect(refused('grader-knows-no-lab')).toEqual(['grader/src/checks/alpha/knows-a-lab.ts → labs/one/lab.ts']);
  });

  test('nothing else is refused', () => {
    const rules = ['separate subfolders: grader/src/checks/', 'layer 1: grader/src/model/', 'labs-are-data', 'labs-are-data (test material)', 'labs-apart', 'grader-knows-no-lab'];
    expect(violations.filter((v) => !rules.includes(v.rule))).toEqual([]);
  });
});
