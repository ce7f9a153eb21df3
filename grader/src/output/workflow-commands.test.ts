import { describe, expect, test } from 'vitest';
import { inertBlock, openInert, closeInert, stopCommandsToken } from './workflow-commands.ts';

describe('workflow commands', () => {
  test('tokens are random and long', () => {
    const a = stopCommandsToken();
    expect(a).toMatch(/^[0-9a-f]{48}$/);
    expect(stopCommandsToken()).not.toBe(a);
  });

  test('an inert block opens and closes with the token on their own lines', () => {
    expect(inertBlock('x\n::notice::y', 'tok')).toBe('::stop-commands::tok\nx\n::notice::y\n::tok::\n');
    expect(openInert('t') + closeInert('a\n', 't')).toBe('::stop-commands::t\na\n::t::\n');
  });
});
