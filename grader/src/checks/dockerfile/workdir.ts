// dockerfile.workdir: an absolute WORKDIR in the final image before the first file copy.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { dockerfileSource, unavailable, type Step } from './source.ts';

/** COPY/ADD of files from the build context (not `--from` another stage or image). */
export function copiesFromContext(step: Step): boolean {
  return (step.keyword === 'COPY' || step.keyword === 'ADD') && !step.flags.has('from');
}

export const criterion: StaticCriterion = {
  id: 'dockerfile.workdir',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const chain = source.model.chain;
    const firstCopy = chain.findIndex(copiesFromContext);
    const before = firstCopy < 0 ? chain : chain.slice(0, firstCopy);
    const workdirs = before.filter((step) => step.keyword === 'WORKDIR');
    const copyLine = firstCopy >= 0 ? chain[firstCopy]!.line : undefined;
    if (workdirs.length === 0) {
      const later = chain.find((step) => step.keyword === 'WORKDIR');
      const message = later
        ? `WORKDIR (ligne ${later.line}) arrive après la première copie de fichiers : ils sont copiés dans / au lieu de votre dossier de travail. Placez WORKDIR /app avant le premier COPY.`
        : 'Aucun WORKDIR dans l’image finale : les fichiers seraient copiés à la racine / du conteneur, mélangés au système. Ajoutez WORKDIR /app avant le premier COPY.';
      return fail(message, { file: source.file, ...(copyLine ? { line: copyLine } : {}) });
    }
    for (const step of workdirs) {
      const path = step.words[0] ?? '';
      if (!path.startsWith('/')) {
        const shown = path === '' ? step.raw : path;
        return fail(
          `WORKDIR « ${shown} » n’est pas un chemin absolu : il dépend du dossier courant hérité de l’image, donc de l’image de base. Écrivez un chemin qui commence par /, par exemple WORKDIR /app.`,
          { file: source.file, line: step.line },
        );
      }
    }
    return pass();
  },
};
