import type { BuildOutcome } from '../../docker/build/build-image.ts';
import { tail } from '../../docker/build/build-log.ts';
import { lineOfStep } from '../../docker/build/failing-line.ts';
import type { DynamicCheck } from './dynamic-check.ts';

const FILE = 'starter/Dockerfile';

export const imageBuild: DynamicCheck<{ build: BuildOutcome; dockerfileText?: string; timeoutSeconds: number }> = {
  id: 'image.build',
  judge({ build, dockerfileText, timeoutSeconds }) {
    switch (build.state) {
      case 'built':
        return { status: 'pass', message: `Image construite en ${(build.durationMs / 1000).toFixed(1)} s.` };
      case 'no-context':
        return {
          status: 'fail',
          file: FILE,
          message: `Pas de ${FILE} à construire (${build.reason}). Créez-le en suivant les TODO, puis lancez \`docker build -t simple-api starter\`.`,
        };
      case 'timed-out':
        return {
          status: 'fail',
          file: FILE,
          line: stepLine(build, dockerfileText),
          message: `La construction n'a pas fini en ${timeoutSeconds} s et a été arrêtée${stepName(build)}. Une commande qui attend une saisie ou boucle sans fin bloque le build : rendez-la non interactive.`,
          excerpt: tail(build.log.lines),
        };
      case 'failed':
        return {
          status: 'fail',
          file: FILE,
          line: stepLine(build, dockerfileText),
          message: `La construction échoue${stepName(build)} : ${firstLine(build.log.error)}. Lisez la fin du journal ci-dessous, corrigez l'instruction, puis relancez \`docker build -t simple-api starter\`.`,
          excerpt: tail(build.log.lines),
        };
    }
  },
};

function stepName(build: Extract<BuildOutcome, { log: unknown }>): string {
  const step = build.log.lastStep;
  return step ? ` à l'étape ${step.index}/${step.total} (\`${step.instruction.slice(0, 120)}\`)` : '';
}

function stepLine(build: Extract<BuildOutcome, { log: unknown }>, text?: string): number | undefined {
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
