// `npm run export:template -- <dir>`: writes the student template (what an assignment repository
// starts from) into <dir>, which must be empty or absent, with the grader prebuilt as JavaScript.
import { resolve } from 'node:path';
import { ExportError, exportTemplate } from './template.ts';
import { addTemplatePrebuilt } from './prebuilt.ts';

const dest = process.argv[2];
if (!dest || dest.startsWith('-')) {
  process.stderr.write('Usage: npm run export:template -- <dir>   (an empty or new folder)\n');
  process.exitCode = 2;
} else {
  try {
    const files = [...(await exportTemplate(resolve(dest))), ...(await addTemplatePrebuilt(resolve(dest)))];
    process.stdout.write(`student template written to ${dest} (${files.length} files)\n`);
  } catch (error) {
    process.stderr.write(`export failed: ${error instanceof ExportError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
