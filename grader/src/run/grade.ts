import type { CriterionId } from '../model/criteria.ts';
import type { CriterionResult, Finding, GradeReport } from '../model/result.ts';
import type { ProgressListener, RunPhase } from '../model/progress.ts';
import { loadRubric, type Rubric } from '../rubric/rubric.ts';
import { Submission } from '../submission/submission.ts';
import { createStaticContext } from '../checks/check.ts';
import { DYNAMIC_IDS, STATIC_CRITERIA } from '../checks/catalogue.ts';
import { probeEngine } from '../docker/engine.ts';
import { newRunIdentity } from '../docker/labels.ts';
import { sweepOrphans } from '../docker/cleanup/reaper.ts';
import { Teardown } from '../docker/cleanup/teardown.ts';
import { runDynamic, type DynamicFindings } from './dynamic.ts';
import { engineAbsentFinding } from './engine-absent.ts';
import { checkTamper, isGraderRoot } from '../integrity/tamper.ts';

export interface GradeOptions {
  staticOnly?: boolean;
  /** Only these criteria are judged (the rest are left out of the report). */
  only?: CriterionId[];
  rubric?: Rubric;
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
    return {
      finding: { status: 'error', message: `Erreur interne du correcteur pendant ce critère (${(error as Error).message}). Signalez-la à l'enseignant.` },
      durationMs: Date.now() - start,
    };
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
  const submission = await Submission.open(dir);
  const wanted = (id: CriterionId) => !options.only || options.only.includes(id);

  const tamperPromise = (options.tamperCheck ?? (await isGraderRoot(dir))) ? checkTamper(dir) : undefined;
  const ctx = createStaticContext(submission, rubric.settings);
  const staticPromise = reportPhase(options.onProgress, 'static', () => Promise.all(
    STATIC_CRITERIA.filter((criterion) => wanted(criterion.id)).map(async (criterion) => [criterion.id, await timed(() => criterion.judge(ctx))] as const),
  ));
  const dynamicWanted = !options.staticOnly && DYNAMIC_IDS.some(wanted);
  let engineAbsent: string | undefined;
  const dynamicPromise: Promise<DynamicFindings> = dynamicWanted
    ? gradeDynamic(submission, rubric, options, (reason) => (engineAbsent = reason))
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

/** Runs `body` as a phase whose start and end the progress listener sees. */
async function reportPhase<T>(listener: ProgressListener | undefined, phase: RunPhase, body: () => Promise<T>): Promise<T> {
  listener?.({ kind: 'phase', phase, event: 'start' });
  try {
    return await body();
  } finally {
    listener?.({ kind: 'phase', phase, event: 'end' });
  }
}

async function gradeDynamic(
  submission: Submission,
  rubric: Rubric,
  options: GradeOptions,
  onEngineAbsent: (reason: string) => void,
): Promise<DynamicFindings> {
  const probe = await reportPhase(options.onProgress, 'engine', () => probeEngine());
  if (probe.state === 'absent') {
    onEngineAbsent(probe.reason);
    const finding = engineAbsentFinding(probe);
    return new Map(DYNAMIC_IDS.map((id) => [id, { finding, durationMs: 0 }]));
  }
  await sweepOrphans(probe.docker).catch(() => []);
  const teardown = new Teardown();
  const abort = new AbortController();
  options.signal?.addEventListener('abort', () => abort.abort());
  teardown.signal.addEventListener('abort', () => abort.abort());
  if (options.trapSignals) teardown.trapSignals();
  try {
    const findings = await runDynamic({
      docker: probe.docker,
      submission,
      settings: rubric.settings,
      run: newRunIdentity(),
      teardown,
      signal: abort.signal,
      onPhase: options.onPhase,
      onProgress: options.onProgress,
    });
    for (const id of DYNAMIC_IDS) {
      if (!findings.has(id)) findings.set(id, { finding: { status: 'error', message: 'Critère non évalué (grading interrompu).' }, durationMs: 0 });
    }
    return findings;
  } finally {
    await reportPhase(options.onProgress, 'cleanup', () => teardown.run());
  }
}

