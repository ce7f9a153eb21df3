import { describe, expect, test } from 'vitest';
import type { BuildOutcome } from '../../docker/build/build-image.ts';
import type { BuildLog, BuildStep } from '../../docker/build/build-log.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { BuildInput, Observations } from '../observations.ts';
import { criterion } from './build.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const DOCKERFILE = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "app:app"]\n';
const judge = (build: BuildOutcome, dockerfileText: string | undefined = DOCKERFILE) =>
  criterion.judge({ build: { build, dockerfileText, timeoutSeconds: 300 } satisfies BuildInput } as Observations, DEFAULT_SETTINGS, TP1);
const log = (fields: { error?: string; lastStep?: BuildStep; sourceLine?: number; lines?: string[] }): BuildLog => ({
  lines: fields.lines ?? ['#1 [internal] load build definition from Dockerfile'],
  stageBases: new Map(),
  vertexes: new Map(),
  starts: 0,
  ...(fields.error ? { error: fields.error } : {}),
  ...(fields.lastStep ? { lastStep: fields.lastStep } : {}),
  ...(fields.sourceLine ? { sourceLine: fields.sourceLine } : {}),
});
const PIP: BuildStep = { index: 4, total: 5, instruction: 'RUN pip install -r requirements.txt' };

describe('image.build', () => {
  test('a built image passes with the build time', () => {
    expect(judge({ state: 'built', log: log({}), imageId: 'sha256:1', durationMs: 12_340 })).toEqual({ status: 'pass', message: 'Image construite en 12.3 s.' });
  });

  test('no starter/ folder to build fails on the Dockerfile, saying why', () => {
    const finding = judge({ state: 'no-context', reason: 'missing', durationMs: 0 }, undefined);
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(finding.message).toBe('Pas de starter/Dockerfile à construire (missing). Créez-le en suivant les TODO, puis lancez `docker build -t simple-api starter`.');
  });

  test('a failing step is named, located in the Dockerfile, and the log\'s end is shown', () => {
    const lines = ['#8 [4/5] RUN pip install -r requirements.txt', 'ERROR: No matching distribution found for fastapi==0.0.0'];
    const finding = judge({ state: 'failed', log: log({ error: 'process "/bin/sh -c pip install" did not complete successfully: exit code: 1\nmore', lastStep: PIP, lines }), durationMs: 5_000 });
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 4, excerpt: lines.join('\n') });
    expect(finding.message).toBe("La construction échoue à l'étape 4/5 (`RUN pip install -r requirements.txt`) : process \"/bin/sh -c pip install\" did not complete successfully: exit code: 1. Lisez la fin du journal ci-dessous, corrigez l'instruction, puis relancez `docker build -t simple-api starter`.");
  });

  test('the CLI\'s own line wins, and a named stage is said', () => {
    const finding = judge({ state: 'failed', log: log({ error: 'x', sourceLine: 2, lastStep: { ...PIP, stage: 'builder' } }), durationMs: 5_000 });
    expect(finding.line).toBe(2);
    expect(finding.message).toContain("à l'étape 4/5 du stage `builder` (");
    expect(judge({ state: 'failed', log: log({ lastStep: { ...PIP, stage: 'stage-1' } }), durationMs: 1 }).message).toContain("à l'étape 4/5 (`RUN pip");
    expect(judge({ state: 'failed', log: log({}), durationMs: 1 }).message).toMatch(/^La construction échoue : erreur inconnue\./);
  });

  test('a build stopped at the deadline names the step that blocked', () => {
    const finding = judge({ state: 'timed-out', log: log({ lastStep: PIP }), durationMs: 300_000 });
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
    expect(finding.message).toMatch(/^La construction n'a pas fini en 300 s et a été arrêtée à l'étape 4\/5 \(`RUN pip install -r requirements\.txt`\)\. .*non interactive\.$/);
  });

  test('an unreachable registry is told apart: a `# syntax=` frontend, or a base image not on the machine', () => {
    const unreachable = 'failed to solve: python:3.99-slim: failed to resolve source metadata for docker.io/library/python:3.99-slim: failed to do request: dial tcp: lookup registry-1.docker.io: no such host';
    const syntax = judge({ state: 'failed', log: log({ error: 'failed to solve: docker/dockerfile:1: failed to do request: dial tcp: no such host' }), durationMs: 1 }, `# syntax=docker/dockerfile:1\n${DOCKERFILE}`);
    expect(syntax).toMatchObject({ status: 'fail', line: 1 });
    expect(syntax.message).toMatch(/^La construction doit télécharger le frontend `docker\/dockerfile:1` nommé par la ligne `# syntax=`/);
    const base = judge({ state: 'failed', log: log({ error: unreachable, sourceLine: 1 }), durationMs: 1 });
    expect(base).toMatchObject({ status: 'fail', line: 1 });
    expect(base.message).toMatch(/^L'image de base `docker\.io\/library\/python:3\.99-slim` n'est pas sur cette machine/);
  });
});
