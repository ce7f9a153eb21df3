import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GRADER_ROOT } from '../location.ts';
import { DEFAULT_RUBRIC_PATH, loadRubric, RubricError, type Rubric } from '../rubric/rubric.ts';

/**
 * A failure of the grader itself, not of the student's work: said once, in French (what happened,
 * what to do), with the technical detail (message, stack, causes) written to a file whose path is
 * printed, never on screen; in GitHub Actions, where no one can open that file, after a separator.
 */

/** Exit codes of `npm test` and `npm run grade` (README « Codes de sortie »). */
export const EXIT_CODES = {
  /** Every graded criterion has all its points. */
  fullMarks: 0,
  /** A graded criterion misses points (`npm test`; `npm run grade --require-full`). */
  pointsMissing: 1,
  /** The command line is wrong (unknown option, criterion or group). */
  usage: 2,
  /** The grader itself failed: no score was computed. */
  graderFailure: 3,
} as const;

export interface CrashExplanation {
  /** What went wrong, in words a student understands. */
  what: string;
  /** What to do about it. */
  fix: string;
}

/** A failure the grader recognised and explained; `cause` is the original error (the technical detail). */
export class GraderFailure extends Error {
  readonly explanation: CrashExplanation;
  constructor(explanation: CrashExplanation, cause: unknown) {
    super(explanation.what, { cause });
    this.name = 'GraderFailure';
    this.explanation = explanation;
  }
}

const RESTORE = (file: string) =>
  `Ce fichier appartient au correcteur : restaurez-le avec \`git checkout -- ${file}\` (ou reprenez-le du dépôt de départ), puis relancez. Enseignant : corrigez-le, puis lancez \`npm run rubric:sync\`.`;

/** The rubric, or a GraderFailure that says in French why it cannot be read and how to restore it. */
export async function loadRubricOrExplain(path = DEFAULT_RUBRIC_PATH): Promise<Rubric> {
  try {
    return await loadRubric(path);
  } catch (error) {
    throw new GraderFailure(explainRubric(error, path), error);
  }
}

export function explainRubric(error: unknown, path = DEFAULT_RUBRIC_PATH): CrashExplanation {
  const shown = displayPath(path);
  const fix = RESTORE(shown);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { what: `Le barème \`${shown}\` est introuvable.`, fix };
  if (code === 'EACCES' || code === 'EPERM') return { what: `Le barème \`${shown}\` est illisible (droits d'accès refusés).`, fix: `Rendez-le lisible (\`chmod u+r ${shown}\`), puis relancez.` };
  if (code === 'EISDIR') return { what: `Le barème \`${shown}\` est un dossier, pas un fichier.`, fix };
  if ((error as Error)?.name === 'YAMLParseError') {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return { what: `Le barème \`${shown}${line ? `:${line}` : ''}\` n'est pas du YAML valide.`, fix };
  }
  if (error instanceof RubricError) return { what: `Le barème \`${shown}\` est invalide (un critère, ses points ou un réglage).`, fix };
  return { what: `Le barème \`${shown}\` n'a pas pu être lu.`, fix };
}

/** What a failure means for a student, from the error itself when the grader did not explain it. */
export function explainCrash(error: unknown): CrashExplanation {
  if (error instanceof GraderFailure) return error.explanation;
  const code = (error as NodeJS.ErrnoException)?.code;
  const path = (error as NodeJS.ErrnoException)?.path;
  if (code === 'ENOSPC') {
    return { what: "Le disque est plein : le correcteur n'a pas pu écrire.", fix: "Libérez de la place (par exemple `docker system prune` et `docker builder prune`), puis relancez." };
  }
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    return { what: 'Une dépendance du correcteur manque (node_modules incomplet).', fix: 'Lancez `npm ci` dans le dossier du dépôt, puis relancez.' };
  }
  if ((code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') && path) {
    const why = code === 'ENOENT' ? 'est introuvable' : 'est illisible (droits d’accès refusés)';
    return { what: `Le chemin \`${displayPath(path)}\` ${why}.`, fix: 'Vérifiez que vous lancez la commande à la racine du dépôt et que le chemin existe, puis relancez.' };
  }
  return {
    what: 'Le correcteur a rencontré une erreur interne.',
    fix: "Relancez ; si l'erreur revient, envoyez à l'enseignant le fichier de détail indiqué ci-dessous.",
  };
}

/** Where the technical detail of failures goes: a file per failure, outside the student's repository. */
export const CRASH_DIR = join(tmpdir(), 'docker-lab-correcteur');

/** The message, stack and causes of an error, for the detail file. */
export function technicalDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(depth === 0 ? '' : 'Cause :', current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.filter(Boolean).join('\n');
}

export interface CrashReport {
  /** The French text to print (no stack). */
  text: string;
  /** The file holding the technical detail, when it could be written. */
  detailFile?: string;
}

/**
 * The French text of a grader failure, once: that no score was computed (not a low score), the
 * cause, what to do, and where the technical detail is. In GitHub Actions the detail follows a
 * separator (the runner's temporary files are gone after the job).
 */
export async function reportCrash(error: unknown, options: { env?: NodeJS.ProcessEnv; dir?: string; now?: Date } = {}): Promise<CrashReport> {
  const env = options.env ?? process.env;
  const { what, fix } = explainCrash(error);
  const detail = technicalDetail(error);
  const now = options.now ?? new Date();
  let detailFile: string | undefined;
  try {
    const dir = options.dir ?? CRASH_DIR;
    await mkdir(dir, { recursive: true });
    detailFile = join(dir, `echec-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
    await writeFile(detailFile, `Correcteur du TP Docker — échec du ${now.toISOString()}\nNode ${process.version}, ${process.platform}\n\n${detail}\n`);
  } catch {
    detailFile = undefined;
  }
  const inActions = env.GITHUB_ACTIONS === 'true';
  const lines = [
    '',
    'Le correcteur a échoué : aucune note n’a été calculée. Ce n’est pas une note basse.',
    `  Cause : ${what}`,
    `  Que faire : ${fix}`,
  ];
  if (detailFile) lines.push(`  Détail technique (pour l'enseignant) : ${detailFile}`);
  if (inActions || !detailFile) lines.push('', '-------- Détail technique (pour l’enseignant) --------', detail);
  return { text: `${lines.join('\n')}\n`, ...(detailFile ? { detailFile } : {}) };
}

/** A path as the student sees it: relative to the repository when it is inside it. */
function displayPath(path: string): string {
  const inside = relative(GRADER_ROOT, path);
  return inside && !inside.startsWith('..') ? inside.split('\\').join('/') : path;
}
