import type { CriterionId } from '../model/criteria.ts';
import type { CriterionResult, Finding, GradeReport } from '../model/result.ts';
import type { ProgressListener } from '../model/progress.ts';
import type { Lab } from '../lab/lab.ts';
import { loadRubric, type Rubric } from '../rubric/rubric.ts';
import { Submission } from '../submission/submission.ts';
import { createStaticContext } from '../checks/check.ts';
import { DYNAMIC_IDS, STATIC_CRITERIA } from '../checks/catalogue.ts';
import { internalErrorFinding } from '../checks/criterion.ts';
import { checkTamper, isGraderRoot } from '../integrity/tamper.ts';
import type { DynamicFindings } from './dynamic.ts';
import { reportPhase } from './report-phase.ts';
import { labNamed } from './lab.ts';

export interface GradeOptions {
  staticOnly?: boolean;
  /** Only these criteria are judged (the rest are left out of the report). */
  only?: CriterionId[];
  rubric?: Rubric;
  /** The lab graded; default the one the rubric names. */
  lab?: Lab;
  signal?: AbortSignal;
  /** Run teardown on SIGINT/SIGTERM and exit (the CLI); test suites handle signals themselves. */
  trapSignals?: boolean;
  onPhase?: (phase: string, event: 'start' | 'end') => void;
  /** Phases, build steps and base image download: the progress a student reads. */
  onProgress?: ProgressListener;
  /**
   * Compare the grader-owned files of `dir` with grader/manifest.json and list the differences in
   * `report.tampered`. Default: only when `dir` is the repository the grader runs from.
   */
  tamperCheck?: boolean;
}

type Timed = { finding: Finding; durationMs: number };

async function timed(run: () => Promise<Finding> | Finding): Promise<Timed> {
  const start = Date.now();
  try {
    return { finding: await run(), durationMs: Date.now() - start };
  } catch (error) {
    return { finding: internalErrorFinding(error as Error), durationMs: Date.now() - start };
  }
}

/** Attaches the rubric's title, group and points to a finding. */
export function scoreFinding(rubric: Rubric, id: CriterionId, { finding, durationMs }: Timed): CriterionResult {
  const entry = rubric.criteria.get(id)!;
  const fraction = finding.status === 'pass' ? (finding.fraction ?? 1) : finding.status === 'fail' ? (finding.fraction ?? 0) : 0;
  const result: CriterionResult = {
    id,
    title: entry.title,
    group: entry.group,
    points: Math.round(entry.points * Math.min(1, Math.max(0, fraction))),
    maxPoints: entry.points,
    status: finding.status,
    message: finding.message,
    durationMs,
  };
  if (finding.file) result.file = finding.file;
  if (finding.line) result.line = finding.line;
  if (finding.excerpt) result.excerpt = finding.excerpt;
  if (finding.review && finding.review.length > 0) result.review = finding.review;
  return result;
}

/** Grades the submission folder `dir`: static criteria always, dynamic ones on a real engine. */
export async function grade(dir: string, options: GradeOptions = {}): Promise<GradeReport> {
  const rubric = options.rubric ?? (await loadRubric());
  const lab = options.lab ?? labNamed(rubric.lab);
  const submission = await Submission.open(dir);
  // A lab's rubric picks the criteria its lab asks for: only those are judged.
  const wanted = (id: CriterionId) => rubric.criteria.has(id) && (!options.only || options.only.includes(id));

  const tamperPromise = (options.tamperCheck ?? (await isGraderRoot(dir))) ? checkTamper(dir) : undefined;
  const ctx = createStaticContext(submission, rubric.settings, lab);
  const staticPromise = reportPhase(options.onProgress, 'static', () => Promise.all(
    STATIC_CRITERIA.filter((criterion) => wanted(criterion.id)).map(async (criterion) => [criterion.id, await timed(() => criterion.judge(ctx))] as const),
  ));
  const dynamicWanted = !options.staticOnly && DYNAMIC_IDS.some(wanted);
  let engineAbsent: string | undefined;
  // The Docker side (dockerode, execa: about 0.6 s of start-up) is loaded only when it is used.
  const dynamicPromise: Promise<DynamicFindings> = dynamicWanted
    ? import('./grade-dynamic.ts').then(({ gradeDynamic }) => gradeDynamic(submission, rubric.settings, lab, { ...options, only: DYNAMIC_IDS.filter(wanted) }, (reason) => (engineAbsent = reason)))
    : Promise.resolve(new Map());
  const [staticResults, dynamicResults] = await Promise.all([staticPromise, dynamicPromise]);

  const found = new Map<CriterionId, Timed>([...staticResults, ...dynamicResults]);
  const criteria: CriterionResult[] = [];
  for (const id of rubric.criteria.keys()) {
    const result = found.get(id);
    if (result && wanted(id)) criteria.push(scoreFinding(rubric, id, result));
  }
  const report: GradeReport = {
    schema: 'docker-lab-grade/v1',
    submission: dir,
    score: criteria.reduce((sum, c) => sum + c.points, 0),
    maxScore: criteria.reduce((sum, c) => sum + c.maxPoints, 0),
    criteria,
  };
  if (tamperPromise) report.tampered = await tamperPromise;
  if (engineAbsent !== undefined) report.engineAbsent = engineAbsent;
  return report;
}
