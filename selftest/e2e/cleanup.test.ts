import { DYNAMIC_IDS } from '../support/root-lab.ts';
import { execa } from 'execa';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { grade } from '../../grader/src/run/grade.ts';

import { PID_LABEL, RUN_LABEL } from '../../grader/src/docker/labels.ts';
import { pollUntil } from '../../grader/src/docker/wait/poll.ts';
import { MUTANTS } from '../../labs/csc8613-tp1/mutants.ts';
import { makeSubmission, type Overlay } from '../support/submission.ts';

const CLI = fileURLToPath(new URL('../../grader/src/cli.ts', import.meta.url));

/** What runs of process `pid` left: resources with its pid label, and images of its runs (`p<pid>-…`). */
async function resourcesOfPid(pid: number): Promise<string[]> {
  const filter = `label=${PID_LABEL}=${pid}`;
  const run = async (args: string[]) => (await execa('docker', [...args, '--filter', filter, '-q'], { stdin: 'ignore' })).stdout.split('\n').filter(Boolean);
  // `docker image ls --format` has no .Label field (the template fails as soon as one image is
  // listed): labels are read with `docker image inspect`.
  const labelled = (await execa('docker', ['image', 'ls', '--filter', `label=${RUN_LABEL}`, '-q', '--no-trunc'], { stdin: 'ignore' })).stdout.split('\n').filter(Boolean);
  const inspected = labelled.length === 0
    ? ''
    : (await execa('docker', ['image', 'inspect', '--format', `{{.Id}} {{index .Config.Labels "${RUN_LABEL}"}}`, ...new Set(labelled)], { stdin: 'ignore', reject: false })).stdout;
  const images = inspected
    .split('\n')
    .filter((line) => line.endsWith(` p${pid}`) || line.includes(` p${pid}-`));
  return [...(await run(['ps', '-a'])), ...(await run(['volume', 'ls'])), ...(await run(['network', 'ls'])), ...images];
}

function statusesOf(report: Awaited<ReturnType<typeof grade>>): Record<string, string> {
  return Object.fromEntries(report.criteria.map((c) => [c.id, c.status]));
}

describe('cleanup and isolation', { timeout: 240_000 }, () => {
  test('a grading run interrupted with SIGINT halfway leaves nothing behind', async () => {
    const sub = await makeSubmission();
    try {
      const child = execa('node', ['--experimental-strip-types', '--no-warnings', CLI, sub.dir], { reject: false, stdin: 'ignore' });
      const pid = child.pid!;
      // Halfway: once the Compose stack of the run has containers.
      const started = await pollUntil(
        async () => {
          const { stdout } = await execa('docker', ['ps', '-q', '--filter', `label=${PID_LABEL}=${pid}`, '--filter', 'label=com.docker.compose.project'], { stdin: 'ignore' });
          return stdout.trim() ? { done: true, value: stdout } : { done: false, seen: 'no compose container yet' };
        },
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      expect(started.ok).toBe(true);
      process.kill(pid, 'SIGINT');
      const result = await child;
      expect(result.exitCode, `signal ${String(result.signal)}; stderr: ${String(result.stderr)}`).toBe(130);
      expect(await resourcesOfPid(pid)).toEqual([]);
    } finally {
      await sub.cleanup();
    }
  });

  test("a student's own server on 127.0.0.1:8000 does not disturb grading", async () => {
    const server: Server = createServer((_, res) => res.end('{"status":"not the grader"}'));
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(8000, '127.0.0.1', () => resolve(true));
    });
    const sub = await makeSubmission();
    try {
      const report = await grade(sub.dir, { only: DYNAMIC_IDS });
      expect(statusesOf(report)).toEqual(Object.fromEntries(DYNAMIC_IDS.map((id) => [id, 'pass'])));
      if (listening) expect(server.listening).toBe(true);
    } finally {
      server.close();
      await sub.cleanup();
    }
  });

  test('two grading runs of different submissions side by side do not interfere', async () => {
    const wrongUser = MUTANTS.find((m) => m.name === 'wrong database user')!;
    const [good, bad] = await Promise.all([makeSubmission(), makeSubmission(wrongUser.files as Overlay)]);
    try {
      const [goodReport, badReport] = await Promise.all([grade(good.dir, { only: DYNAMIC_IDS }), grade(bad.dir, { only: DYNAMIC_IDS })]);
      expect(statusesOf(goodReport)).toEqual(Object.fromEntries(DYNAMIC_IDS.map((id) => [id, 'pass'])));
      expect(statusesOf(badReport)).toEqual(Object.fromEntries(DYNAMIC_IDS.map((id) => [id, (wrongUser.loses as readonly string[]).includes(id) ? 'fail' : 'pass'])));
      expect(await resourcesOfPid(process.pid)).toEqual([]);
    } finally {
      await Promise.all([good.cleanup(), bad.cleanup()]);
    }
  });
});
