import { fileURLToPath } from 'node:url';
import { drift, sync } from './sync.ts';

// `npm run rubric:sync` regenerates every view of the rubric; `npm run rubric:sync -- --check`
// only reports the files that are out of date (exit code 1).
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale = await drift(ROOT);
    for (const path of stale) process.stderr.write(`${path} is out of date: run npm run rubric:sync\n`);
    return stale.length > 0 ? 1 : 0;
  }
  const changed = await sync(ROOT);
  process.stdout.write(changed.length > 0 ? `updated: ${changed.join(', ')}\n` : 'every view is up to date\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rubric:sync: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
