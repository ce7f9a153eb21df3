// requirements.pinned (advice): every requirement of starter/requirements.txt is pinned with ==.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { REQUIREMENTS, requirementsSource, type Requirement } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'requirements.pinned',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(requirementsSource);
    if (!source.ok) {
      return fail(`${source.message} Listez-y les dépendances de l’API avec leur version exacte (fastapi==…, uvicorn==…).`, {
        file: REQUIREMENTS,
      });
    }
    if (source.requirements.length === 0) {
      return fail(`${REQUIREMENTS} ne liste aucune dépendance : ajoutez fastapi et uvicorn avec leur version exacte (par exemple fastapi==0.115.11).`, {
        file: REQUIREMENTS,
      });
    }
    const unpinned = source.requirements.filter((requirement) => !isPinned(requirement));
    const first = unpinned[0];
    if (!first) return pass();
    const list = unpinned.map((r) => `« ${r.text} » (ligne ${r.line})`).join(', ');
    return fail(
      `Version non figée : ${list}. Sans ==, chaque build peut installer une autre version et casser l’API du jour au lendemain. Écrivez la version exacte, par exemple ${first.name}==<version> (pip freeze la donne).`,
      { file: REQUIREMENTS, line: first.line },
    );
  },
};

/** `==1.2.3` (or `===`), without wildcard; a direct URL reference is an exact artifact too. */
export function isPinned(requirement: Requirement): boolean {
  return requirement.url || /^===?[^,*=<>!~]+$/.test(requirement.specifier);
}
