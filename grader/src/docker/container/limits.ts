/** Resource limits of every container the grader starts itself. */
export const CONTAINER_LIMITS = {
  Memory: 512 * 1024 * 1024,
  MemorySwap: 512 * 1024 * 1024,
  PidsLimit: 256,
  NanoCpus: 1_000_000_000,
};
