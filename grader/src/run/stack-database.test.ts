import { describe, expect, test } from 'vitest';
import type { ComposeResult } from '../docker/compose/cli.ts';
import { LabDatabase } from './stack-database.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';

const done = (stdout: string): ComposeResult => ({ ok: true, exitCode: 0, stdout, stderr: '', timedOut: false });
const failed = (exitCode: number, stderr: string): ComposeResult => ({ ok: false, exitCode, stdout: '', stderr, timedOut: false });

/** A started stack whose `exec` answers pg_isready and psql from two scripts (the last answer repeats). */
function stackAnswering(pings: ComposeResult[], queries: ComposeResult[]) {
  const calls: string[][] = [];
  let ping = 0;
  let query = 0;
  return {
    calls,
    exec: async (service: string, command: string[]) => {
      calls.push([service, ...command]);
      if (command[0] === 'sh') return pings[Math.min(ping++, pings.length - 1)]!;
      return queries[Math.min(query++, queries.length - 1)]!;
    },
  };
}

describe('LabDatabase', () => {
  test('waits for the final server, then runs psql -U demo -d demo in db as the lab asks', async () => {
    const stack = stackAnswering([failed(2, '127.0.0.1:5432 - no response'), done('127.0.0.1:5432 - accepting connections')], [done('demo|demo\n')]);
    expect(await new LabDatabase(stack, 10_000, TP1.stack!).query('SELECT 1;')).toEqual({ ok: true, output: 'demo|demo' });
    expect(stack.calls.at(-1)).toEqual(['db', 'psql', '-U', 'demo', '-d', 'demo', '-v', 'ON_ERROR_STOP=1', '-X', '-tA', '-c', 'SELECT 1;']);
  });

  test('waits once per started stack: a second query does not ping again', async () => {
    const stack = stackAnswering([done('accepting connections')], [done('1')]);
    const database = new LabDatabase(stack, 10_000, TP1.stack!);
    await database.query('SELECT 1;');
    await database.query('SELECT 2;');
    expect(stack.calls.filter((call) => call[1] === 'sh')).toHaveLength(1);
  });

  test('retries start-up errors but stops at an error waiting will not cure', async () => {
    const stack = stackAnswering([done('accepting connections')], [failed(2, 'FATAL:  the database system is starting up'), failed(2, 'FATAL:  role "demo" does not exist')]);
    expect(await new LabDatabase(stack, 10_000, TP1.stack!).query('SELECT 1;')).toEqual({ ok: false, error: 'FATAL:  role "demo" does not exist' });
    expect(stack.calls.filter((call) => call[1] === 'psql')).toHaveLength(2);
  });

  test('a server that never finishes starting is reported in French with what was seen', async () => {
    const stack = stackAnswering([failed(2, '127.0.0.1:5432 - no response')], [failed(2, 'psql: error: connection refused')]);
    const result = await new LabDatabase(stack, 400, TP1.stack!).query('SELECT 1;');
    expect(result).toMatchObject({ ok: false, notReady: expect.stringContaining("aucun serveur n'écoute encore en TCP") });
  });

  test('a stopped db container ends the wait at once, in French', async () => {
    const stack = stackAnswering([failed(1, 'service "db" is not running')], [failed(1, 'service "db" is not running')]);
    const start = Date.now();
    expect(await new LabDatabase(stack, 10_000, TP1.stack!).query('SELECT 1;')).toEqual({ ok: false, error: 'service "db" is not running' });
    expect(Date.now() - start).toBeLessThan(5_000);
  });
});
