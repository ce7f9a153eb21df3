import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The normalised Compose model printed by `docker compose config --format json` (the parts used here). */
export interface ComposeModel {
  name?: string;
  services?: Record<string, Record<string, unknown>>;
  volumes?: Record<string, Record<string, unknown> | null>;
  networks?: Record<string, Record<string, unknown> | null>;
  secrets?: Record<string, Record<string, unknown>>;
  configs?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Something in the student's compose file the grader refuses to start on a shared machine. */
export interface HostSafetyProblem {
  service?: string;
  /** Dotted path of the key, e.g. `services.api.privileged`, to find its line in the source. */
  path: string[];
  message: string;
}

export interface SanitizeOptions {
  project: string;
  labels: Record<string, string>;
  /** Image built once for the run; services that build `./starter` use it instead of building again. */
  image: string;
  /** Absolute path of the submission; bind mounts must stay inside it. */
  submissionRoot: string;
}

const SERVICE_LIMITS = { mem_limit: '1g', memswap_limit: '1g', pids_limit: 512, cpus: 1 };
const HOST_NAMESPACES = ['network_mode', 'pid', 'ipc', 'uts', 'userns_mode', 'cgroup'] as const;

function lexicallyInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/**
 * Whether `path` stays in the submission once symlinks are followed: `./captures/x` may be a link to
 * `/`, and Docker follows it when it bind-mounts. A path that does not exist yet is judged as written.
 */
function inside(root: string, path: string): boolean {
  if (!lexicallyInside(root, path)) return false;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return true;
  }
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // keep the root as given
  }
  return lexicallyInside(realRoot, real);
}

/** What makes a service unsafe to start here: privileges, host namespaces, devices, host paths. */
export function hostSafetyProblems(model: ComposeModel, submissionRoot: string): HostSafetyProblem[] {
  const problems: HostSafetyProblem[] = [];
  for (const [name, service] of Object.entries(model.services ?? {})) {
    const at = (...path: string[]) => ['services', name, ...path];
    if (service.privileged === true) problems.push({ service: name, path: at('privileged'), message: 'privileged: true' });
    for (const key of ['cap_add', 'devices', 'device_cgroup_rules', 'security_opt', 'sysctls'] as const) {
      const value = service[key];
      if (value && (!Array.isArray(value) || value.length > 0) && (typeof value !== 'object' || Object.keys(value).length > 0)) {
        problems.push({ service: name, path: at(key), message: `${key}` });
      }
    }
    if (typeof service.cgroup_parent === 'string' && service.cgroup_parent !== '') {
      problems.push({ service: name, path: at('cgroup_parent'), message: `cgroup_parent: ${service.cgroup_parent}` });
    }
    if (service.oom_kill_disable === true) problems.push({ service: name, path: at('oom_kill_disable'), message: 'oom_kill_disable: true' });
    if (typeof service.oom_score_adj === 'number' && service.oom_score_adj < 0) {
      problems.push({ service: name, path: at('oom_score_adj'), message: `oom_score_adj: ${service.oom_score_adj}` });
    }
    const volumesFrom = Array.isArray(service.volumes_from) ? (service.volumes_from as unknown[]) : [];
    volumesFrom.forEach((source, index) => {
      if (typeof source === 'string' && source.startsWith('container:')) {
        problems.push({ service: name, path: at('volumes_from', String(index)), message: `volumes_from: ${source}` });
      }
    });
    for (const key of HOST_NAMESPACES) {
      const value = service[key];
      if (typeof value === 'string' && (value === 'host' || value.startsWith('container:') || value.startsWith('service:'))) {
        problems.push({ service: name, path: at(key), message: `${key}: ${value}` });
      }
    }
    const volumes = Array.isArray(service.volumes) ? (service.volumes as Array<Record<string, unknown>>) : [];
    volumes.forEach((mount, index) => {
      const source = typeof mount.source === 'string' ? mount.source : '';
      if (mount.type === 'bind') {
        if (source.includes('docker.sock')) problems.push({ service: name, path: at('volumes', String(index)), message: `socket Docker ${source}` });
        else if (!isAbsolute(source) || !inside(submissionRoot, source)) {
          problems.push({ service: name, path: at('volumes', String(index)), message: `montage de ${source}, hors du dépôt` });
        }
      } else if (mount.type === 'npipe' || mount.type === 'cluster') {
        problems.push({ service: name, path: at('volumes', String(index)), message: `montage ${String(mount.type)}` });
      }
    });
  }
  for (const kind of ['volumes', 'networks'] as const) {
    for (const [key, value] of Object.entries(model[kind] ?? {})) {
      if (value && (value.external === true || (typeof value.external === 'object' && value.external))) {
        problems.push({ path: [kind, key, 'external'], message: `${kind}.${key} external` });
      }
      if (kind === 'volumes' && value && typeof value.driver_opts === 'object' && value.driver_opts) {
        const opts = value.driver_opts as Record<string, unknown>;
        if (opts.o === 'bind' || opts.type === 'none') problems.push({ path: [kind, key, 'driver_opts'], message: `volume ${key} lié à un dossier de l'hôte` });
      }
    }
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [key, value] of Object.entries(model[kind] ?? {})) {
      const file = value?.file;
      if (typeof file === 'string' && !inside(submissionRoot, file)) {
        problems.push({ path: [kind, key, 'file'], message: `${kind}.${key} lit ${file}, hors du dépôt` });
      }
      if (value?.external === true) problems.push({ path: [kind, key, 'external'], message: `${kind}.${key} external` });
    }
  }
  return problems;
}

