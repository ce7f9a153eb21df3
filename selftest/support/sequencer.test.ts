import { describe, expect, test } from 'vitest';
import { rotate, rotateBy } from './sequencer.ts';

describe('the order of a CI pass', () => {
  test('K/N starts at file ⌊length·K/N⌋ and wraps around', () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(rotate(files, rotateBy(files.length, '0/3'))).toEqual(files);
    expect(rotate(files, rotateBy(files.length, '1/3'))).toEqual(['c', 'd', 'e', 'f', 'g', 'a', 'b']);
    expect(rotate(files, rotateBy(files.length, '2/3'))).toEqual(['e', 'f', 'g', 'a', 'b', 'c', 'd']);
    expect(rotateBy(7, '3/3')).toBe(0);
  });

  test('unset, malformed or empty: the usual order', () => {
    for (const spec of [undefined, '', 'x', '1/0', '-1/3', '1.5/3']) expect(rotateBy(7, spec)).toBe(0);
    expect(rotateBy(0, '1/3')).toBe(0);
    expect(rotate([], 0)).toEqual([]);
  });
});
