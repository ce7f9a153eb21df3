/**
 * The environment of a machine that is neither CI nor GitHub Actions nor a vitest worker: the
 * self-tests' own variables removed (and DOCKER_LAB_RECORD, which would make every child overwrite one
 * recording), so a child grades as on a student's machine (plus `extra`).
 */
export function machineEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(GITHUB_|VITEST|RUNNER_|GRADE_)/.test(key) || key === 'CI' || key === 'NODE_OPTIONS' || key === 'DOCKER_LAB_RECORD') continue;
    env[key] = value;
  }
  return { ...env, DOCKER_LAB_BUILD_NETWORK: process.env.DOCKER_LAB_BUILD_NETWORK ?? 'none', ...extra };
}
