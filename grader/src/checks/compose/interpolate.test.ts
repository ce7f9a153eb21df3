import { describe, expect, test } from 'vitest';
import { interpolate } from './interpolate.ts';

describe('interpolate (no variable set)', () => {
  test.each([
    ['demo', 'demo', []],
    ['${USER_NAME:-demo}', 'demo', []],
    ['${USER_NAME-demo}', 'demo', []],
    ['${A:-${B:-demo}}', 'demo', []],
    ['pre-${V:-x}-post', 'pre-x-post', []],
    ['$$HOME', '$HOME', []],
    ['${V:+alt}', '', []],
    ['${V}', '', ['V']],
    ['$V', '', ['V']],
    ['a$V-b', 'a-b', ['V']],
    ['${V:?must be set}', '', ['V']],
    ['${A:-${B}}', '', ['B']],
    ['price: 5$', 'price: 5$', []],
  ])('%s', (text, value, unresolved) => {
    const result = interpolate(text);
    expect(result.value).toBe(value);
    expect(result.unresolved).toEqual(unresolved);
    expect(result.invalid).toBe(false);
  });

  test.each(['${', '${V', '${1V}', '${V%x}'])('%s is invalid syntax', (text) => {
    expect(interpolate(text).invalid).toBe(true);
  });
});
