// dockerignore.present: starter/.dockerignore keeps Python caches, virtualenvs and .git out of the build context.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { isExcluded, lastMatch } from './patterns.ts';
import { DOCKERIGNORE, dockerignoreSource } from './source.ts';

/** What must stay out of the context, each judged on sample paths a student's folder really has. */
const REQUIRED = [
  { what: 'les caches Python (__pycache__/)', paths: ['__pycache__/app.cpython-313.pyc'], example: '__pycache__/' },
  { what: 'l’environnement virtuel (.venv/)', paths: ['.venv/bin/python', 'venv/bin/python', 'env/bin/python'], example: '.venv/' },
  { what: 'le dépôt Git (.git)', paths: ['.git/HEAD'], example: '.git' },
];

export const criterion: StaticCriterion = {
  id: 'dockerignore.present',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerignoreSource);
    if (!source.ok) {
      const hint = source.missing
        ? ' Créez-le pour que docker build n’envoie pas au démon les caches, l’environnement virtuel et .git.'
        : '';
      return fail(`${source.message}${hint}`, { file: DOCKERIGNORE });
    }
    if (source.patterns.length === 0) {
      return fail(
        `${DOCKERIGNORE} ne contient aucun motif (seulement des commentaires ou des lignes vides) : ajoutez au moins __pycache__/, .venv/ et .git.`,
        { file: DOCKERIGNORE },
      );
    }
    const missing = REQUIRED.filter((rule) => !rule.paths.some((path) => isExcluded(source.patterns, path)));
    if (missing.length === 0) return pass();
    const examples = missing.map((rule) => rule.example).join(', ');
    const pycNote = missing.includes(REQUIRED[0]!) && source.patterns.some((p) => /^\*\.py[cod]$/.test(p.text))
      ? ' (« *.pyc » ne vise que la racine du contexte, pas le dossier __pycache__/)'
      : '';
    // A `!` line that brings a required path back is the line to fix.
    const reincluded = missing.flatMap((rule) => rule.paths.map((path) => lastMatch(source.patterns, path))).find((p) => p?.exclusion);
    return fail(
      `${DOCKERIGNORE} n’exclut pas ${missing.map((rule) => rule.what).join(', ni ')}${pycNote} : ces fichiers partiraient dans le contexte de build, ralentiraient docker build et pourraient finir dans l’image. Ajoutez : ${examples}.`,
      { file: DOCKERIGNORE, ...(reincluded ? { line: reincluded.line } : {}) },
    );
  },
};
