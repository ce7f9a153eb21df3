import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { parse } from 'yaml';
import { waitForHealthy } from '../wait/health.ts';
import { pollUntil } from '../wait/poll.ts';
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
  | { state: 'no-api'; services: string[] }
  | { state: 'up-failed'; error: string; timedOut: boolean; services: ServiceReport[] }
  | { state: 'unhealthy'; seen: string; answer?: { status: number; body: string }; services: ServiceReport[] }
  | { state: 'healthy'; apiPort: number; elapsedMs: number };

export type PsqlObservation =
  | { state: 'ok'; output: string }
  | { state: 'no-db' }
  | { state: 'failed'; error: string; services: ServiceReport[] }
  | { state: 'not-judged'; reason: string };

export type PersistenceObservation =
  | { state: 'kept' }
  | { state: 'lost'; seen: string }
  | { state: 'failed'; step: string; error: string }
  | { state: 'not-judged'; reason: string };

/** psql as the lab asks for it; `-v ON_ERROR_STOP=1` makes a failing statement a non-zero exit. */
const PSQL = ['exec', '-T', 'db', 'psql', '-U', 'demo', '-d', 'demo', '-v', 'ON_ERROR_STOP=1', '-X', '-tA', '-c'];
/** psql errors that waiting will not cure. */
const PERMANENT_PSQL = /does not exist|authentication failed|no pg_hba\.conf entry|executable file not found|not running|is not running/i;

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

  constructor(submissionRoot: string, run: { project: string; labels: Record<string, string>; image: string }, settings: StackSettings) {
    this.submissionRoot = submissionRoot;
    this.run = run;
    this.settings = settings;
  }

  /** Starts the stack and waits for `/health` through Compose. */
  async up(signal?: AbortSignal): Promise<StackUpObservation> {
    // Checked before `docker compose config`, which would already read those host files.
    const hostFiles = await this.hostFileProblems();
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

  /** Host files the student's compose file makes Compose read (see `hostFileProblems`). */
  private async hostFileProblems(): Promise<HostSafetyProblem[]> {
    try {
      const text = await readFile(join(this.submissionRoot, 'docker-compose.yml'), 'utf8');
      return hostFileProblems(parse(text, { maxAliasCount: 100, merge: true }), this.submissionRoot);
    } catch {
      return [];
    }
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

  /** Runs a query with `psql -U demo -d demo` inside `db`, retrying while the server starts. */
  async psql(sql: string, signal?: AbortSignal): Promise<{ ok: true; output: string } | { ok: false; error: string }> {
    const project = this.requireProject();
    let error = '';
    const outcome = await pollUntil(
      async () => {
        const result = await project.run([...PSQL, sql], 20_000, signal);
        if (result.ok) return { done: true, value: result.stdout.trim() };
        error = lastLines(result.stderr || result.stdout, 5) || `exit ${result.exitCode}`;
        return { done: false, seen: error, final: PERMANENT_PSQL.test(error) };
      },
      { timeoutMs: this.settings.startupTimeoutMs, intervalMs: 200, signal },
    );
    return outcome.ok ? { ok: true, output: outcome.value } : { ok: false, error: outcome.seen || error };
  }

  async checkPsql(signal?: AbortSignal): Promise<PsqlObservation> {
    if (!(await this.hasService('db'))) return { state: 'no-db' };
    const result = await this.psql('SELECT current_user, current_database();', signal);
    if (result.ok) return { state: 'ok', output: result.output };
    return { state: 'failed', error: result.error, services: await this.report(['db']) };
  }

  /** Writes a row, runs `down` (volumes kept) then `up`, and reads the row back. */
  async checkPersistence(signal?: AbortSignal): Promise<PersistenceObservation> {
    const project = this.requireProject();
    const token = randomBytes(8).toString('hex');
    const write = await this.psql(`CREATE TABLE IF NOT EXISTS grader_persistence (token text); INSERT INTO grader_persistence VALUES ('${token}');`, signal);
    if (!write.ok) return { state: 'failed', step: 'insert', error: write.error };
    await this.rememberVolumes();
    const down = await project.run(['down', '--timeout', '10'], this.settings.stackTimeoutMs, signal);
    if (!down.ok) return { state: 'failed', step: 'down', error: lastLines(down.stderr, 5) };
    const up = await project.run(['up', '-d', '--no-build', 'db'], this.settings.stackTimeoutMs, signal);
    if (!up.ok && !(await this.hasRunning('db'))) return { state: 'failed', step: 'up', error: lastLines(up.stderr, 5) };
    const read = await this.psql(`SELECT count(*) FROM grader_persistence WHERE token = '${token}';`, signal);
    if (read.ok && read.output.trim() === '1') return { state: 'kept' };
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
