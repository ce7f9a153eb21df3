import { describe, expect, test } from 'vitest';
import { demuxFrames } from './logs.ts';
import { frame } from './testing.ts';

describe('demuxFrames', () => {
  test('splits stdout and stderr frames, and keeps their interleaving in both', () => {
    const out = demuxFrames(Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 1\n'), frame(1, 'out 2\n')]));
    expect(out).toEqual({ stdout: 'out 1\nout 2\n', stderr: 'err 1\n', both: 'out 1\nerr 1\nout 2\n' });
  });

  test('a stream that is not multiplexed (a TTY container) is taken as stdout, whole', () => {
    expect(demuxFrames(Buffer.from('plain text from a tty\n'))).toEqual({ stdout: 'plain text from a tty\n', stderr: '', both: 'plain text from a tty\n' });
  });

  test('a frame cut short keeps what came before it and the rest as it is', () => {
    const cut = Buffer.concat([frame(2, 'complete\n'), frame(1, 'truncated line').subarray(0, 12)]);
    const out = demuxFrames(cut);
    expect(out.stderr).toBe('complete\n');
    expect(out.both.startsWith('complete\n')).toBe(true);
  });
});
