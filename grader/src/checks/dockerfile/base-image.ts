// dockerfile.base-image: the final image starts from python:<explicit version>-slim or -alpine.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { dockerfileSource, rootStage, unavailable } from './source.ts';

/** `3.13-slim`, `3.12.7-slim-bookworm`, `3.13-alpine3.20`, `3.14.0rc2-slim`… */
const GOOD_TAG = /^\d+\.\d+(\.\d+)?((a|b|rc)\d+)?-(slim(-[a-z]+)?|alpine(\d+(\.\d+)*)?)$/;
const DOCKER_HUB = /^((docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(library\/)?/;

export const criterion: StaticCriterion = {
  id: 'dockerfile.base-image',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const root = rootStage(source.model);
    if (!root) {
      return fail('Aucune instruction FROM : le Dockerfile doit commencer par l’image de base, par exemple FROM python:3.13-slim.', {
        file: source.file,
      });
    }
    const where = { file: source.file, line: root.from.line };
    if (root.from.unresolved.length > 0) {
      return fail(
        `L’image de base utilise la variable ${root.from.unresolved.join(', ')} sans valeur par défaut : le build ne peut pas la résoudre. Donnez-lui une valeur (ARG ${root.from.unresolved[0]}=3.13 avant FROM) ou écrivez la version en clair.`,
        where,
      );
    }
    const verdict = judgeImage(root.image);
    return verdict === null ? pass() : fail(verdict, where);
  },
};

/** Null when the reference is an explicitly versioned slim/alpine Python image, else the reason. */
export function judgeImage(reference: string): string | null {
  const [nameAndTag = '', digest] = reference.split('@');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = (hasTag ? nameAndTag.slice(0, colon) : nameAndTag).toLowerCase();
  const tag = hasTag ? nameAndTag.slice(colon + 1) : null;
  const suggestion = 'Utilisez par exemple FROM python:3.13-slim.';
  if (name.replace(DOCKER_HUB, '') !== 'python') {
    return `L’image de base « ${reference} » n’est pas l’image Python officielle : le TP demande python:<version>-slim (ou -alpine). ${suggestion}`;
  }
  if (tag === null) {
    const pinned = digest ? 'un condensé seul ne dit pas quelle variante est utilisée' : 'sans tag, Docker prend « latest », qui change à chaque nouvelle version';
    return `L’image de base « ${reference} » n’a pas de tag : ${pinned}. ${suggestion}`;
  }
  if (tag === 'latest') {
    return `L’image de base utilise le tag « latest », qui change à chaque nouvelle version de Python : le build ne serait pas reproductible. ${suggestion}`;
  }
  if (GOOD_TAG.test(tag)) return null;
  if (!/^\d+\.\d+/.test(tag)) {
    return `Le tag « ${tag} » ne fixe pas de version précise de Python (au moins majeure.mineure, comme 3.13) : l’image changerait sous vos pieds. ${suggestion}`;
  }
  return `Le tag « ${tag} » n’est pas une variante légère : l’image complète pèse près de 1 Go, contre environ 150 Mo pour -slim. ${suggestion}`;
}
