// What the program criteria share: reading a run's output against its expected lines, and the
// verdict of a run that did not end normally (not built, refused, crashed, killed, never ended).
import { CONTAINER_LIMITS } from '../../docker/container/limits.ts';
import type { CapturedOutput, CompletionOutcome } from '../../docker/container/run-to-completion.ts';
import { dockerfileOf, type Lab, type OutputExpectation, type ProgramRun } from '../../lab/lab.ts';
import type { Finding } from '../../model/result.ts';
import type { RubricSettings } from '../../rubric/rubric.ts';
import { foldedWords } from '../../text/french.ts';
import { plainText } from '../../text/plain-text.ts';
import { failNotEvaluated, failNotVerifiable } from '../criterion.ts';
import type { ProgramInput } from '../observations.ts';
import { crashFinding } from '../traceback.ts';

/** The student's program and the Dockerfile that runs it, as the lab names them. */
export interface ProgramFiles {
  /** The program's file in the repository (« starter/welcome.py »). */
  program: string;
  /** Its name as the Dockerfile and the program's output name it (« welcome.py »). */
  name: string;
  /** The Dockerfile of the image (« starter/Dockerfile »). */
  dockerfile: string;
}

export function programFiles(lab: Pick<Lab, 'imageContext' | 'words'>): ProgramFiles {
  const program = lab.words.appFile;
  return { program, name: program.slice(program.lastIndexOf('/') + 1), dockerfile: dockerfileOf(lab) };
}

export type Exited = Extract<CompletionOutcome, { state: 'exited' }>;
type Printed = { stdout: CapturedOutput; stderr: CapturedOutput };

/** A run that ended by itself with code 0, not killed, and printed something. */
export function endedPrinting(input: ProgramInput): boolean {
  return input.state === 'ran' && input.outcome.state === 'exited' && input.outcome.exitCode === 0 && !input.outcome.oomKilled && printedLines(input.outcome).length > 0;
}

/** The lines the terminal showed (stdout, then stderr), trimmed, without control characters, blank ones left out. */
export function printedLines(outcome: Printed): string[] {
  return lines(`${outcome.stdout.text}\n${outcome.stderr.text}`);
}

/** The lines the program wrote to stderr, as printedLines reads them. */
export function errorLines(outcome: Printed): string[] {
  return lines(outcome.stderr.text);
}

