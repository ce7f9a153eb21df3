import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { COMPOSE_PATH, composeLoader, unusable } from './compose-file.ts';

export const criterion: StaticCriterion = {
  id: 'compose.no-version-key',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    const { file } = load;
    if (!('version' in file.data)) return pass();
    return fail(
      `La clé version: « ${String(file.data.version)} » est obsolète : Compose v2 l'ignore et affiche un avertissement à chaque commande. Supprimez cette ligne.`,
      { file: COMPOSE_PATH, line: file.lineOf(['version']) },
    );
  },
};
