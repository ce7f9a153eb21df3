import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import type { Shown } from '../../grader/src/output/terminal.ts';
import { closeInert, openInert, stopCommandsToken } from '../../grader/src/output/workflow-commands.ts';
import { plainText } from '../../grader/src/text/plain-text.ts';
import { npmTestProgress } from './progress.ts';
import './context.ts';

// The report's modules are loaded when the report is due: vitest starts this reporter before
// anything else, and its first progress line should not wait for them.
const reportModules = () =>
  Promise.all([
    import('../../grader/src/rubric/rubric.ts'),
    import('../../grader/src/output/terminal.ts'),
    import('../../grader/src/output/actions.ts'),
    import('../../grader/src/output/junit.ts'),
    import('../../grader/src/output/crash.ts'),
  ]);

/**
 * The reporter of `npm test`: instead of vitest's own output (code frames, diffs, "Tests 19
 * failed"), one French report — a line per criterion with the state its test ended in, the French
 * message under those not passed, and the total. In GitHub Actions it also publishes the job
 * summary, annotations, score notices and step outputs; with GRADE_JUNIT=<file> it writes JUnit XML.
 * The exit code stays vitest's (1 when a graded criterion's test fails), except for a failure of the
 * grader itself: its French report, and exit code 3 (EXIT_CODES in grader/src/output/crash.ts).
 */
export default class FrenchReporter implements Reporter {
  private vitest!: Vitest;
  /** GitHub Actions (as output/actions.ts's inActions, not imported before the report is due). */
  private readonly actions = process.env.GITHUB_ACTIONS === 'true';
  /** In Actions, everything printed until the commands is inside one stop-commands block. */
  private token?: string;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    if (this.actions) {
      this.token = stopCommandsToken();
      process.stdout.write(openInert(this.token));
    }
    // As early as vitest lets a reporter speak: a student sees at once that the grading started.
    npmTestProgress().onEvent({ kind: 'phase', phase: 'prepare', event: 'start' });
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const [{ loadRubric }, { renderTerminal }, { publishActions, workspacePath }, { renderJunit }, { EXIT_CODES }] = await reportModules();
    const provided = this.vitest.getRootProject().getProvidedContext();
    const report = provided.gradeReport;
    if (report && reason !== 'interrupted') npmTestProgress().onEvent({ kind: 'done' });
    else npmTestProgress().stop();
    if (reason === 'interrupted' || !report) {
      this.finish(reason === 'interrupted' ? 'Correction interrompue : aucune note.\n' : (provided.gradeCrash ?? crashText(errors)));
      // After vitest's own code: a grader failure is not « points missing ».
      if (reason !== 'interrupted') process.exitCode = EXIT_CODES.graderFailure;
      return;
    }
    const rubric = await loadRubric();
    const terminal = renderTerminal(report, rubric, { stream: this.actions ? undefined : process.stdout, shown: shownStates(modules) });
    const text = errors.length > 0 ? `${terminal}\n${errorText(errors)}` : terminal;
    if (this.token) {
      await publishActions(report, rubric, text, {
        complete: provided.gradeRun.complete,
        filePath: workspacePath(resolve(provided.gradeRun.dir), process.env.GITHUB_WORKSPACE ?? process.cwd()),
        openedToken: this.token,
      });
      this.token = undefined;
    } else {
      process.stdout.write(text);
    }
    if (process.env.GRADE_JUNIT) await writeFile(process.env.GRADE_JUNIT, renderJunit(report, rubric));
  }

  private finish(text: string): void {
    process.stdout.write(this.token ? closeInert(text, this.token) : text);
    this.token = undefined;
  }
}

/** The state each criterion's test ended in, by criterion id. */
function shownStates(modules: ReadonlyArray<TestModule>): Map<string, Shown> {
  const shown = new Map<string, Shown>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const id = test.meta().criterion;
      const state = test.result().state;
      if (id && state !== 'pending') shown.set(id, state);
    }
  }
  return shown;
}

function firstLines(errors: ReadonlyArray<SerializedError>): string[] {
  return errors.map((e) => `  ${plainText(String(e.message ?? e)).split('\n')[0]}`);
}

function crashText(errors: ReadonlyArray<SerializedError>): string {
  return [
    '',
    'Le correcteur a échoué : aucune note n’a été calculée. Ce n’est pas une note basse.',
    ...firstLines(errors),
    'Relancez `npm test` ; si l’erreur revient, prévenez l’enseignant avec ce message.',
    '',
  ].join('\n');
}

function errorText(errors: ReadonlyArray<SerializedError>): string {
  return ['Erreurs pendant les tests (prévenez l’enseignant) :', ...firstLines(errors), ''].join('\n');
}
