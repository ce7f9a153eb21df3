import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { graderEntries, layerViolations, readLayers } from '../support/layers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('imports follow the layers written in INSTRUCTORS.md', () => {
  test('every folder and top-level file of grader/src/ is placed in one layer', async () => {
    const layers = readLayers(await readFile(`${ROOT}/INSTRUCTORS.md`, 'utf8'));
    const placed = layers.flatMap((l) => l.paths).sort();
    expect(placed).toEqual(await graderEntries(ROOT));
  });

  test('no import points up a layer, sideways to a sibling folder or to another subfolder of checks/, into the maintainers\' code, or round a cycle', async () => {
    const layers = readLayers(await readFile(`${ROOT}/INSTRUCTORS.md`, 'utf8'));
    const violations = await layerViolations(ROOT, layers);
    expect(violations.map((v) => `${v.from} → ${v.to} (${v.rule})`)).toEqual([]);
  }, 120_000);
});
