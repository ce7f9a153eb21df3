import { describe, expect, it } from 'vitest';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { makeSubmission } from '../../submission/testing.ts';
import { staticCriteriaIn } from '../catalogue.ts';
import { CRITERION_IDS } from '../../model/criteria.ts';
import { runOnDockerfile } from './testing.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const dockerfileChecks = staticCriteriaIn('dockerfile');
const ALL = [...dockerfileChecks, ...staticCriteriaIn('dockerignore'), ...staticCriteriaIn('requirements')];

describe('starter/ static checks', () => {
  it('cover their criteria once each, the lab\'s eleven included', () => {
    const ids = ALL.map((c) => c.id);
    expect(ids.sort()).toEqual(CRITERION_IDS.filter((id) => /^(dockerfile|dockerignore|requirements)\./.test(id)).sort());
    expect(ids).toEqual(
      expect.arrayContaining([
        'dockerfile.present', 'dockerfile.base-image', 'dockerfile.workdir', 'dockerfile.layer-order', 'dockerfile.pip-no-cache',
        'dockerfile.exec-form', 'dockerfile.expose', 'dockerfile.non-root', 'dockerfile.healthcheck', 'dockerignore.present',
        'requirements.pinned',
      ]),
    );
  });

  it('all pass on the reference solution, sharing one parse per run', async () => {
    const { dir, cleanup } = await makeSubmission();
    try {
      const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
      for (const check of ALL) expect({ id: check.id, ...(await check.judge(ctx)) }).toMatchObject({ id: check.id, status: 'pass' });
    } finally {
      await cleanup();
    }
  });

  it('all fail, without throwing, when starter/ is empty', async () => {
    const { dir, cleanup } = await makeSubmission({ starter: null });
    try {
      const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
      for (const check of ALL) {
        const finding = await check.judge(ctx);
        expect(finding.status).toBe('fail');
        expect(finding.message).toMatch(/introuvable/);
      }
    } finally {
      await cleanup();
    }
  });

  it.each([
    '',
    'FROM',
    'FROM python:3.13-slim\nRUN',
    'FROM python:3.13-slim\nCMD [',
    'FROM python:3.13-slim\nCMD ["uvicorn", 1]',
    'FROM python:3.13-slim\nRUN <<EOF\npip install x\n',
    'FROM python:3.13-slim\nRUN pip install "unterminated\nCOPY \\\n',
    'FROM ${A:-${B:-python}}:3.13-slim\nWORKDIR ${\nEXPOSE ${X:+}\nUSER :\n',
    'ARG A\nFROM $A AS $A\nFROM $A\n',
    'FROM a AS a\nFROM a\nFROM b AS b\nFROM b\n',
    '\uFEFF# escape=`\nFROM python:3.13-slim\nRUN echo `\n',
    'FROM python:3.13-slim\nONBUILD RUN pip install x\nHEALTHCHECK\nSHELL ["/bin/bash", "-c"]\n',
  ])('never throws on odd input: %j', async (text) => {
    for (const check of dockerfileChecks) {
      const finding = await runOnDockerfile(check, text);
      expect(['pass', 'fail']).toContain(finding.status);
      expect(typeof finding.message).toBe('string');
    }
  });
});
