import type { ProgramRun } from '../../lab/lab.ts';
import type { CriterionId } from '../../model/criteria.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';
import { describeExpectation, endedPrinting, firstExpectedLine, firstLinesExcerpt, frenchList, judgeRun, missingExpectations, nearMiss, nearMissNotes, printedLines, programFiles, quoteFirstLines } from './runs.ts';

export const criterion: DynamicCriterion = {
  id: 'program.env' as CriterionId,
  kind: 'dynamic',
  observes: 'program',
  judge({ program: { plain, env: input } }, settings, lab) {
    const files = programFiles(lab);
    const verdict = judgeRun(input, settings, files);
    // A program that already fails without the variable fails with it for the same cause: judged once, by program.output.
    const plainBroken = plain.state === 'ran' && !endedPrinting(plain);
    if (!verdict.ended) return input.state === 'ran' && plainBroken ? notVerifiable() : verdict.finding;
    const { run, outcome } = verdict;
    const lines = printedLines(outcome);
    if (lines.length === 0 && plainBroken) return notVerifiable();
    const flags = `\`${Object.entries(run.env ?? {}).map(([name, value]) => `-e ${name}=${value}`).join(' ')}\``;
    const names = frenchList(Object.keys(run.env ?? {}));
    const missing = missingExpectations(run, lines);
    if (missing.length === 0) return { status: 'pass', message: `Avec ${flags}, le programme affiche ${frenchList(run.expect.map(describeExpectation))}.` };

    const greeting = plain.state === 'ran' ? firstExpectedLine(plain.run) : undefined;
    // The default greeting, as printed (a near miss of it too), means the variable changed nothing.
    const stale = greeting === undefined ? undefined : nearMiss({ line: greeting }, lines);
    if (greeting !== undefined && stale !== undefined) {
      return {
        status: 'fail',
        file: files.program,
        message: `La variable d'environnement ${names} n'est pas lue : avec ${flags}, le programme affiche toujours « ${stale} » au lieu de ${frenchList(missing.map(describeExpectation))}. Dans ${files.name}, lisez-la avec \`${getenvHint(run, greeting)}\` (module os) et mettez sa valeur dans le message.`,
        excerpt: firstLinesExcerpt(lines),
      };
    }
    const printed = lines.length > 0 ? `le programme affiche ${quoteFirstLines(lines)}` : "le programme n'affiche rien";
    return {
      status: 'fail',
      file: files.program,
      message: `Avec ${flags}, ${printed} : il manque ${frenchList(missing.map(describeExpectation))}.${nearMissNotes(missing, lines)} Le message de ${files.name} doit reprendre la valeur de ${names}.`,
      ...(lines.length > 0 ? { excerpt: firstLinesExcerpt(lines) } : {}),
    };
  },
};

function notVerifiable() {
  return failNotVerifiable("le programme ne s'exécute pas correctement, même sans la variable (voir program.output).");
}

/**
 * `os.getenv("NAME", "default")`: the default is what the plain run's greeting holds where the
 * variable's value stands in the expected line (`Bonjour Alice !` with Alice, `Bonjour Docker !`:
 * Docker); `…` when the two lines do not line up so.
 */
function getenvHint(run: ProgramRun, greeting: string): string {
  const [name, value] = Object.entries(run.env ?? {})[0] ?? ['NOM', ''];
  const expected = firstExpectedLine(run);
  const at = value && expected ? expected.indexOf(value) : -1;
  let fallback = '…';
  if (expected && at >= 0) {
    const before = expected.slice(0, at);
    const after = expected.slice(at + value.length);
    if (greeting.length > before.length + after.length && greeting.startsWith(before) && greeting.endsWith(after)) {
      fallback = JSON.stringify(greeting.slice(before.length, greeting.length - after.length));
    }
  }
  return `os.getenv(${JSON.stringify(name)}, ${fallback})`;
}
