// Global setup of the self-tests: nothing to start; teardown sweeps what this process labelled.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
