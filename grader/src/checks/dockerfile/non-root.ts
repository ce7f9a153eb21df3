// dockerfile.non-root (advice): the final image does not run as root.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { dockerfileSource, unavailable } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.non-root',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const user = source.model.chain.filter((step) => step.keyword === 'USER').at(-1);
    if (!user) {
      return fail(
        `Aucun USER : ${ctx.lab.words.app} tourne en root dans le conteneur, sans en avoir besoin. Créez un utilisateur (RUN useradd --create-home appuser) puis passez-y avec USER appuser avant CMD.`,
        { file: source.file },
      );
    }
    const name = (user.words[0] ?? '').split(':')[0] ?? '';
    if (name === '' || name === 'root' || name === '0') {
      return fail(
        `USER ${user.words.join(' ')} garde l’utilisateur root : une faille ${ctx.lab.words.ofApp} donnerait tous les droits dans le conteneur. Passez à un utilisateur sans privilèges (USER appuser).`,
        { file: source.file, line: user.line },
      );
    }
    return pass();
  },
};
