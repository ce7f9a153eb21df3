// dockerfile.expose: the final image documents the port of the lab's service with EXPOSE.
import { serviceOf } from '../../lab/lab.ts';
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { dockerfileSource, unavailable } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.expose',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const { port, launch } = serviceOf(ctx.lab);
    const exposes = source.model.chain.filter((step) => step.keyword === 'EXPOSE');
    if (exposes.some((step) => step.words.some((word) => covers(word, port)))) return pass();
    const first = exposes[0];
    if (!first) {
      return fail(`Aucun EXPOSE : ajoutez EXPOSE ${port} pour documenter le port sur lequel ${ctx.lab.words.app} écoute (celui que publie -p ${port}:${port}).`, {
        file: source.file,
      });
    }
    return fail(
      `EXPOSE ${first.words.join(' ')} ne déclare pas le port ${port}/tcp sur lequel ${launch.program} écoute : écrivez EXPOSE ${port}.`,
      { file: source.file, line: first.line },
    );
  },
};

/** `8000`, `8000/tcp`, or a range such as `8000-8010/tcp`, for port 8000. */
function covers(word: string, port: number): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(word);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return low <= port && port <= high && (match[3] ?? 'tcp').toLowerCase() === 'tcp';
}
