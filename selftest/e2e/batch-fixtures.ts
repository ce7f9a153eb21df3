import { execa } from 'execa';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportTemplate } from '../../grader/src/export/template.ts';
import { addTemplatePrebuilt } from '../../grader/src/export/prebuilt.ts';
import { REFERENCE_DIR, applyOverlay, type Overlay } from '../support/submission.ts';

const STUDENT_PATHS = ['starter', 'docker-compose.yml', 'REPORT.md', 'captures'];

/** A student repository as an instructor's clone leaves it: the template, the reference answers, an overlay. */
export interface StudentRepo {
  name: string;
  /** Changes over the reference solution, student-owned or grader-owned paths alike. */
  overlay?: Overlay;
  /** Commit the result in a fresh git repository (with a fixed date). */
  git?: boolean;
}

/** Exports the student template once into a temporary folder, its prebuilt grader included (as `npm run export:template`). */
export async function exportedTemplate(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-lab-template-'));
  await exportTemplate(join(dir, 't'));
  await addTemplatePrebuilt(join(dir, 't'));
  return { dir: join(dir, 't'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes each repository as a subfolder of a new class folder. */
export async function makeClass(template: string, repos: StudentRepo[]): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-lab-class-'));
  for (const repo of repos) {
    const root = join(dir, repo.name);
    await cp(template, root, { recursive: true, verbatimSymlinks: true });
    for (const entry of STUDENT_PATHS) {
      await rm(join(root, entry), { recursive: true, force: true });
      await cp(join(REFERENCE_DIR, entry), join(root, entry), { recursive: true, verbatimSymlinks: true });
    }
    await applyOverlay(root, repo.overlay ?? {});
    if (repo.git) {
      const env = { GIT_AUTHOR_NAME: 'Élève', GIT_AUTHOR_EMAIL: 'eleve@example.org', GIT_COMMITTER_NAME: 'Élève', GIT_COMMITTER_EMAIL: 'eleve@example.org', GIT_AUTHOR_DATE: '2026-10-01T12:00:00+02:00', GIT_COMMITTER_DATE: '2026-10-01T12:00:00+02:00' };
      await execa('git', ['init', '-q', '-b', 'main'], { cwd: root, env });
      await execa('git', ['add', '-A'], { cwd: root, env });
      await execa('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'rendu'], { cwd: root, env });
    }
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The page as headless Chromium renders it (scripts run), with all network access off. */
export async function renderedDom(file: string, hash = ''): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  try {
    const { stdout } = await execa(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions', `--user-data-dir=${profile}`, '--dump-dom', `${pathToFileURL(file).href}${hash}`],
      { stdin: 'ignore', timeout: 90_000 },
    );
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

export const haveChromium = (await execa('sh', ['-c', 'command -v chromium'], { reject: false })).exitCode === 0;
/** Where no Chromium is installed, DOCKER_LAB_SKIP_BROWSER=1 skips the tests that read a page in it. */
export const skipBrowser = !haveChromium && process.env.DOCKER_LAB_SKIP_BROWSER === '1';
export const NEED_CHROMIUM = "Debian's chromium is needed for this test (apt-get install chromium), or set DOCKER_LAB_SKIP_BROWSER=1";
