// dockerfile.layer-order: requirements.txt copied alone and installed before the code is copied,
// so that editing the code (the lab's app file, app.py) keeps the (slow) dependency layer in Docker's build cache.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { boundRequirements, pipInstalls, type PipInstall } from './pip.ts';
import { baseName, resolveImagePath } from './shell.ts';
import { dockerfileSource, lineageOf, unavailable, type Step } from './source.ts';
import { copiesFromContext } from './workdir.ts';

/** How to order the Dockerfile, naming the lab's code file (« app.py »). */
const how = (code: string) => `Copiez d’abord requirements.txt seul (COPY requirements.txt .), lancez pip install -r requirements.txt, puis copiez le code (COPY ${code} .).`;

export const criterion: StaticCriterion = {
  id: 'dockerfile.layer-order',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) return unavailable(source);
    const { model } = source;
    const code = baseName(ctx.lab.words.appFile);
    const HOW = how(code);
    const lineage = lineageOf(model.final);
    const stages = [...lineage, ...model.stages.filter((stage) => !lineage.includes(stage))];

    let target: { install: PipInstall; steps: Step[] } | null = null;
    for (const stage of stages) {
      const install = stage.steps.flatMap(pipInstalls).find((found) => found.requirements.length > 0);
      if (install) {
        target = { install, steps: lineageOf(stage).flatMap((s) => s.steps) };
        break;
      }
    }
    if (!target) {
      const byName = model.steps.flatMap(pipInstalls)[0];
      if (byName) {
        return fail(
          `pip install ne lit pas requirements.txt : les dépendances doivent y être listées, puis installées avec pip install -r requirements.txt, pour que leur couche reste en cache. ${HOW}`,
          { file: source.file, line: byName.step.line },
        );
      }
      return fail(`Aucune installation des dépendances (RUN pip install -r requirements.txt) n’a été trouvée. ${HOW}`, { file: source.file });
    }

    const { install, steps } = target;
    const index = steps.indexOf(install.step);
    const provided = new Set<string>();
    const bound = boundRequirements(install.step);
    if (bound) provided.add(bound);
    for (const step of steps.slice(0, index).filter(copiesFromContext)) {
      const { sources, targets } = copyPaths(step);
      if (sources.length > 0 && sources.every((src) => baseName(src) === 'requirements.txt')) {
        for (const path of targets) provided.add(path);
        continue;
      }
      const withRequirements = sources.some((src) => baseName(src) === 'requirements.txt');
      const what = withRequirements
        ? `requirements.txt n’est pas copié seul (ligne ${step.line}) : le code arrive dans la même couche`
        : `le code est copié (ligne ${step.line}) avant l’installation des dépendances (ligne ${install.step.line})`;
      return fail(
        `${capitalize(what)}. Le cache de Docker est invalidé pour cette étape et toutes les suivantes dès qu’un fichier copié change : chaque modification de ${code} relancerait tout le pip install. ${HOW}`,
        { file: source.file, line: step.line },
      );
    }
    if (!install.requirements.some((path) => provided.has(path))) {
      const wanted = install.requirements[0]!;
      return fail(
        `pip install lit ${wanted}, mais aucun COPY précédent n’y a placé requirements.txt seul : le build échouera ou n’utilisera pas le cache. ${HOW}`,
        { file: source.file, line: install.step.line },
      );
    }
    // In a builder stage, the code only has to reach the final image; otherwise it must come after the install.
    const inChain = model.chain.indexOf(install.step);
    const after = inChain >= 0 ? model.chain.slice(inChain + 1) : model.chain;
    if (!after.some((step) => copiesFromContext(step) && !copyPaths(step).sources.every((src) => baseName(src) === 'requirements.txt'))) {
      return fail(`Le code ${ctx.lab.words.ofApp} n’est jamais copié après l’installation des dépendances : l’image ne contiendrait pas ${code}. Ajoutez COPY ${code} . après le RUN pip install.`, {
        file: source.file,
        line: install.step.line,
      });
    }
    return pass();
  },
};

/** Sources of a COPY/ADD and the absolute paths its files land on (both readings of a bare destination). */
export function copyPaths(step: Step): { sources: string[]; targets: string[] } {
  const args = step.exec ?? step.words;
  if (step.heredocs.length > 0 || args.length < 2) return { sources: [], targets: [] };
  const sources = args.slice(0, -1);
  const dest = args[args.length - 1]!;
  const destination = resolveImagePath(step.workdir, dest);
  const inside = sources.map((src) => resolveImagePath(destination, baseName(src)));
  const isDirectory = dest.endsWith('/') || dest === '.' || sources.length > 1;
  return { sources, targets: isDirectory ? inside : [destination, ...inside] };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
