import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { connectDocker, withTimeout } from '../engine.ts';
import { plainText } from '../../text/plain-text.ts';
import { execInContainer, type ExecResult } from '../container/exec.ts';
import { lastLogLines } from '../container/logs.ts';
import { ComposeProject, type ComposeResult, type ServiceState } from './cli.ts';
import type { ComposeModel } from './model.ts';

/** What a service looked like when something went wrong: state, exit code, health and last log lines. */
export interface ServiceReport extends ServiceState {
  logs: string;
}

export interface StartOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Only these services (and their dependencies); all when absent. */
  services?: string[];
}

/** `up` ran: the stack is started even when the command failed, since some services may run. */
export interface StartAttempt {
  result: ComposeResult;
  stack: StartedStack;
}

export type StopAttempt = { state: 'stopped'; stack: StoppedStack } | { state: 'failed'; result: ComposeResult };

/**
 * What the three states of a stack share: its Compose project, the temporary folder of its file and
 * the volumes its containers mounted. Anonymous volumes carry no label and outlive `down`, so they are
 * recorded before every `down` and removed by `destroy`.
 */
class StackResources {
  private project: ComposeProject | undefined;
  private workDir: string | undefined;
  private readonly mountedVolumes = new Set<string>();
  private readonly name: string;
  private readonly model: ComposeModel;

  constructor(name: string, model: ComposeModel) {
    this.name = name;
    this.model = model;
  }

  async start(options: StartOptions): Promise<StartAttempt> {
    const project = await this.ensureProject();
    const result = await project.run(['up', '-d', '--no-build', ...(options.services ?? [])], options.timeoutMs, options.signal);
    return { result, stack: new StartedStack(this, project) };
  }

  async stop(project: ComposeProject, options: { timeoutMs: number; stopTimeoutSeconds: number; signal?: AbortSignal }): Promise<StopAttempt> {
    await this.rememberVolumes(project);
    const result = await project.run(['down', '--timeout', String(options.stopTimeoutSeconds)], options.timeoutMs, options.signal);
    return result.ok ? { state: 'stopped', stack: new StoppedStack(this) } : { state: 'failed', result };
  }

  /** `down -v`, then the anonymous volumes and the temporary folder. Safe in any state, and twice. */
  async destroy(): Promise<void> {
    if (this.project) {
      await this.rememberVolumes(this.project);
      await this.project.run(['down', '-v', '--remove-orphans', '--timeout', '5'], 60_000);
      if (this.mountedVolumes.size > 0) await removeVolumes(connectDocker(), [...this.mountedVolumes]);
      this.mountedVolumes.clear();
    }
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
    this.project = undefined;
    this.workDir = undefined;
  }

  /** The project, its file written once into a temporary folder. */
  private async ensureProject(): Promise<ComposeProject> {
    if (this.project) return this.project;
    this.workDir = await mkdtemp(join(tmpdir(), 'docker-lab-stack-'));
    const file = join(this.workDir, 'compose.json');
    await writeFile(file, JSON.stringify(this.model, null, 2));
    this.project = new ComposeProject(this.name, file);
    return this.project;
  }

  private async rememberVolumes(project: ComposeProject): Promise<void> {
    for (const name of await projectVolumes(connectDocker(), project.name)) this.mountedVolumes.add(name);
  }
}

/** The containers of a Compose project (`docker compose ps -a`, one-off `run` containers left out), from the engine's API. */
async function projectContainers(docker: Docker, project: string, service?: string): Promise<Docker.ContainerInfo[]> {
  const label = [`com.docker.compose.project=${project}`, 'com.docker.compose.oneoff=False', ...(service ? [`com.docker.compose.service=${service}`] : [])];
  return withTimeout(docker.listContainers({ all: true, filters: { label } }), 15_000, 'container list');
}

/** The named and anonymous volumes the project's containers mount; none when the engine cannot say. */
async function projectVolumes(docker: Docker, project: string): Promise<string[]> {
  const containers = await projectContainers(docker, project).catch(() => []);
  return containers.flatMap((c) => c.Mounts.flatMap((mount) => (mount.Type === 'volume' && mount.Name ? [mount.Name] : [])));
}

/** Removes volumes, forced; one already gone or still in use elsewhere is left as it is. */
async function removeVolumes(docker: Docker, names: string[]): Promise<void> {
  await Promise.allSettled(names.map((name) => withTimeout(docker.getVolume(name).remove({ force: true }), 30_000, 'volume remove')));
}

