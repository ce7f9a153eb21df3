import type { Lab } from '../lab/lab.ts';
import type { RubricSettings } from '../rubric/rubric.ts';
import type { Submission } from '../submission/submission.ts';
import { DYNAMIC_IDS } from '../checks/catalogue.ts';
import { failNotEvaluated } from '../checks/criterion.ts';
import { probeEngine } from '../docker/engine.ts';
import { newRunIdentity } from '../docker/labels.ts';
import { sweepOrphans } from '../docker/cleanup/reaper.ts';
import { Teardown } from '../docker/cleanup/teardown.ts';
import { runDynamic, type DynamicFindings } from './dynamic.ts';
import { dockerDriver } from './driver/docker-driver.ts';
import { RECORD_ENV, RECORDING_FORMAT, recordingDriver, writeRecording } from './driver/recording.ts';
import { engineAbsentFinding } from '../checks/engine-absent.ts';
import { reportPhase } from './report-phase.ts';
import type { ProgressListener } from '../model/progress.ts';
import type { CriterionId } from '../model/criteria.ts';

/** What of grade()'s options the Docker half uses. */
export interface DynamicGradeOptions {
  signal?: AbortSignal;
  /** Run teardown on SIGINT/SIGTERM and exit (the CLI). */
  trapSignals?: boolean;
  onPhase?: (phase: string, event: 'start' | 'end') => void;
  /** Phases, build steps and base image download: the progress a student reads. */
  onProgress?: ProgressListener;
  /** Only these criteria are judged, and only the phases they observe run. */
  only?: CriterionId[];
}

/**
 * The Docker half of a grade: probes the engine (every dynamic criterion gets the engine-absent
 * finding without one), sweeps orphans of killed runs beside the dynamic phases, and tears down
 * what the run created. grade.ts loads this module only when a dynamic criterion is wanted. With
 * DOCKER_LAB_RECORD=FILE, what the run observed is also written to FILE (driver/recording.ts).
 */
export async function gradeDynamic(
  submission: Submission,
  settings: RubricSettings,
  lab: Lab,
  options: DynamicGradeOptions,
  onEngineAbsent: (reason: string) => void,
): Promise<DynamicFindings> {
  const probe = await reportPhase(options.onProgress, 'engine', () => probeEngine());
  if (probe.state === 'absent') {
    onEngineAbsent(probe.reason);
    const finding = engineAbsentFinding(probe);
    return new Map(DYNAMIC_IDS.filter((id) => !options.only || options.only.includes(id)).map((id) => [id, { finding, durationMs: 0 }]));
  }
  // Leftovers of killed runs (their process is gone) are swept beside this run, not before it:
  // this run's resources carry a live pid and are never theirs.
  const swept = sweepOrphans(probe.docker).catch(() => []);
  const teardown = new Teardown();
  const abort = new AbortController();
  options.signal?.addEventListener('abort', () => abort.abort());
  teardown.signal.addEventListener('abort', () => abort.abort());
  if (options.trapSignals) teardown.trapSignals();
  const recordTo = process.env[RECORD_ENV];
  const engine = dockerDriver(probe.docker);
  const recorder = recordTo ? recordingDriver(engine) : undefined;
  const run = newRunIdentity();
  try {
    const findings = await runDynamic({
      driver: recorder?.driver ?? engine,
      submission,
      settings,
      lab,
      run,
      teardown,
      signal: abort.signal,
      onPhase: options.onPhase,
      onProgress: options.onProgress,
      only: options.only,
    });
    if (recordTo && recorder) await writeRecording(recordTo, { format: RECORDING_FORMAT, lab: lab.id, observations: recorder.observations }, { run, submissionRoot: submission.root });
    for (const id of DYNAMIC_IDS.filter((id) => !options.only || options.only.includes(id))) {
      if (!findings.has(id)) findings.set(id, { finding: failNotEvaluated(), durationMs: 0 });
    }
    return findings;
  } finally {
    await reportPhase(options.onProgress, 'cleanup', () => Promise.all([teardown.run(), swept]));
  }
}

