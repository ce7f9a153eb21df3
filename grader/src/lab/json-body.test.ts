import { describe, expect, test } from 'vitest';
import { isJsonObject } from './json-body.ts';

describe('isJsonObject', () => {
  test('the expected keys and values, whatever the order and spacing', () => {
    expect(isJsonObject('{"status":"ok"}', { status: 'ok' })).toBe(true);
    expect(isJsonObject('{ "status" : "ok" }\n', { status: 'ok' })).toBe(true);
    expect(isJsonObject('{"b":1,"a":"x"}', { a: 'x', b: 1 })).toBe(true);
  });

  test('nothing else: another value, an extra key, another shape, not JSON', () => {
    expect(isJsonObject('{"status":"up"}', { status: 'ok' })).toBe(false);
    expect(isJsonObject('{"status":"ok","db":"up"}', { status: 'ok' })).toBe(false);
    expect(isJsonObject('[{"status":"ok"}]', { status: 'ok' })).toBe(false);
    expect(isJsonObject('"ok"', { status: 'ok' })).toBe(false);
    expect(isJsonObject('status: ok', { status: 'ok' })).toBe(false);
  });
});
