// `npm run grade`: the grader's command line, from its prebuilt JavaScript when that was built from
// the sources as they are (grader/prebuilt.mjs), else from the TypeScript sources (Node strips the
// types). Both read the same arguments (process.argv) and give the same verdicts.
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshPrebuilt, PREBUILT_ENTRY } from './prebuilt.mjs';

// V8's code cache on disk (Node's own folder in the temporary directory): a second run does not
// compile the grader again. Where it cannot be written, Node goes on without it.
enableCompileCache?.();
const prebuilt = await freshPrebuilt();
await import(prebuilt ? pathToFileURL(join(prebuilt, PREBUILT_ENTRY)).href : './src/cli.ts');
