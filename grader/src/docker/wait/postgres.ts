import { pollUntil } from './poll.ts';

/**
 * Readiness strategy "final PostgreSQL server": waits until PostgreSQL accepts TCP connections on
 * 127.0.0.1 inside its own container (`pg_isready -h 127.0.0.1`).
 *
 * Why TCP: the official image initialises an empty data directory with a temporary server that
 * listens on the Unix socket only (`listen_addresses=''`, docker-library/postgres
 * docker-entrypoint.sh, docker_temp_server_start), creates the database and runs the init scripts
 * there, stops it, then starts the real server on all addresses. psql or pg_isready through the
 * socket can succeed, or fail with `database "…" does not exist`, during that first phase; only
 * the final server ever answers over TCP.
 */

/** One run of pg_isready inside the database container, as its runner saw it. */
export type PingResult =
  | { kind: 'answered'; exitCode: number; output: string }
  /** pg_isready did not return within the runner's own deadline. */
  | { kind: 'timed-out'; afterMs: number }
  /** The container is not running (exited, never created): waiting will not help. */
  | { kind: 'container-stopped'; seen: string }
  /** pg_isready could not be run there (no such program, no shell): nothing to wait on. */
  | { kind: 'cannot-probe'; seen: string };

export interface PostgresTarget {
  /** Runs `pg_isready -h 127.0.0.1` inside the database container. */
  ping(): Promise<PingResult>;
}

export type PostgresWait =
  | { state: 'ready'; elapsedMs: number }
  | { state: 'stopped'; seen: string; elapsedMs: number }
  | { state: 'cannot-probe'; seen: string; elapsedMs: number }
  | { state: 'not-ready'; seen: string; elapsedMs: number; interrupted: boolean };

/** How the wait says what pg_isready answered, in the caller's language (`output`: its last line). */
export interface PostgresWording {
  starting(output: string): string;
  noTcpListener(output: string): string;
  noAttempt(output: string): string;
  /** pg_isready itself did not return within `seconds`. */
  noReply(seconds: number): string;
}

/** pg_isready's exit codes (PostgreSQL documentation, pg_isready). */
const PG_ISREADY = { accepting: 0, rejecting: 1, noResponse: 2, noAttempt: 3 } as const;

/** What one pg_isready run says: ready, worth waiting, or no use waiting (and why, in `wording`). */
export function describePing(result: PingResult, wording: PostgresWording): { status: 'ready' | 'waiting' | 'stopped' | 'cannot-probe'; seen: string } {
  if (result.kind === 'container-stopped') return { status: 'stopped', seen: result.seen };
  if (result.kind === 'cannot-probe') return { status: 'cannot-probe', seen: result.seen };
  if (result.kind === 'timed-out') return { status: 'waiting', seen: wording.noReply(result.afterMs / 1000) };
  const output = result.output.trim().split('\n').slice(-1)[0] ?? '';
  switch (result.exitCode) {
    case PG_ISREADY.accepting:
      return { status: 'ready', seen: output || 'accepting connections' };
    case PG_ISREADY.rejecting:
      return { status: 'waiting', seen: wording.starting(output || 'rejecting connections') };
    case PG_ISREADY.noResponse:
      return { status: 'waiting', seen: wording.noTcpListener(output || 'no response') };
    case PG_ISREADY.noAttempt:
      return { status: 'cannot-probe', seen: wording.noAttempt(output || 'no attempt') };
    default:
      return { status: 'waiting', seen: output || `pg_isready : code ${result.exitCode}` };
  }
}

/** Polls the target until the final server accepts TCP connections, waiting stops making sense, or the deadline. */
export async function waitForFinalPostgres(target: PostgresTarget, wording: PostgresWording, timeoutMs: number, signal?: AbortSignal): Promise<PostgresWait> {
  const last: { status: ReturnType<typeof describePing>['status'] } = { status: 'waiting' };
  const outcome = await pollUntil(
    async () => {
      const ping = describePing(await target.ping(), wording);
      last.status = ping.status;
      return ping.status === 'ready' ? { done: true, value: undefined } : { done: false, seen: ping.seen, final: ping.status !== 'waiting' };
    },
    { timeoutMs, intervalMs: 200, signal },
  );
  if (outcome.ok) return { state: 'ready', elapsedMs: outcome.elapsedMs };
  if (last.status === 'stopped' || last.status === 'cannot-probe') return { state: last.status, seen: outcome.seen, elapsedMs: outcome.elapsedMs };
  return { state: 'not-ready', seen: outcome.seen, elapsedMs: outcome.elapsedMs, interrupted: !outcome.timedOut };
}
