import { describe, expect, test } from 'vitest';
import { describePing, waitForFinalPostgres, type PingResult, type PostgresWording } from './postgres.ts';

/** The caller's wording (the lab's is French, in labs/csc8613-tp1/stack.ts): tags make its use visible. */
const WORDING: PostgresWording = {
  starting: (output) => `starting (${output})`,
  noTcpListener: (output) => `no TCP listener (${output})`,
  noAttempt: (output) => `no attempt (${output})`,
  noReply: (seconds) => `no reply in ${seconds} s`,
};

const answered = (exitCode: number, output: string): PingResult => ({ kind: 'answered', exitCode, output });
/** A target that answers the given pings in order, then repeats the last one. */
const sequence = (...pings: PingResult[]) => {
  let calls = 0;
  return { calls: () => calls, ping: async () => pings[Math.min(calls++, pings.length - 1)]! };
};

describe('describePing (pg_isready exit codes)', () => {
  test('0 is the final server accepting connections', () => {
    expect(describePing(answered(0, '127.0.0.1:5432 - accepting connections'), WORDING).status).toBe('ready');
  });
  test('1 (starting up) and 2 (no TCP listener yet: initdb or the socket-only temporary server) are worth waiting for', () => {
    expect(describePing(answered(1, '127.0.0.1:5432 - rejecting connections'), WORDING)).toMatchObject({ status: 'waiting', seen: 'starting (127.0.0.1:5432 - rejecting connections)' });
    expect(describePing(answered(2, '127.0.0.1:5432 - no response'), WORDING)).toMatchObject({ status: 'waiting', seen: 'no TCP listener (127.0.0.1:5432 - no response)' });
  });
  test('a pg_isready that does not return in time is worth waiting for, said in the caller\'s words', () => {
    expect(describePing({ kind: 'timed-out', afterMs: 10_000 }, WORDING)).toEqual({ status: 'waiting', seen: 'no reply in 10 s' });
  });
  test('3 (no attempt), a stopped container or a missing program end the wait', () => {
    expect(describePing(answered(3, 'invalid option'), WORDING).status).toBe('cannot-probe');
    expect(describePing({ kind: 'container-stopped', seen: 'db exited' }, WORDING).status).toBe('stopped');
    expect(describePing({ kind: 'cannot-probe', seen: 'pg_isready: not found' }, WORDING).status).toBe('cannot-probe');
  });
});

describe('waitForFinalPostgres', () => {
  test('waits through the start-up phases until the final server accepts TCP connections', async () => {
    const target = sequence(answered(2, 'no response'), answered(2, 'no response'), answered(1, 'rejecting connections'), answered(0, 'accepting connections'));
    expect(await waitForFinalPostgres(target, WORDING, 10_000)).toMatchObject({ state: 'ready' });
    expect(target.calls()).toBe(4);
  });

  test('stops at once when the container stops, with what was seen', async () => {
    const target = sequence(answered(2, 'no response'), { kind: 'container-stopped', seen: 'le service db ne tourne pas' });
    expect(await waitForFinalPostgres(target, WORDING, 10_000)).toMatchObject({ state: 'stopped', seen: 'le service db ne tourne pas' });
    expect(target.calls()).toBe(2);
  });

  test('reports the last observation when the deadline passes', async () => {
    const outcome = await waitForFinalPostgres(sequence(answered(2, '127.0.0.1:5432 - no response')), WORDING, 500);
    expect(outcome).toMatchObject({ state: 'not-ready', interrupted: false, seen: expect.stringContaining('no response') });
  });

  test('an aborted run ends the wait as interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await waitForFinalPostgres(sequence(answered(2, 'no response')), WORDING, 10_000, controller.signal)).toMatchObject({ state: 'not-ready', interrupted: true });
  });
});
