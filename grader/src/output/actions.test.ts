import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { annotations, publishActions, scoreNotices, stepOutputs } from './actions.ts';
import { FAKE, RUBRIC, processedCommands, sampleReport } from './testing.ts';
import { renderTerminal } from './terminal.ts';

/** Runs `body` with GitHub's files in `dir` and returns what it printed (as the runner would read it). */
async function captured(env: Record<string, string>, body: () => Promise<void>): Promise<string> {
  let log = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  });
  try {
    await body();
  } finally {
    spy.mockRestore();
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return log;
}

describe('GitHub Actions output through @actions/core', () => {
  let dir: string;
  let env: { GITHUB_STEP_SUMMARY: string; GITHUB_OUTPUT: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actions-'));
    // @actions/core's summary keeps the first path it writes to: one pair of files for this suite.
    env = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), GITHUB_OUTPUT: join(dir, 'output') };
    await writeFile(env.GITHUB_STEP_SUMMARY, '');
    await writeFile(env.GITHUB_OUTPUT, '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('annotations: errors on failing criteria with a file (costliest first), warnings for advice', () => {
    const list = annotations(sampleReport(), { filePath: (f) => `sub/${f}` });
    expect(list.map((a) => [a.level, a.properties.file, a.properties.startLine])).toEqual([
      ['error', 'sub/starter/Dockerfile', 7],
      ['error', 'sub/starter/Dockerfile', 2],
      ['warning', 'sub/starter/Dockerfile', 9],
    ]);
    expect(list[1]!.properties.title).toBe('Image de base (dockerfile.base-image) — 0/3');
    expect(list[2]!.properties.title).toBe('Conseil : non root (dockerfile.non-root) — conseil');
  });

  test('the legacy notices, exactly', () => {
    expect(scoreNotices(72, 100)).toEqual([
      { title: 'Autograding complete', message: 'Points 72/100' },
      { title: 'Autograding report', message: '{"totalPoints":72,"maxPoints":100}' },
    ]);
  });

  test('step outputs: base64 results per group, score and max_score', () => {
    const outputs = stepOutputs(sampleReport(), RUBRIC);
    expect(outputs.map(([name]) => name)).toEqual(['DOCKERFILE_RESULTS', 'IMAGE_RESULTS', 'score', 'max_score']);
    expect(outputs.slice(2)).toEqual([['score', '2'], ['max_score', '16']]);
  });

  test('publish: the terminal report is inert; each annotation and the notices are one processed command; summary and outputs appended', async () => {
    const report = sampleReport();
    const terminal = renderTerminal(report, RUBRIC);
    expect(terminal).toContain(FAKE);
    const log = await captured(env, () => publishActions(report, RUBRIC, terminal, { complete: true }));
    expect(log).toContain(FAKE);
    const commands = processedCommands(log);
    expect(commands.filter((c) => c.startsWith('::notice'))).toEqual([
      '::notice title=Autograding complete::Points 2/16',
      '::notice title=Autograding report::{"totalPoints":2,"maxPoints":16}',
    ]);
    const errors = commands.filter((c) => c.startsWith('::error'));
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatch(/^::error title=Image de base \(dockerfile\.base-image\) — 0\/3,file=starter\/Dockerfile,line=2::FROM/);
    expect(errors[1]).toContain('%0A::notice title=Autograding complete::Points 100/100%0A'); // the student's fake stays data
    expect(errors[1]).toContain('100%25, a:b');
    expect(commands.filter((c) => c.startsWith('::warning'))).toEqual([expect.stringMatching(/^::warning title=Conseil %3A non root \(dockerfile\.non-root\) — conseil,file=starter\/Dockerfile,line=9::/)]);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('Note : 2/16');
    const outputs = await readFile(env.GITHUB_OUTPUT, 'utf8');
    expect(outputs).toMatch(/^score<<ghadelimiter_[0-9a-f-]+\n2\nghadelimiter_[0-9a-f-]+$/m);
    expect(outputs).toMatch(/^max_score<<ghadelimiter_[0-9a-f-]+\n16\n/m);

    const partial = await captured(env, () => publishActions(report, RUBRIC, terminal, { complete: false }));
    expect(processedCommands(partial).filter((c) => c.startsWith('::notice'))).toEqual([]);
  });

  test('the runner emulation of the tests sees commands outside blocks only', () => {
    const log = `a\n${FAKE}\n::stop-commands::t1\n${FAKE}\n::t1::\n  ::warning::x\n`;
    expect(processedCommands(log)).toEqual([FAKE, '::warning::x']);
  });
});
