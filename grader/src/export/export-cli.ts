// `npm run export:template -- <dir> [--lab <id>]`: writes the student template of a lab (what an
// assignment repository starts from; default the lab of the repository's root) into <dir>, which
// must be empty or absent, with the grader prebuilt as JavaScript.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportError, exportTemplate } from './template.ts';
import { addTemplatePrebuilt } from './prebuilt.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { lab: { type: 'string' } }, strict: false });
const dest = positionals[0];
if (!dest) {
  process.stderr.write('Usage: npm run export:template -- <dir> [--lab <id>]   (an empty or new folder; a lab of labs/)\n');
  process.exitCode = 2;
} else {
  try {
    const lab = typeof values.lab === 'string' ? values.lab : undefined;
    const files = [...(await exportTemplate(resolve(dest), undefined, lab)), ...(await addTemplatePrebuilt(resolve(dest)))];
    process.stdout.write(`student template${lab ? ` of ${lab}` : ''} written to ${dest} (${files.length} files)\n`);
  } catch (error) {
    process.stderr.write(`export failed: ${error instanceof ExportError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
