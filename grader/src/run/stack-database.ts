import type { StartedStack } from '../docker/compose/stack.ts';
import { pollUntil } from '../docker/wait/poll.ts';
import { waitForFinalPostgres, type PingResult } from '../docker/wait/postgres.ts';
import type { StackContract } from '../lab/lab.ts';
import { lastLines } from '../text/last-lines.ts';

/**
 * psql as the lab asks for it, running one statement: `-v ON_ERROR_STOP=1` makes a failing statement
 * a non-zero exit, `-X` ignores any psqlrc, `-tA` prints bare rows.
 */
export function psqlCommand(db: StackContract['db'], sql: string): string[] {
  return ['psql', '-U', db.user, '-d', db.database, '-v', 'ON_ERROR_STOP=1', '-X', '-tA', '-c', sql];
}

export type PsqlResult = { ok: true; output: string } | { ok: false; error: string; notReady?: string };

/**
 * psql errors that waiting will not cure, once the final server answers (before, `database "demo"
 * does not exist` is the temporary server's, see wait/postgres.ts). Any other error (`the database
 * system is starting up`, `… is shutting down`, connection refused, no socket file yet) is retried.
 */
const PERMANENT_PSQL = /does not exist|authentication failed|no pg_hba\.conf entry|executable file not found|not running|is not running/i;
/**
 * pg_isready over TCP on the loopback of the db container: only the final server listens there. The
 * user and database are named so that the probe itself leaves no `role "root" does not exist` line
 * in the logs a student reads.
 */
const PG_ISREADY_TCP = ['sh', '-c', 'exec pg_isready -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d postgres'];
/** Compose's words for a service whose container does not run. */
const SERVICE_NOT_RUNNING = /is not running|no container found|no such service/i;
/** Exit codes of a program that cannot be run (126) or found (127), from the shell or `docker exec`. */
const NO_PROGRAM_EXIT = [126, 127];
const PSQL_TIMEOUT_MS = 20_000;
const PING_TIMEOUT_MS = 10_000;

/**
 * The lab's database in one started stack, queried with `psql -U demo -d demo` inside `db` through
 * its Unix socket, as a student types it, once the database has finished starting: first the "final
 * PostgreSQL server" readiness strategy, then psql, retried on start-up errors until the same
 * deadline. A stack started again is a new `StartedStack`, hence a new database to wait for.
 */
export class LabDatabase {
  private readonly stack: Pick<StartedStack, 'exec'>;
  private readonly startupTimeoutMs: number;
  private readonly contract: StackContract;
  /** Whether the final server was seen answering in this started stack. */
  private finalServerSeen = false;

  constructor(stack: Pick<StartedStack, 'exec'>, startupTimeoutMs: number, contract: StackContract) {
    this.stack = stack;
    this.startupTimeoutMs = startupTimeoutMs;
    this.contract = contract;
  }

  async query(sql: string, signal?: AbortSignal): Promise<PsqlResult> {
    const start = Date.now();
    let notReady: string | undefined;
    if (!this.finalServerSeen) {
      const wait = await waitForFinalPostgres({ ping: () => this.ping(signal) }, this.contract.postgresWording, this.startupTimeoutMs, signal);
      this.finalServerSeen = wait.state === 'ready';
      if (wait.state === 'not-ready') notReady = wait.seen;
    }
    let error = '';
    const outcome = await pollUntil(
      async () => {
        const result = await this.stack.exec(this.contract.db.service, psqlCommand(this.contract.db, sql), PSQL_TIMEOUT_MS, signal);
        if (result.ok) return { done: true, value: result.stdout.trim() };
        error = lastLines(result.stderr || result.stdout, 5) || `exit ${result.exitCode}`;
        return { done: false, seen: error, final: PERMANENT_PSQL.test(error) };
      },
      { timeoutMs: Math.max(0, this.startupTimeoutMs - (Date.now() - start)), intervalMs: 200, signal },
    );
    if (outcome.ok) return { ok: true, output: outcome.value };
    return { ok: false, error: outcome.seen || error, ...(notReady ? { notReady } : {}) };
  }

  /** One `pg_isready -h 127.0.0.1` in the db container. */
  private async ping(signal?: AbortSignal): Promise<PingResult> {
    const result = await this.stack.exec(this.contract.db.service, PG_ISREADY_TCP, PING_TIMEOUT_MS, signal);
    const output = lastLines(`${result.stdout}\n${result.stderr}`, 3);
    if (result.timedOut) return { kind: 'timed-out', afterMs: PING_TIMEOUT_MS };
    if (!result.ok && SERVICE_NOT_RUNNING.test(result.stderr)) return { kind: 'container-stopped', seen: output };
    if (NO_PROGRAM_EXIT.includes(result.exitCode ?? 0) || /executable file not found/i.test(result.stderr)) return { kind: 'cannot-probe', seen: output };
    return { kind: 'answered', exitCode: result.exitCode ?? -1, output };
  }
}
