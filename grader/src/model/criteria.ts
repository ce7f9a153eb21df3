// Stable criterion ids of the catalogue (spec §5). Titles, groups and points live in the rubric.
export const CRITERION_IDS = [
  'dockerfile.present',
  'dockerfile.base-image',
  'dockerfile.workdir',
  'dockerfile.layer-order',
  'dockerfile.pip-no-cache',
  'dockerfile.exec-form',
  'dockerfile.expose',
  'dockerignore.present',
  'dockerfile.non-root',
  'dockerfile.healthcheck',
  'requirements.pinned',
  'image.build',
  'image.size',
  'container.health',
  'container.graceful-stop',
  'compose.valid',
  'compose.api',
  'compose.db',
  'compose.db-volume',
  'compose.healthcheck',
  'compose.no-version-key',
  'stack.up',
  'stack.psql',
  'stack.persistence',
  'report.present',
  'report.ex1-2',
  'report.ex3-4',
  'report.ex5-6',
  'report.ex7',
  'report.ex8',
  'report.screenshots',
  'report.encoding',
] as const;

export type CriterionId = (typeof CRITERION_IDS)[number];

export function isCriterionId(value: string): value is CriterionId {
  return (CRITERION_IDS as readonly string[]).includes(value);
}
