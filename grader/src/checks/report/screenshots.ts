// report.screenshots: every image the report links resolves to a file of the repository, as GitHub
// would display it, and every capture question has evidence (an image or pasted terminal output).
//
// Resolution follows GitHub: a target relative to REPORT.md's folder (the root), or repository-absolute
// (`/captures/x.png`, from the root); `<angle brackets>`, titles, `?query` and `#fragment` dropped;
// percent-escapes decoded (`%20`, `%E2%80%99`). The file must be readable through the Submission:
// a `..` leaving the repository, a symlink pointing out, or a path outside the student's folders does
// not count. Remote `http(s)://` images pass but are reported as not verifiable. `data:` URIs and local
// paths of the student's machine (`C:\…`, `file:`) are broken: GitHub shows neither.
import type { StaticCriterion } from '../criterion.ts';
import type { Submission } from '../../submission/submission.ts';
import { fail, pass } from '../../model/result.ts';
import { hasCaptureEvidence } from './answers.ts';
import { reportLoader } from './load-report.ts';
import { REPORT_FILE } from './source/file.ts';
import type { ImageLink } from './source/images.ts';

export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'broken'; reason: string };

/** The repository path an image target names, following GitHub's rules (no file-system access). */
export function targetPath(target: string): Resolution {
  let raw = target.trim().replace(/^<(.*)>$/s, '$1').trim();
  if (raw === '') return { kind: 'broken', reason: 'lien vide' };
  if (/^(?:https?:)?\/\//i.test(raw)) return { kind: 'remote', url: raw };
  if (/^data:/i.test(raw)) return { kind: 'broken', reason: 'image intégrée en data:, que GitHub n\'affiche pas ; enregistrez-la dans captures/' };
  if (/^[a-z]:[\\/]/i.test(raw) || /^file:/i.test(raw)) return { kind: 'broken', reason: 'chemin de votre ordinateur, introuvable dans le dépôt ; copiez l\'image dans captures/' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return { kind: 'broken', reason: 'adresse non prise en charge ; utilisez un chemin vers captures/' };
  raw = raw.replace(/[?#].*$/s, '');
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A lone `%` is part of the name.
  }
  if (path.includes('\\')) return { kind: 'broken', reason: 'chemin avec des « \\ » ; GitHub attend des « / », par exemple captures/x.png' };
  const segments: string[] = [];
  for (const segment of path.replace(/^\/+/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'broken', reason: 'le chemin sort du dépôt (« .. » de trop)' };
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return { kind: 'broken', reason: 'chemin vers la racine du dépôt, pas vers une image' };
  return { kind: 'file', path: segments.join('/') };
}

/** Resolves an image target inside the submission: a readable student file, a remote URL, or broken with a reason. */
export async function resolveImage(submission: Submission, target: string): Promise<Resolution> {
  const resolution = targetPath(target);
  if (resolution.kind !== 'file') return resolution;
  const found = await submission.resolve(resolution.path);
  switch (found.state) {
    case 'ok':
      return (await submission.isFile(resolution.path))
        ? resolution
        : { kind: 'broken', reason: 'ce chemin est un dossier, pas une image' };
    case 'outside':
      return {
        kind: 'broken',
        reason:
          found.reason === 'escapes-repository'
            ? 'lien symbolique qui sort du dépôt ; mettez le vrai fichier dans captures/'
            : "fichier hors des dossiers rendus (seuls captures/ et starter/ sont pris) ; déplacez l'image dans captures/",
      };
    default:
      return { kind: 'broken', reason: await missingReason(submission, resolution.path) };
  }
}

async function missingReason(submission: Submission, path: string): Promise<string> {
  const slash = path.lastIndexOf('/');
  const dir = slash === -1 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const entries = dir === '' ? [] : await submission.list(dir);
  const sameLetters = entries.find((entry) => entry.toLowerCase() === name.toLowerCase());
  if (sameLetters) return `fichier absent ; il existe « ${sameLetters} » : GitHub distingue majuscules et minuscules`;
  return 'fichier absent du dépôt (nom exact ? image ajoutée avec git add ?)';
}

/** A student-written target, made safe and short for a message. */
function shown(target: string): string {
  const flat = target.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

export const criterion: StaticCriterion = {
  id: 'report.screenshots',
  kind: 'static',
  async judge(ctx) {
    const report = await ctx.load(reportLoader);
    if (report.state !== 'ok') return fail(`Captures non vérifiées, voir « report.present » : ${report.message}`, { file: REPORT_FILE });

    const broken: { link: ImageLink; reason: string }[] = [];
    const remote: ImageLink[] = [];
    const resolved = new Map<string, Promise<Resolution>>();
    for (const link of report.images) {
      let pending = resolved.get(link.target);
      if (!pending) {
        pending = resolveImage(ctx.submission, link.target);
        resolved.set(link.target, pending);
      }
      const resolution = await pending;
      if (resolution.kind === 'broken') broken.push({ link, reason: resolution.reason });
      if (resolution.kind === 'remote') remote.push(link);
    }
    const withoutEvidence = ctx.lab.report.questions.filter((q) => q.type === 'capture').filter((q) => {
      const section = report.sections.get(q.id);
      return !section || !hasCaptureEvidence(section.answer);
    });

    const remoteNote =
      remote.length > 0
        ? `${remote.length} image${remote.length > 1 ? 's' : ''} distante${remote.length > 1 ? 's' : ''} acceptée${remote.length > 1 ? 's' : ''} sans vérification (ligne ${remote.map((l) => l.line).join(', ')}) ; une image dans captures/ est plus sûre.`
        : '';
    if (broken.length === 0 && withoutEvidence.length === 0) return pass(remoteNote);

    const parts: string[] = [];
    if (broken.length > 0) {
      const list = broken.slice(0, 10).map(({ link, reason }) => `ligne ${link.line} « ${shown(link.target)} » (${reason})`);
      if (broken.length > 10) list.push(`et ${broken.length - 10} autres`);
      parts.push(`Images introuvables : ${list.join(' ; ')}. Une image cassée n'apparaît pas dans votre rendu.`);
    }
    if (withoutEvidence.length > 0) {
      const list = withoutEvidence.map((q) => {
        const line = report.sections.get(q.id)?.line;
        return line ? `${q.id} (ligne ${line})` : `${q.id} (titre absent)`;
      });
      parts.push(
        `Questions de type capture sans preuve : ${list.join(', ')} ; ajoutez une image de captures/ (\`![description](captures/nom.png)\`) ou collez la sortie du terminal dans un bloc \`\`\`text.`,
      );
    }
    if (remoteNote) parts.push(remoteNote);
    const line = broken[0]?.link.line ?? report.sections.get(withoutEvidence[0]?.id ?? '')?.line;
    return fail(parts.join(' '), { file: REPORT_FILE, ...(line ? { line } : {}) });
  },
};
