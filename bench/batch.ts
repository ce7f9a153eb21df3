// `npm run bench:batch`: wall time of a batch regrade of a mixed class of 10 submissions with full
// Docker grading, with 1 worker then 2 (BENCH_WORKERS=1,2,3 to change), on this machine.
// Class: 4 correct variants, 3 broken, 1 with a build that never ends (build deadline 20 s),
// 1 tampered (edited tests, graded by the pristine grader), 1 without a named volume. A script, not a test.
import { cpus, totalmem } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../grader/src/batch/run.ts';
import { templatePrebuiltHashes } from '../grader/src/export/prebuilt.ts';
import { classStats } from '../grader/src/batch/gradebook.ts';
import { loadRubric } from '../grader/src/rubric/rubric.ts';
import { replaceOnce } from '../grader/src/lab/testing.ts';
import { MUTANTS } from '../labs/csc8613-tp1/mutants.ts';
import { reference } from '../labs/csc8613-tp1/testing.ts';
import type { Overlay } from '../selftest/support/submission.ts';
import { exportedTemplate, makeClass, type StudentRepo } from '../selftest/e2e/batch-fixtures.ts';

process.env.DOCKER_LAB_BUILD_NETWORK ??= 'none';
const workers = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const overlay = (name: string) => MUTANTS.find((m) => m.name === name)!.files as Overlay;
const repos: StudentRepo[] = [
  { name: 'correct-reference', git: true },
  { name: 'correct-python-m-uvicorn', overlay: overlay('valid: python -m uvicorn') },
  { name: 'correct-long-ports', overlay: overlay('valid: long-form ports') },
  { name: 'correct-env-list', overlay: overlay('valid: environment as a list') },
  { name: 'broken-requirements', overlay: overlay('pip installs a package that does not exist') },
  { name: 'broken-health-500', overlay: overlay('/health answers 500') },
  { name: 'broken-db-user', overlay: overlay('wrong database user') },
  { name: 'hanging-build', overlay: { 'starter/Dockerfile': replaceOnce(reference.dockerfile, 'WORKDIR /app', 'WORKDIR /app\nRUN while true; do :; done') } },
  { name: 'tampered-tests', overlay: { 'tests/report.test.ts': "import { test } from 'vitest';\ntest('ok', () => {});\n" } },
  { name: 'no-named-volume', overlay: overlay('no named volume') },
];

const rubric = await loadRubric();
const settings = { ...rubric.settings, buildTimeoutSeconds: 20 };
const template = await exportedTemplate();
const cls = await makeClass(template.dir, repos);
process.stdout.write(`bench:batch: ${repos.length} submissions, full grading; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
const times = new Map<number, number>();
try {
  // Warm-up: one graded submission fills the layer cache, as a real class would after the first.
  const warm = await mkdtemp(join(tmpdir(), 'bench-batch-'));
  const one = await makeClass(template.dir, [{ name: 'warm-up' }]);
  // The template's prebuilt, as the CLI passes it: without it every student would be listed as tampered.
  const pristineBuilt = await templatePrebuiltHashes();
  await runBatch({ folder: one.dir, out: warm, concurrency: 1, rubric: { ...rubric, settings }, progress: null, pristineBuilt });
  await one.cleanup();
  await rm(warm, { recursive: true, force: true });
  for (const n of workers) {
    const out = await mkdtemp(join(tmpdir(), 'bench-batch-'));
    const start = performance.now();
    const { book } = await runBatch({ folder: cls.dir, out, concurrency: n, rubric: { ...rubric, settings }, progress: null, pristineBuilt });
    const ms = performance.now() - start;
    times.set(n, ms);
    const stats = classStats(book);
    process.stdout.write(`  ${n} worker${n > 1 ? 's' : ''}: ${(ms / 1000).toFixed(1)} s — ${stats.graded} graded, ${stats.errors} errors, ${stats.tampered} tampered, mean ${stats.mean}/${stats.maxScore}\n`);
    await rm(out, { recursive: true, force: true });
  }
  const base = times.get(workers[0]!)!;
  for (const [n, ms] of times) if (n !== workers[0]) process.stdout.write(`  speed-up ${workers[0]}→${n} workers: ×${(base / ms).toFixed(2)}\n`);
} finally {
  await cls.cleanup();
  await template.cleanup();
}
