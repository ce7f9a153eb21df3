import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { renderTerminal, type Shown } from '../../grader/src/output/terminal.ts';
import { inActions, publishActions, workspacePath } from '../../grader/src/output/actions.ts';
import { renderJunit } from '../../grader/src/output/junit.ts';
import { closeInert, openInert, stopCommandsToken } from '../../grader/src/output/workflow-commands.ts';
import { plainText } from '../../grader/src/text/plain-text.ts';
import './context.ts';

/**
 * The reporter of `npm test`: instead of vitest's own output (code frames, diffs, "Tests 19
 * failed"), one French report — a line per criterion with the state its test ended in, the French
 * message under those not passed, and the total. In GitHub Actions it also publishes the job
 * summary, annotations, score notices and step outputs; with GRADE_JUNIT=<file> it writes JUnit XML.
 * The exit code stays vitest's: non-zero when a graded criterion's test fails.
 */
export default class FrenchReporter implements Reporter {
  private vitest!: Vitest;
  private readonly actions = inActions(process.env);
  /** In Actions, everything printed until the commands is inside one stop-commands block. */
  private token?: string;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    if (this.actions) {
      this.token = stopCommandsToken();
      process.stdout.write(openInert(this.token));
    }
  }

  onTestRunStart(): void {
    process.stdout.write('Correction en cours…\n');
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const provided = this.vitest.getRootProject().getProvidedContext();
    const report = provided.gradeReport;
    if (reason === 'interrupted' || !report) {
      this.finish(reason === 'interrupted' ? 'Correction interrompue : aucune note.\n' : crashText(errors));
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
