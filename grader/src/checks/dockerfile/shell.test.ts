import { describe, expect, it } from 'vitest';
import { baseName, dockerWords, expandVariables, expandWord, resolveImagePath, tokenize } from './shell.ts';

const vars = new Map([
  ['PY', '3.13'],
  ['EMPTY', ''],
]);
const lookup = (name: string): string | undefined => vars.get(name);

describe('expandWord', () => {
  it('expands $NAME, ${NAME} and the default/alternative forms', () => {
    expect(expandWord('python:${PY}-slim', lookup).value).toBe('python:3.13-slim');
    expect(expandWord('$PY', lookup).value).toBe('3.13');
    expect(expandWord('${MISSING:-3.12}', lookup)).toEqual({ value: '3.12', unresolved: [] });
    expect(expandWord('${EMPTY:-x}', lookup).value).toBe('x');
    expect(expandWord('${EMPTY-x}', lookup).value).toBe('');
    expect(expandWord('${PY:+set}', lookup).value).toBe('set');
    expect(expandWord('${MISSING:+set}', lookup).value).toBe('');
  });
  it('reports variables without a value and expands them to nothing', () => {
    expect(expandWord('python:${NOPE}-slim', lookup)).toEqual({ value: 'python:-slim', unresolved: ['NOPE'] });
  });
  it('keeps single-quoted text literal and removes quotes', () => {
    expect(expandWord(`'$PY'`, lookup).value).toBe('$PY');
    expect(expandWord(`"$PY x"`, lookup).value).toBe('3.13 x');
    expect(expandWord('\\$PY', lookup).value).toBe('$PY');
  });
  it('honours another escape character', () => {
    expect(expandWord('C:\\app', lookup, '`').value).toBe('C:\\app');
    expect(expandWord('`$PY', lookup, '`').value).toBe('$PY');
  });
});

describe('tokenize', () => {
  it('splits shell commands on operators, newlines and comments', () => {
    expect(tokenize('a b && c || d; e | f\n# note && x\ng "h && i"', '\\', true)).toEqual([
      ['a', 'b'],
      ['c'],
      ['d'],
      ['e'],
      ['f'],
      ['g', '"h && i"'],
    ]);
  });
  it('joins backslash-newline continuations and keeps redirections whole', () => {
    expect(tokenize('pip install \\\n  --no-cache-dir x 2>&1', '\\', true)).toEqual([['pip', 'install', '--no-cache-dir', 'x', '2>&1']]);
  });
  it('keeps operators as text outside shell mode', () => {
    expect(dockerWords('a&&b "c d"', '\\', lookup).map((w) => w.value)).toEqual(['a&&b', 'c d']);
  });
});

describe('paths and variables', () => {
  it('resolves image paths like POSIX', () => {
    expect(resolveImagePath('/app', '.')).toBe('/app');
    expect(resolveImagePath('/app', './requirements.txt')).toBe('/app/requirements.txt');
    expect(resolveImagePath('/app', '../srv/')).toBe('/srv');
    expect(resolveImagePath('/', 'app')).toBe('/app');
    expect(baseName('./dir/requirements.txt')).toBe('requirements.txt');
  });
  it('expands variables in unquoted values without touching quotes', () => {
    expect(expandVariables(`it's $PY`, lookup).value).toBe(`it's 3.13`);
  });
});
