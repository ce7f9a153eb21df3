import type { CriterionId } from '../../model/criteria.ts';
import type { DynamicCriterion } from '../criterion.ts';
import { describeExpectation, firstLinesExcerpt, frenchList, missingExpectations, nearMissNotes, printedLines, judgeRun, programFiles, quoteFirstLines } from './runs.ts';

/** A CMD or ENTRYPOINT line of the Dockerfile that names the program's file. */
const runsProgram = (name: string) => new RegExp(`^\\s*(?:CMD|ENTRYPOINT)\\b.*${name.replace(/\./g, '\\.')}`, 'im');

export const criterion: DynamicCriterion = {
  id: 'program.output' as CriterionId,
  kind: 'dynamic',
  observes: 'program',
  judge({ program: { plain: input }, build }, settings, lab) {
    const files = programFiles(lab);
    const verdict = judgeRun(input, settings, files);
    if (!verdict.ended) return verdict.finding;
    const { run, outcome } = verdict;
    const shown = `\`${run.shown}\``;
    const lines = printedLines(outcome);
    if (lines.length === 0) {
      // Whether the Dockerfile launches the program at all tells which of the two files to look at.
      if (build?.dockerfileText !== undefined && runsProgram(files.name).test(build.dockerfileText)) {
        return {
          status: 'fail',
          file: files.program,
          message: `${shown} se termine sans rien afficher : ${files.name} s'exécute mais n'écrit rien. Vérifiez qu'il appelle bien print (une fonction définie mais jamais appelée n'affiche rien).`,
        };
      }
      return {
        status: 'fail',
        file: files.dockerfile,
        message: `${shown} se termine sans rien afficher : le conteneur ne lance pas ${files.name}. C'est le CMD du Dockerfile qui dit quoi lancer : il doit exécuter ${files.name} avec python.`,
      };
    }
    const missing = missingExpectations(run, lines);
    if (missing.length === 0) {
      return { status: 'pass', message: `${shown} affiche le message attendu et se termine (code 0, en ${(outcome.elapsedMs / 1000).toFixed(1)} s).` };
    }
    return {
      status: 'fail',
      file: files.program,
      message: `Il manque à la sortie de ${shown} : ${frenchList(missing.map(describeExpectation))}. Le programme affiche ${quoteFirstLines(lines)}.${nearMissNotes(missing, lines)} Complétez ${files.name}.`,
      excerpt: firstLinesExcerpt(lines),
    };
  },
};
