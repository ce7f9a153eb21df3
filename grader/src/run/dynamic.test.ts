import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRADER_ROOT, RUBRIC_PATH, labRubricPath } from '../location.ts';
import type { CriterionId } from '../model/criteria.ts';
import { loadRubric, type Rubric } from '../rubric/rubric.ts';
import { Submission } from '../submission/submission.ts';
import { Teardown } from '../docker/cleanup/teardown.ts';
import { newRunIdentity } from '../docker/labels.ts';
import { DYNAMIC_IDS } from '../checks/catalogue.ts';
import type { ObservationDriver } from './driver/driver.ts';
import { recordingDriver } from './driver/recording.ts';
import { readRecording, recordedDriver } from './driver/testing.ts';
import { runDynamic, type DynamicFindings } from './dynamic.ts';
import { labNamed } from './lab.ts';

// The dynamic run and every dynamic criterion, on runs recorded on a real engine
// (selftest/recordings/, written with DOCKER_LAB_RECORD): no engine is needed here.

const RECORDINGS = join(GRADER_ROOT, 'selftest', 'recordings');

/** The rubric of lab `id`: the root's when it names that lab, else the lab folder's (as `--lab` reads it). */
async function rubricOf(id: string): Promise<Rubric> {
  const root = await loadRubric(RUBRIC_PATH);
  return root.lab === id ? root : loadRubric(labRubricPath(id));
}

async function dynamicIdsOf(id: string): Promise<CriterionId[]> {
  const rubric = await rubricOf(id);
  return DYNAMIC_IDS.filter((criterion) => rubric.criteria.has(criterion));
}

interface Replay {
  findings: DynamicFindings;
  /** The driver's phases the run called, in the order they answered. */
  called: string[];
  cleanedUp: boolean;
}

/** Runs the dynamic run of lab `id` on a recording (`<lab>.<name>.json`), with the rubric's criteria unless `only` says otherwise. */
async function replay(id: string, name: string, only?: readonly CriterionId[] | 'all'): Promise<Replay> {
  const recording = await readRecording(join(RECORDINGS, `${id}.${name}.json`));
  expect(recording.lab).toBe(id);
  const rubric = await rubricOf(id);
  const spy = recordingDriver(recordedDriver(recording));
  let cleanedUp = false;
  const driver: ObservationDriver = { ...spy.driver, cleanUp: async () => void (cleanedUp = true) };
  const teardown = new Teardown();
  const findings = await runDynamic({
    driver,
    submission: await Submission.open(tmpdir()),
    settings: rubric.settings,
    lab: labNamed(id),
    run: newRunIdentity(),
    teardown,
    only: only === 'all' ? undefined : (only ?? (await dynamicIdsOf(id))),
  });
  await teardown.run();
  return { findings, called: Object.keys(spy.observations), cleanedUp };
}

const notPassing = (findings: DynamicFindings) => [...findings].filter(([, { finding }]) => finding.status !== 'pass').map(([id]) => id);

describe('runDynamic on recorded runs', () => {
  test.each([
    ['csc8613-tp1', ['build', 'size', 'container', 'stack']],
    ['docker-basic-1', ['build', 'size', 'program']],
    ['docker-basics', ['build', 'size', 'container']],
  ])('the reference of %s passes every dynamic criterion of its rubric', async (id, phases) => {
    const { findings, called, cleanedUp } = await replay(id, 'reference');
    expect([...findings.keys()]).toEqual(await dynamicIdsOf(id));
    expect(notPassing(findings)).toEqual([]);
    expect(called.sort()).toEqual([...phases].sort());
    expect(cleanedUp).toBe(true);
  });

  test('a build that fails runs no other phase: every other criterion says the image is not built', async () => {
    const { findings, called } = await replay('docker-basic-1', 'build-fails');
    expect(called).toEqual(['build']);
    expect(notPassing(findings)).toEqual(['image.build', 'image.size', 'program.output', 'program.env', 'program.command-override']);
    expect(findings.get('image.build')?.finding.message).toMatch(/^La construction échoue à l'étape 3\/4 \(`COPY welcom\.py \.`\)/);
    for (const id of ['image.size', 'program.output', 'program.env', 'program.command-override'] as const) {
      expect(findings.get(id)?.finding).toEqual({ status: 'fail', message: "Non vérifiable : l'image ne se construit pas (voir image.build)." });
    }
  });

  test('a program that ignores its environment variable loses program.env alone', async () => {
    const { findings } = await replay('docker-basic-1', 'env-ignored');
    expect(notPassing(findings)).toEqual(['program.env']);
    expect(findings.get('program.env')?.finding).toMatchObject({ file: 'starter/welcome.py', message: expect.stringMatching(/^La variable d'environnement WELCOME_NAME n'est pas lue/) });
  });

  test('only the phases of the criteria asked for run, after the build', async () => {
    expect((await replay('csc8613-tp1', 'reference', ['image.build'])).called).toEqual(['build']);
    const health = await replay('csc8613-tp1', 'reference', ['container.health']);
    expect(health.called).toEqual(['build', 'container']);
    expect([...health.findings.keys()]).toEqual(['container.health']);
    expect((await replay('csc8613-tp1', 'reference', ['stack.psql', 'image.size'])).called.sort()).toEqual(['build', 'size', 'stack']);
  });

  test('a lab without a program never runs the program phase, and its criteria are left to grade.ts', async () => {
    const all = await replay('csc8613-tp1', 'reference', 'all');
    expect(all.called).not.toContain('program');
    expect(all.findings.has('program.output')).toBe(false);
    const basic = await replay('docker-basic-1', 'reference', 'all');
    expect(basic.called.sort()).toEqual(['build', 'program', 'size']);
    expect(basic.findings.has('container.health')).toBe(false);
    expect(basic.findings.has('stack.up')).toBe(false);
  });
});
