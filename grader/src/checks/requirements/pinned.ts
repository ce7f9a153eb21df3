// requirements.pinned (advice): every requirement of starter/requirements.txt is pinned with ==.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { REQUIREMENTS, requirementsSource, type Requirement } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'requirements.pinned',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(requirementsSource);
    const { ofApp, requirements: given = [] } = ctx.lab.words;
    const names = given.map((pin) => pin.replace(/[=<>!~;\s[].*$/, ''));
    if (!source.ok) {
      const list = names.length > 0 ? ` (${names.map((name) => `${name}==…`).join(', ')})` : '';
      return fail(`${source.message} Listez-y les dépendances ${ofApp} avec leur version exacte${list}.`, {
        file: REQUIREMENTS,
      });
    }
    if (source.requirements.length === 0) {
      const what = names.length > 0 ? `ajoutez ${frenchList(names)} avec leur version exacte (par exemple ${given[0]})` : 'ajoutez-y chaque dépendance avec sa version exacte (nom==version)';
      return fail(`${REQUIREMENTS} ne liste aucune dépendance : ${what}.`, {
        file: REQUIREMENTS,
      });
    }
    const unpinned = source.requirements.filter((requirement) => !isPinned(requirement));
    const first = unpinned[0];
    if (!first) return pass();
    const list = unpinned.map((r) => `« ${r.text} » (ligne ${r.line})`).join(', ');
    return fail(
      `Version non figée : ${list}. Sans ==, chaque build peut installer une autre version et casser ${ctx.lab.words.app} du jour au lendemain. Écrivez la version exacte, par exemple ${first.name}==<version> (pip freeze la donne).`,
      { file: REQUIREMENTS, line: first.line },
    );
  },
};

/** « a », « a et b », « a, b et c ». */
function frenchList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} et ${items.at(-1)}` : (items[0] ?? '');
}

/** `==1.2.3` (or `===`), without wildcard; a direct URL reference is an exact artifact too. */
export function isPinned(requirement: Requirement): boolean {
  return requirement.url || /^===?[^,*=<>!~]+$/.test(requirement.specifier);
}
