import type { ServiceReport } from '../../docker/compose/stack.ts';

/** The services in trouble, in one French sentence, and their last log lines. */
export function describeServices(services: ServiceReport[]): { text: string; logs: string } {
  const troubled = services.filter((s) => s.state !== 'running' || (s.health && s.health !== 'healthy'));
  const shown = troubled.length > 0 ? troubled : services;
  const text = shown
    .map((s) => `${s.service} : ${s.state}${s.state === 'exited' ? ` (code ${s.exitCode})` : ''}${s.health ? `, santé ${s.health}` : ''}`)
    .join(' ; ');
  const logs = shown.map((s) => `--- ${s.service} ---\n${s.logs}`).join('\n');
  return { text, logs };
}
