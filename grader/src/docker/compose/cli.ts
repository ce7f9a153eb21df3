import { execa } from 'execa';
import type { ExecResult } from '../container/exec.ts';
import { dockerEnv } from '../engine.ts';

/** What a `docker compose` command gave: the same shape as a command run in a container. */
export type ComposeResult = ExecResult;

const MAX_OUTPUT = 256 * 1024;

/**
 * Environment for `docker compose`: without the caller's COMPOSE_* settings, which would change the
 * project, and pointed at the run's engine.
 */
function composeEnv(): Record<string, string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('COMPOSE_')) env[key] = value;
  }
  return dockerEnv(env);
}

/** Runs `docker compose ARGS` with a deadline; never throws. */
export async function runCompose(args: string[], options: { timeoutMs: number; cwd?: string; signal?: AbortSignal }): Promise<ComposeResult> {
  const result = await execa('docker', ['compose', ...args], {
    reject: false,
    timeout: options.timeoutMs,
    cwd: options.cwd,
    env: composeEnv(),
    extendEnv: false,
    stdin: 'ignore',
    maxBuffer: MAX_OUTPUT,
    cancelSignal: options.signal,
    forceKillAfterDelay: 2_000,
  });
  return {
    ok: result.exitCode === 0 && !result.timedOut,
    exitCode: result.exitCode,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    timedOut: Boolean(result.timedOut),
  };
}

/** A Compose project bound to one file and one project name. */
export class ComposeProject {
  readonly name: string;
  readonly file: string;

  constructor(name: string, file: string) {
    this.name = name;
    this.file = file;
  }

  run(args: string[], timeoutMs: number, signal?: AbortSignal): Promise<ComposeResult> {
    return runCompose(['-p', this.name, '-f', this.file, ...args], { timeoutMs, signal });
  }

  /** Service states from `compose ps -a` (Compose prints an array or one object per line, by version). */
  async services(timeoutMs = 15_000): Promise<ServiceState[]> {
    const result = await this.run(['ps', '-a', '--format', 'json'], timeoutMs);
    if (!result.ok) return [];
    return parseComposePs(result.stdout);
  }
}

export interface ServiceState {
  service: string;
  state: string;
  health: string;
  exitCode: number;
}

export function parseComposePs(stdout: string): ServiceState[] {
  const text = stdout.trim();
  if (!text) return [];
  let items: unknown[];
  try {
    const parsed = JSON.parse(text) as unknown;
    items = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    items = text.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
  }
  return items.map((raw) => {
    const item = raw as Record<string, unknown>;
    return {
      service: String(item.Service ?? ''),
      state: String(item.State ?? ''),
      health: String(item.Health ?? ''),
      exitCode: Number(item.ExitCode ?? 0),
    };
  });
}
