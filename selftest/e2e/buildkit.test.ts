// BuildKit fixtures (issue 12): Dockerfiles that `docker build` accepts on current engines grade as
// they build for the student; image.size is measured against the final stage's base image; nothing
// of the run stays in `docker images -a`. No fixture reaches a registry: the one `# syntax=` line
// names a registry on 127.0.0.1 where nothing listens.
import { DYNAMIC_IDS } from '../support/root-lab.ts';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { CriterionResult } from '../../grader/src/model/result.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';

import { grade } from '../../grader/src/run/grade.ts';
import { loadRubric } from '../../grader/src/rubric/rubric.ts';
import { replaceOnce } from '../../grader/src/lab/testing.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import { makeSubmission } from '../support/submission.ts';

const engine = await probeEngine();
const rubric = await loadRubric();
const testRubric = { ...rubric, settings: { ...rubric.settings, startupTimeoutSeconds: 60 } };
/** Docker 20.10's BuildKit (0.8) has a Dockerfile frontend without heredocs (they came with Dockerfile 1.4, Docker 23+). */
const major = engine.state === 'ready' ? Number(engine.serverVersion.split('.')[0]) : 0;
const heredocSupported = major >= 23;

const INSTALL = 'RUN pip install --no-cache-dir -r requirements.txt';

/** Grades the reference with this Dockerfile: the dynamic criteria, `only` these, or everything (`'all'`). */
async function gradeDockerfile(dockerfile: string, only: CriterionId[] | 'all' = DYNAMIC_IDS) {
  const sub = await makeSubmission({ 'starter/Dockerfile': dockerfile });
  try {
    const report = await grade(sub.dir, { rubric: testRubric, ...(only === 'all' ? {} : { only }) });
    return { report, byId: new Map(report.criteria.map((c) => [c.id, c] as [string, CriterionResult])) };
  } finally {
    await sub.cleanup();
  }
}

const allDynamicPass = (byId: Map<string, CriterionResult>) => {
  const notPassed = DYNAMIC_IDS.filter((id) => byId.get(id)?.status !== 'pass').map((id) => `${id}: ${byId.get(id)?.status} — ${byId.get(id)?.message}`);
  expect(notPassed).toEqual([]);
};

/** Every image id the engine lists, intermediates included. */
async function allImages(): Promise<Set<string>> {
  const { stdout } = await execa('docker', ['images', '-a', '-q', '--no-trunc'], { stdin: 'ignore' });
  return new Set(stdout.split('\n').filter(Boolean));
}

describe.skipIf(engine.state !== 'ready')('BuildKit: what `docker build` accepts grades as it builds', { timeout: 600_000 }, () => {
  test('a pip cache mount scores 100/100, and no image of the run remains, dangling intermediates included', async () => {
    const marker = `docker-lab-marker-${randomBytes(6).toString('hex')}`;
    const dockerfile = replaceOnce(reference.dockerfile, INSTALL, `RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\nRUN echo ${marker} > /tmp/marker`);
    const before = await allImages();
    const { report, byId } = await gradeDockerfile(dockerfile, 'all');
    const failed = report.criteria.filter((c) => c.points < c.maxPoints).map((c) => `${c.id}: ${c.message}`);
    expect(failed).toEqual([]);
    expect(report.score).toBe(report.maxScore);
    expect(byId.get('image.build')!.status).toBe('pass');
    // Images that appeared during the run and carry its layer (the marker): none may be left.
    const appeared = [...(await allImages())].filter((id) => !before.has(id));
    const ours: string[] = [];
    for (const id of appeared) {
      const history = await execa('docker', ['history', '--no-trunc', '--format', '{{.CreatedBy}}', id], { stdin: 'ignore', reject: false });
      if (history.stdout.includes(marker)) ours.push(id);
    }
    expect(ours).toEqual([]);
  });

  test('COPY --chmod', async () => {
    const { byId } = await gradeDockerfile(replaceOnce(reference.dockerfile, 'COPY app.py .', 'COPY --chmod=0444 app.py .'));
    allDynamicPass(byId);
  });

  test.skipIf(!heredocSupported)('a heredoc RUN <<EOF (Docker 23+; skipped on Docker 20.10, whose BuildKit 0.8 frontend has no heredocs)', async () => {
    const dockerfile = replaceOnce(reference.dockerfile, INSTALL, `RUN <<EOF\nset -e\npip install --no-cache-dir -r requirements.txt\necho installed > /tmp/heredoc\nEOF`);
    const { byId } = await gradeDockerfile(dockerfile);
    allDynamicPass(byId);
  });

  test('multi-stage: a heavy builder stage, a slim final stage; image.size measures the final stage against its own base', async () => {
    const builder = 'FROM python:3.13-slim AS builder\nRUN mkdir /out && head -c 130000000 /dev/urandom > /out/blob.bin && echo ok > /out/built.txt\n\n';
    const final = replaceOnce(reference.dockerfile, 'COPY app.py .', 'COPY app.py .\nCOPY --from=builder /out/built.txt /app/built.txt');
    const { byId } = await gradeDockerfile(builder + final);
    allDynamicPass(byId);
    expect(byId.get('image.size')!.message).toMatch(/ajoutent 0\.\d Mo/);
  });

  test('an ARG-built FROM: the base is the one the builder resolved, so added layers are measured (130 MB fails)', async () => {
    const dockerfile = replaceOnce(reference.dockerfile, 'FROM python:3.13-slim', 'ARG PYTHON_VERSION=3.13\nFROM python:${PYTHON_VERSION}-slim');
    const heavy = replaceOnce(dockerfile, 'COPY app.py .', 'COPY app.py .\nRUN head -c 130000000 /dev/urandom > /opt/blob.bin');
    const { byId } = await gradeDockerfile(heavy, ['image.build', 'image.size']);
    expect(byId.get('image.build')!.status).toBe('pass');
    expect(byId.get('image.size')!.status).toBe('fail');
    expect(byId.get('image.size')!.message).toMatch(/ajoutent 13\d Mo .*head -c 130000000/);
  });

  test('a failing RUN in a named stage: the step as BuildKit names it, the stage and the Dockerfile line', async () => {
    const dockerfile = `FROM python:3.13-slim AS deps\nRUN echo "préparation" && exit 3\n\n${reference.dockerfile}`.replace(/^COPY app\.py \.$/m, 'COPY --from=deps /etc/hostname /app/x\nCOPY app.py .');
    const { byId } = await gradeDockerfile(dockerfile, ['image.build']);
    const build = byId.get('image.build')!;
    expect(build.status).toBe('fail');
    expect(build.message).toMatch(/La construction échoue à l'étape 2\/2 du stage `deps` \(`RUN echo "préparation" && exit 3`\) : failed to solve: .*exit code: 3/);
    expect(build.line).toBe(2);
    expect(build.excerpt).toContain('préparation');
    expect(`${build.message}\n${build.excerpt}`).not.toMatch(/Step \d+\/\d+|legacy builder|DEPRECATED/);
  });

  test('a # syntax= line where no registry answers: said plainly, at its line', async () => {
    const { byId } = await gradeDockerfile(`# syntax=127.0.0.1:9/docker-lab/dockerfile:1\n${reference.dockerfile}`, ['image.build']);
    const build = byId.get('image.build')!;
    expect(build.status).toBe('fail');
    expect(build.line).toBe(1);
    expect(build.message).toMatch(/frontend `127\.0\.0\.1:9\/docker-lab\/dockerfile:1` nommé par la ligne `# syntax=`, et aucun registre d'images n'est joignable/);
  });
});
