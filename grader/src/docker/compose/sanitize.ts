import { relative, sep } from 'node:path';
import type { ComposeModel } from './model.ts';

export interface SanitizeOptions {
  project: string;
  labels: Record<string, string>;
  /** Image built once for the run; services that build `imageContext` use it instead of building again. */
  image: string;
  /** Folder of the submission the run's image was built from, relative to it (`starter`). */
  imageContext: string;
  /** Absolute path of the submission; bind mounts must stay inside it. */
  submissionRoot: string;
}

const SERVICE_LIMITS = { mem_limit: '1g', memswap_limit: '1g', pids_limit: 512, cpus: 1 };

/** Whether a service's build context is the submission's folder `context` (relative to it). */
function buildsFrom(service: Record<string, unknown>, submissionRoot: string, context: string): boolean {
  const build = service.build as { context?: string } | undefined;
  if (!build || typeof build.context !== 'string') return false;
  return relative(submissionRoot, build.context).split(sep).join('/') === context;
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
    if (buildsFrom(service, options.submissionRoot, options.imageContext)) {
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
