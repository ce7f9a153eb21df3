import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, inertBlock, openInert, closeInert, stopCommandsToken, workflowCommand } from './workflow-commands.ts';

describe('workflow commands', () => {
  test('data escapes %, CR and LF only', () => {
    expect(escapeData('100% a:b,c\r\n::notice::x')).toBe('100%25 a:b,c%0D%0A::notice::x');
  });

  test('properties also escape : and ,', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  test('a command is one line whatever its message and properties', () => {
    const line = workflowCommand('error', { file: 'starter/Docker,file', line: 3, title: 'T: x', col: undefined }, 'bad\n::notice::100/100');
    expect(line).toBe('::error file=starter/Docker%2Cfile,line=3,title=T%3A x::bad%0A::notice::100/100');
    expect(line.split('\n')).toHaveLength(1);
    expect(workflowCommand('notice', {}, 'Points 1/2')).toBe('::notice::Points 1/2');
  });

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