function lines(text: string): string[] {
  return plainText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Spaces of any kind (a non-breaking space before « ! » looks the same) count as one. */
const spaced = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Whether one printed line is what the expectation asks for. */
export function meets(line: string, expectation: OutputExpectation): boolean {
  return 'line' in expectation ? spaced(line) === spaced(expectation.line) : line.search(expectation.pattern) >= 0;
}

/** The expectations of `run` that no printed line meets. */
export function missingExpectations(run: ProgramRun, lines: readonly string[]): OutputExpectation[] {
  return run.expect.filter((expectation) => !lines.some((line) => meets(line, expectation)));
}

/** An expected line as the student reads it: the line quoted, or what it shows. */
export function describeExpectation(expectation: OutputExpectation): string {
  return 'line' in expectation ? `« ${expectation.line} »` : expectation.describe;
}

/** `a`, `a et b`, `a, b et c`. */
export function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** The first expected exact line of a run (the greeting, for the plain run), if any. */
export function firstExpectedLine(run: ProgramRun): string | undefined {
  for (const expectation of run.expect) if ('line' in expectation) return expectation.line;
  return undefined;
}

/** A printed line that reads as the expected one but for case, accents, spaces or punctuation. */
export function nearMiss(expectation: OutputExpectation, lines: readonly string[]): string | undefined {
  if (!('line' in expectation)) return undefined;
  const words = foldedWords(expectation.line).join(' ');
  return lines.find((line) => foldedWords(line).join(' ') === words);
}

/** For each missing expected line that a printed line nearly is, a sentence saying so (each begins with a space). */
export function nearMissNotes(missing: readonly OutputExpectation[], lines: readonly string[]): string {
  return missing
    .map((expectation) => {
      const seen = nearMiss(expectation, lines);
      return seen === undefined ? '' : ` « ${shortLine(seen)} » ressemble à ${describeExpectation(expectation)} mais n'est pas identique (majuscules, espaces et ponctuation comptent).`;
    })
    .join('');
}

/** A printed line shortened for a message (the full output is in the excerpt). */
const shortLine = (line: string) => (line.length > 80 ? `${line.slice(0, 79)}…` : line);

/** The first printed lines, quoted for a message: « a » / « b » / « c ». */
export function quoteFirstLines(lines: readonly string[], count = 3): string {
  const quoted = lines.slice(0, count).map((line) => `« ${shortLine(line)} »`).join(' / ');
  return lines.length > count ? `${quoted} / …` : quoted;
}

/** The run's output as an excerpt: stdout then stderr, each with a note when it was cut. */
export function outputExcerpt(outcome: Printed): string {
  const part = (output: CapturedOutput) => (output.truncated ? `${output.text}\n[… sortie coupée : elle dépasse la taille lue par le correcteur]` : output.text);
  return [part(outcome.stdout), part(outcome.stderr)].filter((text) => text.trim() !== '').join('\n').trimEnd();
}

/** `{ excerpt }` of the run's output, or nothing when it printed nothing. */
export function excerptOf(outcome: Printed): { excerpt?: string } {
  const excerpt = outputExcerpt(outcome);
  return excerpt === '' ? {} : { excerpt };
}

/** The first lines of the output, for an excerpt that shows how it begins (reports show an excerpt's last lines). */
export function firstLinesExcerpt(lines: readonly string[], count = 15): string {
  return lines.slice(0, count).join('\n');
}

/** A run that ended by itself with code 0, whose output is the criterion's to judge; or the verdict on one that did not. */
export type RunVerdict = { ended: true; run: ProgramRun; outcome: Exited } | { ended: false; finding: Finding };

/**
 * Judges whether the run ended by itself with code 0; the verdict when it did not: not built,
 * refused by the engine, crashed, killed for memory, still running at the deadline, interrupted.
 */
export function judgeRun(input: ProgramInput, settings: RubricSettings, files: ProgramFiles): RunVerdict {
  switch (input.state) {
    case 'not-built':
      return { ended: false, finding: failNotVerifiable("l'image ne se construit pas (voir image.build).") };
    case 'not-judged':
      return { ended: false, finding: { status: 'error', message: "Critère non évalué : ce TP ne décrit aucun programme à exécuter (configuration du correcteur). Signalez-le à l'enseignant." } };
    case 'ran': {
      const { run, outcome } = input;
      if (outcome.state === 'exited' && outcome.exitCode === 0 && !outcome.oomKilled) return { ended: true, run, outcome };
      return { ended: false, finding: outcomeFailure(run, outcome, settings, files) };
    }
  }
}

/** The verdict on a run that did not end well (an `exited` outcome here has a non-zero code or was killed). */
function outcomeFailure(run: ProgramRun, outcome: CompletionOutcome, settings: RubricSettings, files: ProgramFiles): Finding {
  const shown = `\`${run.shown}\``;
  switch (outcome.state) {
    case 'interrupted':
      return failNotEvaluated();
    case 'engine-error':
      return { status: 'error', message: `Docker n'a pas pu suivre l'exécution de ${shown} : ${outcome.reason}. Relancez la correction ; si l'erreur revient, signalez-la à l'enseignant.` };
    case 'start-failed': {
      const missing = /exec: "([^"]+)": (?:executable file not found|no such file or directory)/i.exec(outcome.reason)?.[1];
      if (missing) {
        return { status: 'fail', file: files.dockerfile, message: `${shown} ne démarre pas : la commande « ${missing} » est introuvable dans l'image. Vérifiez l'orthographe du CMD (ou de l'ENTRYPOINT) du Dockerfile.` };
      }
      if (/no command specified/i.test(outcome.reason)) {
        return { status: 'fail', file: files.dockerfile, message: `${shown} ne démarre pas : l'image n'a aucune commande à lancer. Ajoutez un CMD au Dockerfile.` };
      }
      return { status: 'fail', message: `Le conteneur de ${shown} ne démarre pas : ${outcome.reason}.` };
    }
    case 'timed-out':
      return {
        status: 'fail',
        file: files.program,
        message: `${shown} ne se termine pas en ${settings.startupTimeoutSeconds} s : le programme doit afficher son message puis s'arrêter de lui-même. Un serveur, une boucle sans fin ou une longue attente le garde en vie : cherchez dans ${files.name} ce qui l'empêche de finir.`,
        ...excerptOf(outcome),
      };
    case 'exited':
      if (outcome.oomKilled) {
        return {
          status: 'fail',
          file: files.program,
          message: `${shown} a été tué par manque de mémoire (code de sortie ${outcome.exitCode}, limite de ${Math.round(CONTAINER_LIMITS.Memory / 1024 / 1024)} Mo) : le programme consomme de la mémoire sans limite. Cherchez la boucle ou la structure qui grossit dans ${files.name}.`,
          ...excerptOf(outcome),
        };
      }
      return crashed(shown, outcome, files);
  }
}

/** A program that ended with a non-zero code: a file Python cannot open, a command not found, else its traceback. */
function crashed(shown: string, outcome: Exited, files: ProgramFiles): Finding {
  const output = outcome.stderr.text.trim() !== '' ? outcome.stderr.text : outcome.stdout.text;
  const excerpt = outputExcerpt(outcome);
  const what = `${shown} s'arrête avec le code de sortie ${outcome.exitCode}.`;
  const unopened = /can't open file '([^']+)'/.exec(output)?.[1];
  if (unopened) {
    return {
      status: 'fail',
      file: files.dockerfile,
      message: `${what} Python ne trouve pas « ${unopened} » dans l'image : vérifiez que le Dockerfile copie ${files.name} (COPY) dans le dossier de travail (WORKDIR) et que le CMD le nomme de la même façon.`,
      excerpt,
    };
  }
  const notFound = outcome.exitCode === 127 ? /(?:^|: )([^\s:]+): (?:command )?not found/m.exec(output)?.[1] : undefined;
  if (notFound) {
    return { status: 'fail', file: files.dockerfile, message: `${what} La commande « ${notFound} » est introuvable dans l'image. Vérifiez l'orthographe du CMD du Dockerfile.`, excerpt };
  }
  const finding = crashFinding(what, excerpt, `la sortie de ${shown}`);
  const located = finding.line === undefined ? { ...finding, file: files.program } : finding;
  if (/^EOFError\b/m.test(output)) {
    return { ...located, message: `${located.message} Le programme attend une saisie au clavier (input()) : \`docker run\` sans \`-i\` ne lui en donne aucune. Il doit afficher son message sans rien demander.` };
  }
  // os.environ["NAME"] fails when docker run is given no `-e NAME=…`.
  const variable = /environ/.test(output) ? /^KeyError: '([A-Z_][A-Z0-9_]*)'/m.exec(output)?.[1] : undefined;
  if (variable) {
    return { ...located, message: `${located.message} La variable d'environnement ${variable} n'existe pas quand \`docker run\` ne reçoit pas \`-e ${variable}=…\` : lisez-la avec \`os.getenv("${variable}", …)\` et une valeur par défaut.` };
  }
  return located;
}
