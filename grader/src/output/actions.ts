import { appendFile } from 'node:fs/promises';
import type { GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { isAdvice, needsWork } from './groups.ts';
import { renderMarkdown } from './markdown.ts';
import { encodeResult, outputName, reporterResults } from './reporter-results.ts';
import { plainText } from './terminal.ts';
import { closeInert, inertBlock, stopCommandsToken, workflowCommand } from './workflow-commands.ts';

export interface ActionsOptions {
  /**
   * True when the whole rubric was graded: only then is the score announced (a partial run's
   * score is not the student's score).
   */
  complete: boolean;
  /** Maps a submission-relative path to the path GitHub resolves annotations from (the workspace). */
  filePath?: (file: string) => string;
  /**
   * Append the Markdown report to the job summary (default true). False under Classroom 50's
   * runner, which shows the report it publishes (release-body.md) there itself.
   */
  jobSummary?: boolean;
}

/** `::error` / `::warning` annotations on the student's files, for criteria to fix that name a file. */
export function annotations(report: GradeReport, options: Pick<ActionsOptions, 'filePath'> = {}): string[] {
  const lines: string[] = [];
  // GitHub keeps about 10 annotations of each level per step: the costliest first.
  const byLoss = [...report.criteria].sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points));
  for (const c of byLoss) {
    if (!c.file || c.status === 'skip' || !needsWork(c)) continue;
    const file = options.filePath ? options.filePath(c.file) : c.file;
    const title = `${c.title} (${c.id})${isAdvice(c) ? ' — conseil' : ` — ${c.points}/${c.maxPoints}`}`;
    lines.push(workflowCommand(isAdvice(c) ? 'warning' : 'error', { file, line: c.line, title }, plainText(c.message)));
  }
  return lines;
}

/** The legacy GitHub Classroom notices: exactly these two, once per run. */
export function scoreNotices(score: number, maxScore: number): string[] {
  return [
    workflowCommand('notice', { title: 'Autograding complete' }, `Points ${score}/${maxScore}`),
    workflowCommand('notice', { title: 'Autograding report' }, JSON.stringify({ totalPoints: score, maxPoints: maxScore })),
  ];
}

/** Step outputs: one base64 reporter result per group (`<RUNNER>_RESULTS`), plus `score` and `max_score`. */
export function stepOutputs(report: GradeReport, rubric: Rubric): string {
  const lines = reporterResults(report, rubric).map(({ runner, result }) => `${outputName(runner)}=${encodeResult(result)}`);
  lines.push(`score=${report.score}`, `max_score=${report.maxScore}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Everything a run says in GitHub Actions: the terminal report inside a stop-commands block (it
 * quotes student-controlled text), then annotations and, for a complete run, the two notices;
 * the Markdown summary appended to `$GITHUB_STEP_SUMMARY`; step outputs appended to `$GITHUB_OUTPUT`.
 */
export async function publishActions(
  report: GradeReport,
  rubric: Rubric,
  terminal: string,
  options: ActionsOptions & {
    env: NodeJS.ProcessEnv;
    write: (text: string) => void;
    /** Token of a stop-commands block the caller already opened (it is closed after the terminal report). */
    openedToken?: string;
  },
): Promise<void> {
  if (options.openedToken) options.write(closeInert(terminal, options.openedToken));
  else options.write(inertBlock(terminal, stopCommandsToken()));
  const commands = annotations(report, options);
  if (options.complete) commands.push(...scoreNotices(report.score, report.maxScore));
  if (commands.length > 0) options.write(`${commands.join('\n')}\n`);
  if (options.jobSummary !== false && options.env.GITHUB_STEP_SUMMARY) await appendFile(options.env.GITHUB_STEP_SUMMARY, `${renderMarkdown(report, rubric)}\n`);
  if (options.env.GITHUB_OUTPUT) await appendFile(options.env.GITHUB_OUTPUT, stepOutputs(report, rubric));
}

export function inActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
