import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import type { GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { plainText } from '../text/plain-text.ts';
import { isAdvice, needsWork } from './groups.ts';
import { renderMarkdown } from './markdown.ts';
import { encodeResult, outputName, reporterResults } from './reporter-results.ts';
import { closeInert, inertBlock, stopCommandsToken } from './workflow-commands.ts';

// The grader talks to the GitHub Actions runner through @actions/core: annotations and notices
// (workflow commands it escapes), the job summary (its summary API, appended to
// $GITHUB_STEP_SUMMARY) and step outputs (setOutput, appended to $GITHUB_OUTPUT). What it does not
// offer stays ours (workflow-commands.ts): the `::stop-commands::` block around text a student controls.
// @actions/core is loaded only when publishing (about 180 ms of start-up a local run never needs).

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

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  properties: AnnotationProperties;
}

/** Annotations on the student's files, for criteria to fix that name a file: errors, warnings for advice. */
export function annotations(report: GradeReport, options: Pick<ActionsOptions, 'filePath'> = {}): Annotation[] {
  const list: Annotation[] = [];
  // GitHub keeps about 10 annotations of each level per step: the costliest first.
  const byLoss = [...report.criteria].sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points));
  for (const c of byLoss) {
    if (!c.file || c.status === 'skip' || !needsWork(c)) continue;
    const file = options.filePath ? options.filePath(c.file) : c.file;
    const title = `${c.title} (${c.id})${isAdvice(c) ? ' — conseil' : ` — ${c.points}/${c.maxPoints}`}`;
    list.push({ level: isAdvice(c) ? 'warning' : 'error', message: plainText(c.message), properties: { title, file, startLine: c.line } });
  }
  return list;
}

/** The legacy GitHub Classroom notices, exactly: title and message of each. */
export function scoreNotices(score: number, maxScore: number): { title: string; message: string }[] {
  return [
    { title: 'Autograding complete', message: `Points ${score}/${maxScore}` },
    { title: 'Autograding report', message: JSON.stringify({ totalPoints: score, maxPoints: maxScore }) },
  ];
}

/** Step outputs: one base64 reporter result per group (`<RUNNER>_RESULTS`), plus `score` and `max_score`. */
export function stepOutputs(report: GradeReport, rubric: Rubric): [string, string][] {
  const outputs = reporterResults(report, rubric).map(({ runner, result }): [string, string] => [outputName(runner), encodeResult(result)]);
  outputs.push(['score', String(report.score)], ['max_score', String(report.maxScore)]);
  return outputs;
}

/**
 * Everything a run says in GitHub Actions: the terminal report inside a stop-commands block (it
 * quotes student-controlled text), then the annotations and, for a complete run, the two notices;
 * the Markdown report appended to the job summary; the step outputs.
 */
export async function publishActions(
  report: GradeReport,
  rubric: Rubric,
  terminal: string,
  options: ActionsOptions & {
    /** Token of a stop-commands block the caller already opened (it is closed after the terminal report). */
    openedToken?: string;
  },
): Promise<void> {
  const core = await import('@actions/core');
  process.stdout.write(options.openedToken ? closeInert(terminal, options.openedToken) : inertBlock(terminal, stopCommandsToken()));
  for (const a of annotations(report, options)) core[a.level](a.message, a.properties);
  if (options.complete) for (const n of scoreNotices(report.score, report.maxScore)) core.notice(n.message, { title: n.title });
  if (options.jobSummary !== false && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderMarkdown(report, rubric), true).write().catch((error: Error) => {
      core.summary.emptyBuffer();
      core.warning(`Résumé de l'exécution non écrit : ${error.message}`);
    });
  }
  if (process.env.GITHUB_OUTPUT) {
    try {
      for (const [name, value] of stepOutputs(report, rubric)) core.setOutput(name, value);
    } catch (error) {
      core.warning(`Sorties de l'étape non écrites : ${(error as Error).message}`);
    }
  }
}

export function inActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Annotation paths are resolved by GitHub from the workspace root; report paths from the submission root. */
export function workspacePath(dir: string, workspace: string): (file: string) => string {
  return (file) => {
    const rel = relative(workspace, resolve(dir, file));
    return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
}
