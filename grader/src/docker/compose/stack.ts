import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { parse } from 'yaml';
import { waitForHealthy } from '../wait/health.ts';
import { pollUntil } from '../wait/poll.ts';
import { waitForFinalPostgres, type PingResult } from '../wait/postgres.ts';
import { ComposeProject, type ServiceState } from './cli.ts';
import { composeConfig } from './config.ts';
import { dockerEnv } from '../engine.ts';
import { hostFileProblems, hostSafetyProblems, sanitizeModel, type ComposeModel, type HostSafetyProblem } from './sanitize.ts';

export interface StackSettings {
  stackTimeoutMs: number;
  startupTimeoutMs: number;
}

/** What a service looked like when something went wrong: for the student's message. */
export interface ServiceReport {
  service: string;
  state: string;
  exitCode: number;
  health: string;
  logs: string;
}

export type StackUpObservation =
  | { state: 'refused'; problems: HostSafetyProblem[] }
  | { state: 'config-failed'; error: string }
  | { state: 'unparsable'; error: string }
  | { state: 'no-api'; services: string[] }
  | { state: 'up-failed'; error: string; timedOut: boolean; services: ServiceReport[] }
  | { state: 'unhealthy'; seen: string; answer?: { status: number; body: string }; services: ServiceReport[] }
  | { state: 'healthy'; apiPort: number; elapsedMs: number };

export type PsqlObservation =
  | { state: 'ok'; output: string }
  | { state: 'no-db' }
  /** `notReady`: what was seen when the wait for the final server ended without it (French). */
  | { state: 'failed'; error: string; notReady?: string; services: ServiceReport[] }
  | { state: 'not-judged'; reason: string };

export type PersistenceObservation =
  | { state: 'kept' }
  | { state: 'lost'; seen: string }
  | { state: 'failed'; step: string; error: string }
  /** The database did not finish starting again after `down` then `up`. */
  | { state: 'not-restarted'; seen: string; error: string }
  | { state: 'not-judged'; reason: string };

export type PsqlResult = { ok: true; output: string } | { ok: false; error: string; notReady?: string };

/** psql as the lab asks for it; `-v ON_ERROR_STOP=1` makes a failing statement a non-zero exit. */
const PSQL = ['exec', '-T', 'db', 'psql', '-U', 'demo', '-d', 'demo', '-v', 'ON_ERROR_STOP=1', '-X', '-tA', '-c'];
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
const PG_ISREADY_TCP = ['exec', '-T', 'db', 'sh', '-c', 'exec pg_isready -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d postgres'];
/** Compose's words for a service whose container does not run. */
const SERVICE_NOT_RUNNING = /is not running|no container found|no such service/i;
/** Exit codes of a program that cannot be run (126) or found (127), from the shell or `docker exec`. */
const NO_PROGRAM_EXIT = [126, 127];

/**
 * The student's Compose stack, run under the grader's rules: normalised by `docker compose config`,
 * refused when unsafe for the host, then started as its own project with the run's image, labels
 * and ephemeral loopback ports.
 */
export class Stack {
  private project: ComposeProject | undefined;
  private workDir: string | undefined;
  private readonly submissionRoot: string;
  private readonly run: { project: string; labels: Record<string, string>; image: string };
  private readonly settings: StackSettings;
  /** Volumes the project's containers mounted: anonymous ones carry no label and outlive `down`. */
  private readonly mountedVolumes = new Set<string>();
  /** Whether the db container's final server was seen answering since the last (re)start. */
  private finalServerSeen = false;

  constructor(submissionRoot: string, run: { project: string; labels: Record<string, string>; image: string }, settings: StackSettings) {
    this.submissionRoot = submissionRoot;
    this.run = run;
    this.settings = settings;
  }

  /** Starts the stack and waits for `/health` through Compose. */
  async up(signal?: AbortSignal): Promise<StackUpObservation> {
    // Checked before `docker compose config`, which would already read those host files.
    const hostFiles = await this.hostFileProblems();
    if (!Array.isArray(hostFiles)) return hostFiles;
    if (hostFiles.length > 0) return { state: 'refused', problems: hostFiles };
    const config = await composeConfig(this.submissionRoot, { project: this.run.project, timeoutMs: 30_000, signal });
    if (config.state === 'timeout') return { state: 'config-failed', error: 'docker compose config did not answer within 30 s' };
    if (config.state !== 'ok') return { state: 'config-failed', error: config.state === 'invalid' ? config.stderr.trim() : config.reason };
    const model = config.config as ComposeModel;
    const problems = hostSafetyProblems(model, this.submissionRoot);
    if (problems.length > 0) return { state: 'refused', problems };
    const services = Object.keys(model.services ?? {});
    if (!services.includes('api')) return { state: 'no-api', services };

    const safe = sanitizeModel(model, { ...this.run, submissionRoot: this.submissionRoot });
    this.workDir = await mkdtemp(join(tmpdir(), 'docker-lab-stack-'));
    const file = join(this.workDir, 'compose.json');
    await writeFile(file, JSON.stringify(safe, null, 2));
    this.project = new ComposeProject(this.run.project, file);
    return this.startAndWait(signal);
  }

