// dockerfile.pip-no-cache: no pip install leaves pip's download cache in the final image.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { pipInstalls } from './pip.ts';
import { dockerfileSource, unavailable } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.pip-no-cache',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const { model } = source;
    if (!model.steps.some((step) => pipInstalls(step).length > 0)) {
      return fail(
        'Aucun RUN pip install trouvé : installez les dépendances avec RUN pip install --no-cache-dir -r requirements.txt.',
        { file: source.file },
      );
    }
    // Only the stages that make the final image matter: a builder stage's cache is left behind.
    const cached = model.chain.flatMap(pipInstalls).find((install) => !install.noCache);
    if (cached?.uv) {
      return fail('uv pip install garde son cache dans l’image : ajoutez --no-cache (ou ENV UV_NO_CACHE=1 avant ce RUN).', {
        file: source.file,
        line: cached.step.line,
      });
    }
    if (cached) {
      return fail(
        'pip install garde son cache de téléchargement dans l’image (souvent des dizaines de Mo inutiles). Ajoutez --no-cache-dir : RUN pip install --no-cache-dir -r requirements.txt (ou ENV PIP_NO_CACHE_DIR=1 avant ce RUN).',
        { file: source.file, line: cached.step.line },
      );
    }
    return pass();
  },
};
