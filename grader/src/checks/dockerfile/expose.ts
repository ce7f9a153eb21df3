// dockerfile.expose: the final image documents port 8000 with EXPOSE.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { DOCKERFILE, dockerfileSource, unavailable } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.expose',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const exposes = source.model.chain.filter((step) => step.keyword === 'EXPOSE');
    if (exposes.some((step) => step.words.some(covers8000))) return pass();
    const first = exposes[0];
    if (!first) {
      return fail('Aucun EXPOSE : ajoutez EXPOSE 8000 pour documenter le port sur lequel l’API écoute (celui que publie -p 8000:8000).', {
        file: DOCKERFILE,
      });
    }
    return fail(
      `EXPOSE ${first.words.join(' ')} ne déclare pas le port 8000/tcp sur lequel uvicorn écoute : écrivez EXPOSE 8000.`,
      { file: DOCKERFILE, line: first.line },
    );
  },
};

/** `8000`, `8000/tcp`, or a range such as `8000-8010/tcp`. */
function covers8000(word: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(word);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return low <= 8000 && 8000 <= high && (match[3] ?? 'tcp').toLowerCase() === 'tcp';
}