  /**
   * Host files the student's compose file makes Compose read (see `hostFileProblems`). A file this
   * check cannot read is refused, not let through: Compose's YAML parser might accept what ours
   * rejects, and the host files it names would then go unchecked.
   */
  private async hostFileProblems(): Promise<HostSafetyProblem[] | { state: 'unparsable'; error: string }> {
    let document: unknown;
    try {
      const text = await readFile(join(this.submissionRoot, 'docker-compose.yml'), 'utf8');
      document = parse(text, { maxAliasCount: 100, merge: true });
    } catch (error) {
      return { state: 'unparsable', error: (error as Error).message.split('\n')[0] ?? '' };
    }
    return hostFileProblems(document, this.submissionRoot);
  }

  private async startAndWait(signal?: AbortSignal): Promise<StackUpObservation> {
    const project = this.requireProject();
    const start = Date.now();
    // `up -d` returns once dependencies' conditions hold and containers started; it says nothing of an
    // API that crashes at import (exercise 7.d), so /health is polled afterwards.
    const up = await project.run(['up', '-d', '--no-build'], this.settings.stackTimeoutMs, signal);
    if (!up.ok && (await this.apiPort()) === 0) {
      return { state: 'up-failed', error: lastLines(up.stderr || up.stdout, 8), timedOut: up.timedOut, services: await this.report() };
    }
    const outcome = await waitForHealthy(
      {
        port: () => this.apiPort(),
        stopped: async () => {
          const api = (await project.services()).find((s) => s.service === 'api');
          if (!api) return up.ok ? undefined : "le service api n'a pas été créé";
          return api.state === 'running' ? undefined : describeState(api);
        },
        logs: () => project.logs('api', 50),
      },
      this.settings.startupTimeoutMs,
      signal,
    );
    if (outcome.state === 'healthy') return { state: 'healthy', apiPort: outcome.port, elapsedMs: Date.now() - start };
    const services = await this.report();
    switch (outcome.state) {
      case 'bad-answer':
        return { state: 'unhealthy', seen: `réponse ${outcome.status}`, answer: { status: outcome.status, body: outcome.body }, services };
      case 'loopback-only':
        return { state: 'unhealthy', seen: 'uvicorn écoute sur 127.0.0.1 dans le conteneur, injoignable par le port publié', services };
      default:
        return { state: 'unhealthy', seen: outcome.seen, services };
    }
  }

  /**
   * Runs a query with `psql -U demo -d demo` inside `db` through its Unix socket, as a student types
   * it, once the database has finished starting: first the "final PostgreSQL server" readiness
   * strategy, then psql, retried on start-up errors until the same deadline.
   */
  async psql(sql: string, signal?: AbortSignal): Promise<PsqlResult> {
    const project = this.requireProject();
    const start = Date.now();
    let notReady: string | undefined;
    if (!this.finalServerSeen) {
      const wait = await waitForFinalPostgres({ ping: () => this.pingDb(signal) }, this.settings.startupTimeoutMs, signal);
      this.finalServerSeen = wait.state === 'ready';
      if (wait.state === 'not-ready') notReady = wait.seen;
    }
    let error = '';
    const outcome = await pollUntil(
      async () => {
        const result = await project.run([...PSQL, sql], 20_000, signal);
        if (result.ok) return { done: true, value: result.stdout.trim() };
        error = lastLines(result.stderr || result.stdout, 5) || `exit ${result.exitCode}`;
        return { done: false, seen: error, final: PERMANENT_PSQL.test(error) };
      },
      { timeoutMs: Math.max(0, this.settings.startupTimeoutMs - (Date.now() - start)), intervalMs: 200, signal },
    );
    if (outcome.ok) return { ok: true, output: outcome.value };
    return { ok: false, error: outcome.seen || error, ...(notReady ? { notReady } : {}) };
  }

  /** One `pg_isready -h 127.0.0.1` in the db container. */
  private async pingDb(signal?: AbortSignal): Promise<PingResult> {
    const result = await this.requireProject().run(PG_ISREADY_TCP, 10_000, signal);
    const output = lastLines(`${result.stdout}\n${result.stderr}`, 3);
    if (result.timedOut) return { kind: 'answered', exitCode: -1, output: 'pg_isready sans réponse en 10 s' };
    if (!result.ok && SERVICE_NOT_RUNNING.test(result.stderr)) return { kind: 'container-stopped', seen: `le service db ne tourne pas (${output})` };
    if (NO_PROGRAM_EXIT.includes(result.exitCode ?? 0) || /executable file not found/i.test(result.stderr)) return { kind: 'cannot-probe', seen: output };
    return { kind: 'answered', exitCode: result.exitCode ?? -1, output };
  }