/**
 * Files of the host that Compose itself would read, taken from the student's file as written (the
 * normalised model has already inlined them): `env_file`, `extends.file` and `include` must stay in
 * the submission, or an instructor's secrets (`env_file: ~/.env`) would reach the student's containers.
 */
export function hostFileProblems(raw: unknown, submissionRoot: string): HostSafetyProblem[] {
  const problems: HostSafetyProblem[] = [];
  const object = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const check = (path: string[], value: unknown) => {
    const file = typeof value === 'string' ? value : typeof object(value)?.path === 'string' ? (object(value)!.path as string) : undefined;
    if (file === undefined) return;
    const outside = file.startsWith('~') || /\$\{?HOME\b/.test(file) || !inside(submissionRoot, resolve(submissionRoot, file));
    if (outside) problems.push({ path, message: `${path.filter((key) => !/^\d+$/.test(key)).slice(-1)[0]} lit ${file}, hors du dépôt` });
  };
  const eachOf = (path: string[], value: unknown, visit: (path: string[], item: unknown) => void) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit([...path, String(index)], item));
    else if (value !== undefined && value !== null) visit(path, value);
  };
  const top = object(raw);
  for (const [name, service] of Object.entries(object(top?.services) ?? {})) {
    const definition = object(service);
    eachOf(['services', name, 'env_file'], definition?.env_file, check);
    const extendsFile = object(definition?.extends)?.file;
    if (extendsFile !== undefined) check(['services', name, 'extends', 'file'], extendsFile);
  }
  eachOf(['include'], top?.include, (path, item) => {
    const entry = object(item);
    if (!entry) return check(path, item);
    eachOf([...path, 'path'], entry.path, check);
    eachOf([...path, 'env_file'], entry.env_file, check);
    if (entry.project_directory !== undefined) check([...path, 'project_directory'], entry.project_directory);
  });
  return problems;
}

/** Whether a service's build context is the submission's `starter/` folder. */
function buildsStarter(service: Record<string, unknown>, submissionRoot: string): boolean {
  const build = service.build as { context?: string } | undefined;
  if (!build || typeof build.context !== 'string') return false;
  return relative(submissionRoot, build.context).split(sep).join('/') === 'starter';
}

/**
 * Rewrites the normalised model so the run owns everything it starts: the run's image instead of
 * a second build, published ports on ephemeral 127.0.0.1 ports, run labels on containers,
 * volumes and networks, names scoped to the project, resource limits and no restart loops.
 */
export function sanitizeModel(model: ComposeModel, options: SanitizeOptions): ComposeModel {
  const services: Record<string, Record<string, unknown>> = {};
  for (const [name, original] of Object.entries(model.services ?? {})) {
    const service: Record<string, unknown> = { ...original };
    delete service.container_name;
    if (buildsStarter(service, options.submissionRoot)) {
      delete service.build;
      service.image = options.image;
      service.pull_policy = 'never';
    }
    if (Array.isArray(service.ports)) {
      service.ports = (service.ports as Array<Record<string, unknown>>).map((port) => ({
        target: port.target,
        protocol: port.protocol ?? 'tcp',
        host_ip: '127.0.0.1',
        mode: 'ingress',
      }));
    }
    service.labels = { ...((service.labels as Record<string, string>) ?? {}), ...options.labels };
    service.restart = 'no';
    delete service.deploy;
    Object.assign(service, SERVICE_LIMITS);
    service.logging = { driver: 'json-file', options: { 'max-size': '1m', 'max-file': '1' } };
    services[name] = service;
  }
  const scoped = (kind: 'volumes' | 'networks') => {
    const entries: Record<string, Record<string, unknown>> = {};
    for (const [key, value] of Object.entries(model[kind] ?? {})) {
      entries[key] = {
        ...(value ?? {}),
        name: `${options.project}_${key}`,
        labels: { ...(((value ?? {}).labels as Record<string, string>) ?? {}), ...options.labels },
      };
    }
    return entries;
  };
  const networks = scoped('networks');
  networks.default ??= { name: `${options.project}_default`, labels: { ...options.labels } };
  return { ...model, name: options.project, services, volumes: scoped('volumes'), networks };
}
