import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ComposeModel } from './model.ts';

/**
 * What makes a setting unsafe for the host, as data: the caller words it for its readers.
 * `option`: the setting as written in the normalised model (`privileged: true`, `cap_add`,
 * `volumes.data external`).
 */
export type HostRisk =
  | { kind: 'option'; option: string }
  | { kind: 'docker-socket'; source: string }
  | { kind: 'bind-outside'; source: string }
  | { kind: 'mount-type'; type: string }
  | { kind: 'host-folder-volume'; volume: string }
  | { kind: 'file-outside'; key: string; file: string };

/** Something in a compose file the grader refuses to start on a shared machine. */
export interface HostSafetyProblem {
  service?: string;
  /** Dotted path of the key, e.g. `services.api.privileged`, to find its line in the source. */
  path: string[];
  risk: HostRisk;
}

const option = (text: string): HostRisk => ({ kind: 'option', option: text });

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
    if (service.privileged === true) problems.push({ service: name, path: at('privileged'), risk: option('privileged: true') });
    for (const key of ['cap_add', 'devices', 'device_cgroup_rules', 'security_opt', 'sysctls'] as const) {
      const value = service[key];
      if (value && (!Array.isArray(value) || value.length > 0) && (typeof value !== 'object' || Object.keys(value).length > 0)) {
        problems.push({ service: name, path: at(key), risk: option(key) });
      }
    }
    if (typeof service.cgroup_parent === 'string' && service.cgroup_parent !== '') {
      problems.push({ service: name, path: at('cgroup_parent'), risk: option(`cgroup_parent: ${service.cgroup_parent}`) });
    }
    if (service.oom_kill_disable === true) problems.push({ service: name, path: at('oom_kill_disable'), risk: option('oom_kill_disable: true') });
    if (typeof service.oom_score_adj === 'number' && service.oom_score_adj < 0) {
      problems.push({ service: name, path: at('oom_score_adj'), risk: option(`oom_score_adj: ${service.oom_score_adj}`) });
    }
    const volumesFrom = Array.isArray(service.volumes_from) ? (service.volumes_from as unknown[]) : [];
    volumesFrom.forEach((source, index) => {
      if (typeof source === 'string' && source.startsWith('container:')) {
        problems.push({ service: name, path: at('volumes_from', String(index)), risk: option(`volumes_from: ${source}`) });
      }
    });
    for (const key of HOST_NAMESPACES) {
      const value = service[key];
      if (typeof value === 'string' && (value === 'host' || value.startsWith('container:') || value.startsWith('service:'))) {
        problems.push({ service: name, path: at(key), risk: option(`${key}: ${value}`) });
      }
    }
    const volumes = Array.isArray(service.volumes) ? (service.volumes as Array<Record<string, unknown>>) : [];
    volumes.forEach((mount, index) => {
      const source = typeof mount.source === 'string' ? mount.source : '';
      if (mount.type === 'bind') {
        if (source.includes('docker.sock')) problems.push({ service: name, path: at('volumes', String(index)), risk: { kind: 'docker-socket', source } });
        else if (!isAbsolute(source) || !inside(submissionRoot, source)) {
          problems.push({ service: name, path: at('volumes', String(index)), risk: { kind: 'bind-outside', source } });
        }
      } else if (mount.type === 'npipe' || mount.type === 'cluster') {
        problems.push({ service: name, path: at('volumes', String(index)), risk: { kind: 'mount-type', type: String(mount.type) } });
      }
    });
  }
  for (const kind of ['volumes', 'networks'] as const) {
    for (const [key, value] of Object.entries(model[kind] ?? {})) {
      if (value && (value.external === true || (typeof value.external === 'object' && value.external))) {
        problems.push({ path: [kind, key, 'external'], risk: option(`${kind}.${key} external`) });
      }
      if (kind === 'volumes' && value && typeof value.driver_opts === 'object' && value.driver_opts) {
        const opts = value.driver_opts as Record<string, unknown>;
        if (opts.o === 'bind' || opts.type === 'none') problems.push({ path: [kind, key, 'driver_opts'], risk: { kind: 'host-folder-volume', volume: key } });
      }
    }
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [key, value] of Object.entries(model[kind] ?? {})) {
      const file = value?.file;
      if (typeof file === 'string' && !inside(submissionRoot, file)) {
        problems.push({ path: [kind, key, 'file'], risk: { kind: 'file-outside', key: `${kind}.${key}`, file } });
      }
      if (value?.external === true) problems.push({ path: [kind, key, 'external'], risk: option(`${kind}.${key} external`) });
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
    if (outside) problems.push({ path, risk: { kind: 'file-outside', key: String(path.filter((key) => !/^\d+$/.test(key)).slice(-1)[0]), file } });
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

