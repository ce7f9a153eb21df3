// dockerfile.healthcheck (advice): the final image tells Docker how to check that the API answers.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { baseName, tokenize } from './shell.ts';
import { dockerfileSource, parseExecForm, rootStage, unavailable } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.healthcheck',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const { model } = source;
    const healthcheck = model.chain.filter((step) => step.keyword === 'HEALTHCHECK').at(-1);
    if (!healthcheck) {
      return fail(
        'Aucun HEALTHCHECK : Docker sait seulement que le processus tourne, pas que l’API répond. Ajoutez un HEALTHCHECK qui appelle /health avec python (module urllib.request).',
        { file: source.file },
      );
    }
    const where = { file: source.file, line: healthcheck.line };
    if (healthcheck.words[0]?.toUpperCase() === 'NONE') {
      return fail('HEALTHCHECK NONE désactive la vérification de santé : remplacez-le par un HEALTHCHECK CMD qui appelle /health.', where);
    }
    // curl is in no python slim/alpine image, wget only in alpine (busybox): a probe that cannot run always fails.
    const command = healthcheck.raw.replace(/^\s*CMD\s+/i, '');
    const exec = parseExecForm(command);
    const shellScript = exec && /^(sh|bash|ash)$/.test(baseName(exec[0] ?? '')) && exec[1] === '-c' ? exec[2] ?? '' : null;
    const commands = exec && shellScript === null ? [exec] : tokenize(shellScript ?? command, '\\', true);
    const programs = commands.map((words) => baseName(words[0] ?? ''));
    const alpine = /alpine/i.test(rootStage(model)?.image ?? '');
    const installed = (tool: string): boolean =>
      model.chain.some((step) => step.keyword === 'RUN' && /\b(apt-get|apt|apk|yum|dnf|microdnf)\b/.test(step.raw) && new RegExp(`\\b${tool}\\b`).test(step.raw));
    const missing = programs.find((program) => (program === 'curl' || (program === 'wget' && !alpine)) && !installed(program));
    if (missing) {
      return fail(
        `Le HEALTHCHECK appelle ${missing}, qui n’existe pas dans l’image : le conteneur serait toujours « unhealthy ». Utilisez python : CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"].`,
        where,
      );
    }
    return pass();
  },
};
