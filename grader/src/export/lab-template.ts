import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRADER_ROOT } from '../location.ts';
import { readManifest, type Manifest } from '../integrity/manifest.ts';
import { addTemplatePrebuilt } from './prebuilt.ts';
import { ExportError, exportTemplate } from './template.ts';

/**
 * The manifest of the student template of lab `id` as its export writes it (grader-owned files,
 * rubric, test suites and prebuilt): what a student repository of that lab is compared with.
 */
export async function labTemplateManifest(id: string, root = GRADER_ROOT): Promise<Manifest> {
  const tmp = await mkdtemp(join(tmpdir(), 'docker-lab-template-'));
  try {
    const dest = join(tmp, 'template');
    await exportTemplate(dest, root, id);
    await addTemplatePrebuilt(dest, root);
    const manifest = await readManifest(dest);
    if (!manifest) throw new ExportError(`the template of ${id} has no manifest`);
    return manifest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
