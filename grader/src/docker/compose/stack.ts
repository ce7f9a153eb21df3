import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { connectDocker, withTimeout } from '../engine.ts';
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
    const ids = (await project.run(['ps', '-aq'], 15_000)).stdout.split('\n').filter(Boolean);
    if (ids.length === 0) return;
    for (const name of await mountedVolumes(connectDocker(), ids)) this.mountedVolumes.add(name);
  }
}

/** The named and anonymous volumes the containers mount; a container gone meanwhile mounts none. */
async function mountedVolumes(docker: Docker, containerIds: string[]): Promise<string[]> {
  const mounts = await Promise.all(
    containerIds.map((id) => withTimeout(docker.getContainer(id).inspect(), 15_000, 'container inspect').then((info) => info.Mounts, () => [])),
  );
  return mounts.flat().flatMap((mount) => (mount.Type === 'volume' && mount.Name ? [mount.Name] : []));
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

  constructor(resources: StackResources, project: ComposeProject) {
    this.resources = resources;
    this.project = project;
  }

  /** `docker compose exec -T SERVICE COMMAND…` with a deadline; never throws. */
  exec(service: string, command: string[], timeoutMs: number, signal?: AbortSignal): Promise<ComposeResult> {
    return this.project.run(['exec', '-T', service, ...command], timeoutMs, signal);
  }

  /** The host port published for a service's container port, 0 while there is none. */
  async port(service: string, containerPort: number): Promise<number> {
    const result = await this.project.run(['port', service, String(containerPort)], 15_000);
    const match = /:(\d+)\s*$/.exec(result.stdout.trim());
    return result.ok && match ? Number(match[1]) : 0;
  }

  services(): Promise<ServiceState[]> {
    return this.project.services();
  }

  logs(service: string, lines?: number): Promise<string> {
    return this.project.logs(service, lines);
  }

  async has(service: string): Promise<boolean> {
    return (await this.services()).some((s) => s.service === service);
  }

  async isRunning(service: string): Promise<boolean> {
    return (await this.services()).some((s) => s.service === service && s.state === 'running');
  }

  /** State, exit code, health and last log lines of the services (all, or those named). */
  async report(only?: string[]): Promise<ServiceReport[]> {
    const states = await this.services();
    const chosen = only ? states.filter((s) => only.includes(s.service)) : states;
    return Promise.all(chosen.map(async (s) => ({ ...s, logs: await this.project.logs(s.service) })));
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
