// Instructor modes of `npm run grade`:
//   npm run grade -- --batch <folder> --out <dir> [--concurrency N] [--deadline S] [--static-only] [--rubric F] [--base-text F]
//   npm run grade -- --merge <dir-of-gradebooks> --out <dir> [--rubric F] [--base-text F]
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRubric } from '../rubric/rubric.ts';
import { DEFAULT_DEADLINE_SECONDS, defaultConcurrency, runBatch } from './run.ts';
import { mergeGradebooks, MergeError } from './merge.ts';
import { classStats } from './gradebook.ts';
import type { BatchOutcome } from './write.ts';
import { loadBaseText, type BaseText } from './base-text.ts';

export const BATCH_USAGE = `Usage:
  npm run grade -- --batch <folder> --out <dir> [--concurrency N] [--deadline SECONDS] [--static-only] [--rubric FILE] [--base-text FILE]
      grades every subfolder of <folder> (a clone of a student repository each) with this grader,
      taking only the student-owned paths; writes <dir>/grades.csv, grades.json, index.html and
      submissions/<name>.{json,md,html}. Default concurrency: ${defaultConcurrency()} on this machine;
      default deadline per submission: ${DEFAULT_DEADLINE_SECONDS} s.
  npm run grade -- --merge <dir> --out <dir2> [--rubric FILE] [--base-text FILE]
      merges the gradebooks (grades.json + submissions/) found under <dir> into one in <dir2>.
  --rubric FILE uses another rubric than .github/classroom/rubric.yml (points and settings); a lab's
                rubric (labs/<id>/rubric.yml) regrades that lab, against that lab's pristine template.
  --base-text FILE (repeatable): the statement or handout the students were given, as text or
      Markdown; answers that share only its passages are not listed as similar.`;

function positiveInteger(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer`);
  return value;
}

export async function batchMain(
  argv: string[],
  pristineBuilt?: () => Promise<Record<string, string>>,
  labPristine?: (lab: string) => Promise<Record<string, string>>,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        batch: { type: 'string' },
        merge: { type: 'string' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        deadline: { type: 'string' },
        'static-only': { type: 'boolean', default: false },
        rubric: { type: 'string' },
        'base-text': { type: 'string', multiple: true, default: [] },
      },
    }));
    if (!values.out) throw new Error('--out is required');
    if (Boolean(values.batch) === Boolean(values.merge)) throw new Error('give one of --batch and --merge');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${BATCH_USAGE}\n`);
    return 2;
  }
  let concurrency: number | undefined;
  let deadlineSeconds: number | undefined;
  let baseText: BaseText | undefined;
  try {
    concurrency = positiveInteger(values.concurrency, '--concurrency');
    deadlineSeconds = positiveInteger(values.deadline, '--deadline');
    baseText = await loadBaseText(values['base-text']);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const rubric = await loadRubric(values.rubric ? resolve(values.rubric) : undefined);
  const out = resolve(values.out);
  // The student repositories are compared with the pristine template of the rubric's lab: this
  // grader's own files for the lab of its root, that lab's exported template for another.
  const rootLab = (await loadRubric()).lab;
  const pristineOf = async (lab: string) =>
    lab !== rootLab && labPristine ? { pristine: await labPristine(lab) } : { pristineBuilt: await pristineBuilt?.() };

  let outcome: BatchOutcome;
  if (values.merge) {
    try {
      outcome = await mergeGradebooks(resolve(values.merge), out, rubric, baseText);
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
  } else {
    // Ctrl-C: running submissions are aborted and torn down, the others become error rows.
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      process.stderr.write('\ninterrupted: tearing down the running submissions (Ctrl-C again to quit now)\n');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const folder = resolve(values.batch!);
      if (!(await stat(folder).then((info) => info.isDirectory(), () => false))) {
        process.stderr.write(`${folder} is not a folder\n`);
        return 2;
      }
      const workers = concurrency ?? defaultConcurrency();
      process.stderr.write(`batch: ${folder} with ${workers} worker${workers > 1 ? 's' : ''}\n`);
      outcome = await runBatch({ folder, out, concurrency: workers, deadlineSeconds, staticOnly: values['static-only'], rubric, baseText, signal: stop.signal, ...(await pristineOf(rubric.lab)) });
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
    if (stop.signal.aborted) {
      process.stderr.write(`batch interrupted; partial gradebook in ${out}\n`);
      return 130;
    }
  }
  const stats = classStats(outcome.book);
  process.stdout.write(
    `${stats.students} submissions: ${stats.graded} graded, ${stats.errors} errors, ${stats.tampered} tampered; ` +
      `mean ${stats.mean ?? '—'}/${stats.maxScore}\n` +
      `gradebook: ${resolve(out, 'grades.csv')}\noverview:  ${resolve(out, 'index.html')}\n`,
  );
  return 0;
}
