// `npm run export:classroom50 -- <dir>`: writes the Classroom 50 bundle (autograder.py, the
// prebuilt grader, the rubric, the template's manifest) into <dir>, which must be empty or absent.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportClassroom50, MAX_BUNDLE_BYTES } from './classroom50.ts';
import { ExportError } from './template.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { lab: { type: 'string' } }, strict: false });
const dest = positionals[0];
const lab = typeof values.lab === 'string' ? values.lab : undefined;
if (!dest) {
  process.stderr.write('Usage: npm run export:classroom50 -- <dir> [--lab <id>]   (an empty or new folder; commit it as CLASSROOM/autograders/ASSIGNMENT/)\n');
  process.exitCode = 2;
} else {
  try {
    const { files, compressedBytes } = await exportClassroom50(resolve(dest), undefined, lab);
    const size = compressedBytes === undefined ? 'size unknown (no tar)' : `${(compressedBytes / 1024 / 1024).toFixed(2)} MiB compressed, limit ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB`;
    process.stdout.write(`Classroom 50 bundle written to ${dest}: ${files.join(', ')} (${size})\n`);
  } catch (error) {
    process.stderr.write(`export failed: ${error instanceof ExportError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