/**
 * A Compose model (already made safe, see `prepareStack`) as a project of its own, not started yet.
 * Register `destroy` with the run's teardown before `up`: it removes whatever the stack created, in
 * whichever state it is left.
 */
export class ComposeStack {
  private readonly resources: StackResources;

  constructor(name: string, model: ComposeModel) {
    this.resources = new StackResources(name, model);
  }

  /** `docker compose up -d --no-build`. */
  up(options: StartOptions): Promise<StartAttempt> {
    return this.resources.start(options);
  }

  destroy(): Promise<void> {
    return this.resources.destroy();
  }
}

/** A stack after `up`: its services can be inspected and run commands. */
export class StartedStack {
  private readonly resources: StackResources;
  private readonly project: ComposeProject;

  private readonly docker = connectDocker();

  constructor(resources: StackResources, project: ComposeProject) {
    this.resources = resources;
    this.project = project;
  }

  /**
   * `docker compose exec -T SERVICE COMMAND…` with a deadline, through the engine's API on the
   * service's container (what Compose does, without a CLI process per command); never throws.
   */
  async exec(service: string, command: string[], timeoutMs: number, signal?: AbortSignal): Promise<ExecResult> {
    const container = await this.container(service);
    if (container?.State !== 'running') return { ok: false, exitCode: 1, stdout: '', stderr: `service "${service}" is not running`, timedOut: false };
    const result = await execInContainer(this.docker, container.Id, command, { timeoutMs, signal });
    return result.failure === 'not-running' ? { ...result, stderr: `service "${service}" is not running` } : result;
  }

  /** The 127.0.0.1 port published for a service's container port, 0 while there is none. */
  async port(service: string, containerPort: number): Promise<number> {
    const ports = (await this.container(service))?.Ports ?? [];
    const published = ports.find((p) => p.PrivatePort === containerPort && p.Type === 'tcp' && p.PublicPort && (p.IP === '127.0.0.1' || p.IP === '0.0.0.0'));
    return published?.PublicPort ?? 0;
  }

  /** A service's state as `docker compose ps` gives it (undefined when it has no container). */
  async state(service: string): Promise<ServiceState | undefined> {
    const container = await this.container(service);
    if (!container) return undefined;
    const exited = /^Exited \((-?\d+)\)/.exec(container.Status);
    const health = /\((healthy|unhealthy|health: starting)\)/.exec(container.Status)?.[1]?.replace('health: ', '') ?? '';
    return { service, state: container.State, health, exitCode: exited ? Number(exited[1]) : 0 };
  }

  services(): Promise<ServiceState[]> {
    return this.project.services();
  }

  /** A service's last log lines, from the engine's API. */
  async logs(service: string, lines = 20): Promise<string> {
    const container = await this.container(service);
    return container ? plainText(await lastLogLines(this.docker, container.Id, lines)) : '';
  }

  async has(service: string): Promise<boolean> {
    return (await this.container(service)) !== undefined;
  }

  async isRunning(service: string): Promise<boolean> {
    return (await this.container(service))?.State === 'running';
  }

  /** The service's container as the engine lists it now (state, ports), undefined when it has none. */
  private async container(service: string): Promise<Docker.ContainerInfo | undefined> {
    const containers = await projectContainers(this.docker, this.project.name, service).catch(() => []);
    // Compose's own choice for `exec` and `port`: the service's first replica.
    const number = (c: Docker.ContainerInfo) => Number(c.Labels['com.docker.compose.container-number'] ?? 1);
    return containers.sort((a, b) => number(a) - number(b))[0];
  }

  /** State, exit code, health and last log lines of the services (all, or those named). */
  async report(only?: string[]): Promise<ServiceReport[]> {
    const states = await this.services();
    const chosen = only ? states.filter((s) => only.includes(s.service)) : states;
    return Promise.all(chosen.map(async (s) => ({ ...s, logs: await this.logs(s.service) })));
  }

  /** `docker compose down` with volumes kept: the stack can start again on the same data. */
  down(options: { timeoutMs: number; stopTimeoutSeconds: number; signal?: AbortSignal }): Promise<StopAttempt> {
    return this.resources.stop(this.project, options);
  }

  destroy(): Promise<void> {
    return this.resources.destroy();
  }
}

/** A stack after `down`: its volumes remain; it can start again or be destroyed. */
export class StoppedStack {
  private readonly resources: StackResources;

  constructor(resources: StackResources) {
    this.resources = resources;
  }

  up(options: StartOptions): Promise<StartAttempt> {
    return this.resources.start(options);
  }

  destroy(): Promise<void> {
    return this.resources.destroy();
  }
}
