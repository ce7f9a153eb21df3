// `npm run manifest`: rewrites grader/manifest.json from the grader-owned files of this repository.
// `npm run manifest -- --check`: exits 1 (and lists the paths) when the committed one is stale.
import { GRADER_ROOT, MANIFEST_REL } from './files.ts';
import { buildManifest, manifestDrift, readManifest, serializeManifest, writeManifest } from './manifest.ts';

if (process.argv.includes('--check')) {
  const [fresh, committed] = await Promise.all([buildManifest(GRADER_ROOT), readManifest(GRADER_ROOT)]);
  const stale = manifestDrift(committed?.files ?? {}, fresh.files);
  if (!committed || stale.length > 0) {
    process.stderr.write(`${MANIFEST_REL} is stale (${committed ? stale.join(', ') : 'missing'}): run npm run manifest\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${MANIFEST_REL} is up to date (${Object.keys(fresh.files).length} files)\n`);
} else {
  const manifest = await writeManifest(GRADER_ROOT);
  process.stdout.write(`${MANIFEST_REL}: ${Object.keys(manifest.files).length} files\n${serializeManifest(manifest).length} bytes written\n`);
}

