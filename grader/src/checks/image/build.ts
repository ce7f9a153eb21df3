import type { BuildOutcome } from '../../docker/build/build-image.ts';
import { failedVertexNames, tail } from '../../docker/build/build-log.ts';
import { registryFailure } from '../../docker/build/registry-failure.ts';
import { lineOfStep } from '../../docker/build/failing-line.ts';
import type { DynamicCriterion } from '../criterion.ts';

const FILE = 'starter/Dockerfile';

export const criterion: DynamicCriterion = {
  id: 'image.build',
  kind: 'dynamic',
  observes: 'build',
  judge({ build: { build, dockerfileText, timeoutSeconds } }, _settings, lab) {
    const rebuild = `\`${lab.words.build}\``;
    switch (build.state) {
      case 'built':
        return { status: 'pass', message: `Image construite en ${(build.durationMs / 1000).toFixed(1)} s.` };
      case 'no-context':
        return {
          status: 'fail',
          file: FILE,
          message: `Pas de ${FILE} à construire (${build.reason}). Créez-le en suivant les TODO, puis lancez ${rebuild}.`,
        };
      case 'timed-out':
        return {
          status: 'fail',
          file: FILE,
          line: stepLine(build, dockerfileText),
          message: `La construction n'a pas fini en ${timeoutSeconds} s et a été arrêtée${stepName(build)}. Une commande qui attend une saisie ou boucle sans fin bloque le build : rendez-la non interactive.`,
          excerpt: tail(build.log.lines),
        };
      case 'failed': {
        const registry = registryFailure(build.log.error, dockerfileText, failedVertexNames(build.log));
        if (registry?.kind === 'syntax') {
          return {
            status: 'fail',
            file: FILE,
            line: registry.line,
            message: `La construction doit télécharger le frontend \`${registry.ref}\` nommé par la ligne \`# syntax=\`, et aucun registre d'images n'est joignable depuis cette machine. Retirez cette ligne : sans elle, BuildKit utilise le frontend Dockerfile qu'il contient déjà (il comprend \`RUN --mount\`, \`COPY --chmod\`…), puis relancez ${rebuild}.`,
            excerpt: tail(build.log.lines),
          };
        }
        if (registry?.kind === 'base') {
          return {
            status: 'fail',
            file: FILE,
            line: stepLine(build, dockerfileText),
            message: `L'image de base${registry.ref ? ` \`${registry.ref}\`` : ''} n'est pas sur cette machine et aucun registre d'images n'est joignable pour la télécharger. Vérifiez le nom et l'étiquette de l'image du \`FROM\` (\`docker images\` liste celles qui sont présentes), puis relancez ${rebuild}.`,
            excerpt: tail(build.log.lines),
          };
        }
        return {
          status: 'fail',
          file: FILE,
          line: stepLine(build, dockerfileText),
          message: `La construction échoue${stepName(build)} : ${firstLine(build.log.error)}. Lisez la fin du journal ci-dessous, corrigez l'instruction, puis relancez ${rebuild}.`,
          excerpt: tail(build.log.lines),
        };
      }
    }
  },
};

/** ` à l'étape 3/5 (`RUN …`)`, with the stage when the Dockerfile names it (multi-stage builds). */
function stepName(build: Extract<BuildOutcome, { log: unknown }>): string {
  const step = build.log.lastStep;
  if (!step) return '';
  const stage = step.stage && !/^stage-\d+$/.test(step.stage) ? ` du stage \`${step.stage}\`` : '';
  return ` à l'étape ${step.index}/${step.total}${stage} (\`${step.instruction.split('\n')[0]!.slice(0, 120)}\`)`;
}

function stepLine(build: Extract<BuildOutcome, { log: unknown }>, text?: string): number | undefined {
  if (build.log.sourceLine !== undefined) return build.log.sourceLine;
  const step = build.log.lastStep;
  if (!step || !text) return undefined;
  try {
    return lineOfStep(text, step);
  } catch {
    return undefined;
  }
}

function firstLine(text?: string): string {
  return (text ?? 'erreur inconnue').split('\n')[0]!.slice(0, 300);
}
