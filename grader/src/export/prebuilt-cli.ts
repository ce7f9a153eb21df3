// `npm run build`: builds the repository's prebuilt grader (.grade/prebuilt, git-ignored), which
// `npm run grade` then runs while it is the build of the sources as they are.
import { join } from 'node:path';
import { GRADER_ROOT } from '../location.ts';
import { buildPrebuilt, LOCAL_PREBUILT_DIR } from './prebuilt.ts';

const files = await buildPrebuilt(join(GRADER_ROOT, LOCAL_PREBUILT_DIR));
process.stdout.write(`prebuilt grader written to ${LOCAL_PREBUILT_DIR} (${files.length} files)\n`);
