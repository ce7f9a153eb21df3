import { expect, test } from 'vitest';
import { formatDuration, Progress } from './progress.ts';

test('plain lines off a terminal, one rewritten line on a terminal', () => {
  const plain: string[] = [];
  const p = new Progress(2, { isTTY: false, write: (t: string) => plain.push(t) });
  p.tick('alice', false);
  p.tick('bob\x1b[2J', true);
  expect(plain[0]).toMatch(/^\[1\/2\] errors: 0 — elapsed \d+ s, left ~\d+ s — alice\n$/);
  expect(plain[1]).toMatch(/^\[2\/2\] errors: 1 .* — bob\?\[2J\n$/);
  const tty: string[] = [];
  const q = new Progress(2, { isTTY: true, write: (t: string) => tty.push(t) });
  q.tick('a', false);
  q.tick('b', false);
  expect(tty[0]!.startsWith('\r\x1b[2K[1/2]')).toBe(true);
  expect(tty[0]!.endsWith('\n')).toBe(false);
  expect(tty[1]!.endsWith('\n')).toBe(true);
});

test('durations', () => {
  expect(formatDuration(4_400)).toBe('4 s');
  expect(formatDuration(125_000)).toBe('2 min 05 s');
  expect(formatDuration(3_725_000)).toBe('1 h 02 min');
});
