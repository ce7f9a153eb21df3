import type { CriterionId } from '../../model/criteria.ts';
import type { DynamicCriterion } from '../criterion.ts';
import { describeExpectation, errorLines, firstExpectedLine, firstLinesExcerpt, frenchList, judgeRun, missingExpectations, nearMiss, nearMissNotes, outputExcerpt, printedLines, programFiles, quoteFirstLines } from './runs.ts';

/** Why a command given to `docker run` still runs the program `name`: an ENTRYPOINT, and what to write instead. */
const entrypointWhy = (name: string) => `C'est le signe d'un ENTRYPOINT : ce qui suit le nom de l'image s'ajoute alors en arguments à la commande de l'image au lieu de la remplacer. Dans le Dockerfile, lancez ${name} avec CMD (forme JSON) plutôt qu'avec ENTRYPOINT.`;

export const criterion: DynamicCriterion = {
  id: 'program.command-override' as CriterionId,
  kind: 'dynamic',
  observes: 'program',
  judge({ program: { plain, override: input } }, settings, lab) {
    const files = programFiles(lab);
    if (input.state === 'ran' && input.outcome.state === 'exited') {
      const { run, outcome } = input;
      const shown = `\`${run.shown}\``;
      const lines = printedLines(outcome);
      // The program's own greeting, or its file named (a traceback, « can't open file »): the image's
      // command ran, the given one did not replace it.
      const greeting = plain.state === 'ran' ? firstExpectedLine(plain.run) : undefined;
      const stale = greeting === undefined ? undefined : nearMiss({ line: greeting }, lines);
      const named = lines.some((line) => line.includes(files.name));
      if (stale !== undefined || named) {
        const sign = stale !== undefined ? `la sortie contient « ${stale} »` : `sa sortie nomme ${files.name}`;
        return { status: 'fail', file: files.dockerfile, message: `${shown} lance encore ${files.name} (${sign}) au lieu de la commande donnée. ${entrypointWhy(files.name)}`, excerpt: outputExcerpt(outcome) };
      }
      // The given command read as arguments: Python asked to open a script named after it, or a parser refusing it.
      const executable = run.command?.[0];
      const asArguments = outcome.exitCode !== 0 && ((executable !== undefined && new RegExp(`can't open file '(?:[^']*/)?${escapeRegExp(executable)}'`).test(outcome.stderr.text)) || /unrecognized arguments/.test(outcome.stderr.text));
      if (asArguments) {
        return { status: 'fail', file: files.dockerfile, message: `${shown} échoue (code de sortie ${outcome.exitCode}) : l'image a reçu la commande donnée comme de simples arguments (${quoteFirstLines(errorLines(outcome), 1)}). ${entrypointWhy(files.name)}`, excerpt: outputExcerpt(outcome) };
      }
    }
    const verdict = judgeRun(input, settings, files);
    if (!verdict.ended) return verdict.finding;
    const { run, outcome } = verdict;
    const shown = `\`${run.shown}\``;
    const lines = printedLines(outcome);
    const missing = missingExpectations(run, lines);
    if (missing.length === 0) return { status: 'pass', message: `${shown} exécute la commande donnée à la place du CMD.` };
    const printed = lines.length > 0 ? `affiche ${quoteFirstLines(lines)}` : "n'affiche rien";
    return {
      status: 'fail',
      file: files.dockerfile,
      message: `${shown} ${printed} : il manque ${frenchList(missing.map(describeExpectation))}.${nearMissNotes(missing, lines)} Une commande donnée à \`docker run\` après le nom de l'image doit remplacer le CMD : vérifiez que le Dockerfile lance ${files.name} avec CMD, sans ENTRYPOINT qui la détourne.`,
      ...(lines.length > 0 ? { excerpt: firstLinesExcerpt(lines) } : {}),
    };
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
