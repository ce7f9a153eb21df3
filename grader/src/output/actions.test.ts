import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { annotations, publishActions, scoreNotices, stepOutputs } from './actions.ts';
import { FAKE, RUBRIC, processedCommands, sampleReport } from './testing.ts';
import { renderTerminal } from './terminal.ts';

describe('GitHub Actions output', () => {
  test('annotations: ::error on failing criteria with a file (costliest first), ::warning for advice; one line each', () => {
    const lines = annotations(sampleReport(), { filePath: (f) => `sub/${f}` });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=sub\/starter\/Dockerfile,line=7,title=L'image se construit \(image\.build\) — 0\/6::/);
    expect(lines[1]).toMatch(/^::error file=sub\/starter\/Dockerfile,line=2,title=Image de base \(dockerfile\.base-image\) — 0\/3::FROM/);
    expect(lines[1]).toContain('%0A::notice title=Autograding complete::Points 100/100%0A');
    expect(lines[1]).toContain('100%25, a:b');
    expect(lines[2]).toMatch(/^::warning file=sub\/starter\/Dockerfile,line=9,title=Conseil %3A non root \(dockerfile\.non-root\) — conseil::/);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  test('notices in the legacy format', () => {
    expect(scoreNotices(72, 100)).toEqual([
      '::notice title=Autograding complete::Points 72/100',
      '::notice title=Autograding report::{"totalPoints":72,"maxPoints":100}',
    ]);
  });

  test('step outputs: base64 results per group, score and max_score', () => {
    const outputs = stepOutputs(sampleReport(), RUBRIC).trim().split('\n');
    expect(outputs.map((l) => l.split('=')[0])).toEqual(['DOCKERFILE_RESULTS', 'IMAGE_RESULTS', 'score', 'max_score']);
    expect(outputs.slice(2)).toEqual(['score=2', 'max_score=16']);
  });

  test('publish: the terminal report is inert; only the real notices and annotations are processed; files are appended', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actions-'));
    try {
      const env = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), GITHUB_OUTPUT: join(dir, 'output') };
      let log = '';
      const report = sampleReport();
      const terminal = renderTerminal(report, RUBRIC);
      expect(terminal).toContain(FAKE);
      await publishActions(report, RUBRIC, terminal, { env, write: (t) => (log += t), complete: true });
      expect(log).toContain(FAKE);
      const commands = processedCommands(log);
      expect(commands.filter((c) => c.startsWith('::notice'))).toEqual(scoreNotices(2, 16));
      expect(commands.filter((c) => c.startsWith('::error'))).toHaveLength(2);
      expect(commands.filter((c) => c.startsWith('::warning'))).toHaveLength(1);
      expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('Note : 2/16');
      expect(await readFile(env.GITHUB_OUTPUT, 'utf8')).toContain('score=2\n');

      log = '';
      await publishActions(report, RUBRIC, terminal, { env, write: (t) => (log += t), complete: false });
      expect(processedCommands(log).filter((c) => c.startsWith('::notice'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the runner emulation of the tests sees commands outside blocks only', () => {
    const log = `a\n${FAKE}\n::stop-commands::t1\n${FAKE}\n::t1::\n  ::warning::x\n`;
    expect(processedCommands(log)).toEqual([FAKE, '::warning::x']);
  });
});
