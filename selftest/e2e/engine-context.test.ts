// The docker CLI's engine (issue 12): with DOCKER_HOST unset and the engine reachable only through
// the CLI's current context, while another engine holds the default socket, the grader (API calls,
// builds, Compose) works on the context's engine only. CI starts the second engine and names it in
// DOCKER_LAB_CONTEXT_ENGINE (a DOCKER_HOST value).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { PID_LABEL, RUN_LABEL } from '../../grader/src/docker/labels.ts';
import { makeSubmission } from '../support/submission.ts';

const CLI = fileURLToPath(new URL('../../grader/src/cli.ts', import.meta.url));
const DEFAULT_ENGINE = 'unix:///var/run/docker.sock';
const contextEngine = process.env.DOCKER_LAB_CONTEXT_ENGINE;

async function engineId(host: string): Promise<string | undefined> {
  const info = await execa('docker', ['-H', host, 'info', '--format', '{{.ID}}'], { stdin: 'ignore', reject: false, timeout: 15_000 });
  return info.exitCode === 0 ? info.stdout.trim() : undefined;
}
const [defaultId, contextId] = await Promise.all([engineId(DEFAULT_ENGINE), contextEngine ? engineId(contextEngine) : undefined]);
const twoEngines = Boolean(defaultId && contextId && defaultId !== contextId);

/** The environment of a student's shell whose docker CLI config lives in `config`: no engine variable. */
function studentEnv(config: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'CI', 'GITHUB_ACTIONS'].includes(key)) env[key] = value;
  }
  env.DOCKER_CONFIG = config;
  return env;
}

/** `docker context create NAME --docker host=HOST` then `docker context use NAME`, as a student would. */
async function useContext(config: string, name: string, host: string) {
  const env = studentEnv(config);
  await execa('docker', ['context', 'create', name, '--docker', `host=${host}`], { env, extendEnv: false, stdin: 'ignore' });
  await execa('docker', ['context', 'use', name], { env, extendEnv: false, stdin: 'ignore' });
}

/** The run's containers (their ids) and images (how many) on the engine at `host`. */
async function runIdsOn(host: string, pid: number): Promise<{ containers: string[]; images: number }> {
  const ps = await execa('docker', ['-H', host, 'ps', '-aq', '--filter', `label=${PID_LABEL}=${pid}`], { stdin: 'ignore', reject: false });
  // `docker image ls --format` has no `.Label`: the run id is read with `image inspect`.
  const ids = (await execa('docker', ['-H', host, 'image', 'ls', '-q', '--filter', `label=${RUN_LABEL}`], { stdin: 'ignore', reject: false })).stdout.split('\n').filter(Boolean);
  const runs = ids.length === 0 ? '' : (await execa('docker', ['-H', host, 'image', 'inspect', '--format', `{{index .Config.Labels "${RUN_LABEL}"}}`, ...ids], { stdin: 'ignore', reject: false })).stdout;
  return {
    containers: ps.stdout.split('\n').filter(Boolean),
    images: runs.split('\n').filter((run) => run.startsWith(`p${pid}-`)).length,
  };
}

describe('the engine behind the docker CLI’s current context', { timeout: 600_000 }, () => {
  test.skipIf(!twoEngines)(
    `reference scores 100/100 on the context's engine, nothing reaches the default socket's (needs DOCKER_LAB_CONTEXT_ENGINE and an engine on ${DEFAULT_ENGINE})`,
    async () => {
      const config = await mkdtemp(join(tmpdir(), 'docker-lab-config-'));
      const sub = await makeSubmission();
      try {
        await useContext(config, 'lab-engine', contextEngine!);
        const out = join(config, 'report.json');
        const child = execa('node', ['--experimental-strip-types', '--no-warnings', CLI, sub.dir, '--json', out], { env: studentEnv(config), extendEnv: false, reject: false, stdin: 'ignore' });
        const pid = child.pid!;
        // Every container of the run seen on each engine (the container phase's and the stack's may
        // not overlap in time), and the most images at once.
        const seen = { context: { containers: new Set<string>(), images: 0 }, default: { containers: new Set<string>(), images: 0 } };
        let running = true;
        const watcher = (async () => {
          while (running) {
            const [onContext, onDefault] = await Promise.all([runIdsOn(contextEngine!, pid), runIdsOn(DEFAULT_ENGINE, pid)]);
            for (const [where, now] of [['context', onContext], ['default', onDefault]] as const) {
              for (const id of now.containers) seen[where].containers.add(id);
              seen[where].images = Math.max(seen[where].images, now.images);
            }
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        })();
        const result = await child;
        running = false;
        await watcher;
        expect(result.exitCode, String(result.stderr)).toBe(0);
        // Everything ran on the context's engine (the image, the API container, the stack), nothing on
        // the default socket's, and nothing of the run is left.
        expect(seen.context.containers.size).toBeGreaterThanOrEqual(3);
        expect(seen.context.images).toBe(1);
        expect({ containers: seen.default.containers.size, images: seen.default.images }).toEqual({ containers: 0, images: 0 });
        expect(await runIdsOn(contextEngine!, pid)).toEqual({ containers: [], images: 0 });
        const report = JSON.parse(await readFile(out, 'utf8')) as { score: number; maxScore: number; criteria: Array<{ id: string; points: number; maxPoints: number; message: string }> };
        expect(report.criteria.filter((c) => c.points < c.maxPoints).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
        expect(report.score).toBe(report.maxScore);
      } finally {
        await sub.cleanup();
        await rm(config, { recursive: true, force: true });
      }
    },
  );

  test('a current context where no engine answers: the French message names the endpoint and the commands to check', async () => {
    const config = await mkdtemp(join(tmpdir(), 'docker-lab-config-'));
    const sub = await makeSubmission();
    try {
      const socket = join(config, 'nobody-listens.sock');
      await useContext(config, 'gone', `unix://${socket}`);
      const out = join(config, 'report.json');
      const result = await execa('node', ['--experimental-strip-types', '--no-warnings', CLI, sub.dir, '--only', 'image.build', '--json', out], { env: studentEnv(config), extendEnv: false, reject: false, stdin: 'ignore' });
      expect(result.exitCode, String(result.stderr)).toBe(0);
      const report = JSON.parse(await readFile(out, 'utf8')) as { criteria: Array<{ id: string; status: string; message: string }> };
      const build = report.criteria.find((c) => c.id === 'image.build')!;
      expect(build.status).toBe('skip');
      expect(build.message).toContain(`\`unix://${socket}\``);
      expect(build.message).toContain('contexte courant `gone`');
      expect(build.message).toMatch(/`docker context ls`.*`docker info`/);
    } finally {
      await sub.cleanup();
      await rm(config, { recursive: true, force: true });
    }
  });
});