  async checkPsql(signal?: AbortSignal): Promise<PsqlObservation> {
    if (!(await this.hasService('db'))) return { state: 'no-db' };
    const result = await this.psql('SELECT current_user, current_database();', signal);
    if (result.ok) return { state: 'ok', output: result.output };
    return { state: 'failed', error: result.error, ...(result.notReady ? { notReady: result.notReady } : {}), services: await this.report(['db']) };
  }

  /** Writes a row, runs `down` (volumes kept) then `up`, and reads the row back. */
  async checkPersistence(signal?: AbortSignal): Promise<PersistenceObservation> {
    const project = this.requireProject();
    const token = randomBytes(8).toString('hex');
    const write = await this.psql(`CREATE TABLE IF NOT EXISTS grader_persistence (token text); INSERT INTO grader_persistence VALUES ('${token}');`, signal);
    if (!write.ok) return { state: 'failed', step: 'insert', error: write.error };
    await this.rememberVolumes();
    this.finalServerSeen = false;
    const down = await project.run(['down', '--timeout', '10'], this.settings.stackTimeoutMs, signal);
    if (!down.ok) return { state: 'failed', step: 'down', error: lastLines(down.stderr, 5) };
    const up = await project.run(['up', '-d', '--no-build', 'db'], this.settings.stackTimeoutMs, signal);
    if (!up.ok && !(await this.hasRunning('db'))) return { state: 'failed', step: 'up', error: lastLines(up.stderr, 5) };
    // Waits for the restarted server the same way: an empty volume starts in two phases again.
    const read = await this.psql(`SELECT count(*) FROM grader_persistence WHERE token = '${token}';`, signal);
    if (read.ok && read.output.trim() === '1') return { state: 'kept' };
    if (!read.ok && read.notReady) return { state: 'not-restarted', seen: read.notReady, error: read.error };
    return { state: 'lost', seen: read.ok ? `la requête a trouvé ${read.output.trim() || '0'} ligne` : read.error };
  }

  /** `down -v`: removes the project's containers, networks and volumes. Safe to call twice. */
  async destroy(): Promise<void> {
    if (this.project) {
      await this.rememberVolumes();
      await this.project.run(['down', '-v', '--remove-orphans', '--timeout', '5'], 60_000);
      if (this.mountedVolumes.size > 0) {
        await execa('docker', ['volume', 'rm', '--force', ...this.mountedVolumes], { reject: false, timeout: 30_000, stdin: 'ignore', env: dockerEnv(), extendEnv: false });
      }
      this.mountedVolumes.clear();
    }
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
    this.project = undefined;
    this.workDir = undefined;
  }

  private async rememberVolumes(): Promise<void> {
    const ids = (await this.requireProject().run(['ps', '-aq'], 15_000)).stdout.split('\n').filter(Boolean);
    if (ids.length === 0) return;
    const inspect = await execa('docker', ['inspect', '--format', '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}', ...ids], { reject: false, timeout: 15_000, stdin: 'ignore', env: dockerEnv(), extendEnv: false });
    for (const name of String(inspect.stdout).split(/\s+/).filter(Boolean)) this.mountedVolumes.add(name);
  }

  private requireProject(): ComposeProject {
    if (!this.project) throw new Error('stack not started');
    return this.project;
  }

  private async apiPort(): Promise<number> {
    const result = await this.requireProject().run(['port', 'api', '8000'], 15_000);
    const match = /:(\d+)\s*$/.exec(result.stdout.trim());
    return result.ok && match ? Number(match[1]) : 0;
  }

  private async hasService(name: string): Promise<boolean> {
    return (await this.requireProject().services()).some((s) => s.service === name);
  }

  private async hasRunning(name: string): Promise<boolean> {
    return (await this.requireProject().services()).some((s) => s.service === name && s.state === 'running');
  }

  /** State, exit code and last log lines of the services (all, or those named). */
  async report(only?: string[]): Promise<ServiceReport[]> {
    const project = this.requireProject();
    const states = await project.services();
    const chosen = only ? states.filter((s) => only.includes(s.service)) : states;
    return Promise.all(chosen.map(async (s) => ({ ...s, logs: await project.logs(s.service) })));
  }
}

function describeState(service: ServiceState): string {
  return service.state === 'exited' ? `le service api s'est arrêté (code de sortie ${service.exitCode})` : `le service api est « ${service.state} »`;
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
