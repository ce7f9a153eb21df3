import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { httpGet } from '../../grader/src/docker/wait/http.ts';
import { isHealthyBody } from '../../labs/csc8613-tp1/api.ts';
import { pollUntil } from '../../grader/src/docker/wait/poll.ts';
import { RUN_LABEL, PID_LABEL } from '../../grader/src/docker/labels.ts';

/**
 * The lab's Docker work done with the plain docker CLI, without the grader: build once; run and
 * wait for /health; stop; compose up --wait reusing the image; psql; insert; down; up; select;
 * down -v. It proves the test bed is real and is the benchmark's floor.
 */
export interface FloorResult {
  health: unknown;
  composeHealth: unknown;
  psql: string;
  persisted: string;
  phases: Record<string, number>;
}

const docker = (args: string[], timeout = 300_000) => execa('docker', args, { timeout, stdin: 'ignore' });

export async function rawDockerFloor(submissionDir: string): Promise<FloorResult> {
  const id = `floor${randomBytes(4).toString('hex')}`;
  const labels = [`${RUN_LABEL}=${id}`, `${PID_LABEL}=${process.pid}`];
  const tag = `docker-lab-floor/api:${id}`;
  const project = `dockerlab-${id}`;
  const phases: Record<string, number> = {};
  const time = async <T>(name: string, body: () => Promise<T>) => {
    const start = Date.now();
    try {
      return await body();
    } finally {
      phases[name] = Date.now() - start;
    }
  };
  const work = await mkdtemp(join(tmpdir(), 'docker-lab-floor-'));
  const compose = (args: string[]) =>
    execa('docker', ['compose', '-p', project, '-f', join(submissionDir, 'docker-compose.yml'), '-f', join(work, 'override.yml'), ...args], {
      timeout: 180_000,
      stdin: 'ignore',
    });
  const waitHealthy = async (port: number) => {
    const outcome = await pollUntil(async () => {
      const answer = await httpGet(port, '/health', 1_000);
      return answer.kind === 'response' && answer.status === 200 ? { done: true, value: answer.body } : { done: false, seen: JSON.stringify(answer) };
    }, { timeoutMs: 60_000, intervalMs: 100 });
    if (!outcome.ok) throw new Error(`/health never answered: ${outcome.seen}`);
    return JSON.parse(outcome.value) as unknown;
  };
  try {
    await time('build', () => docker(['build', '-q', '--network', 'none', ...labels.flatMap((l) => ['--label', l]), '-t', tag, join(submissionDir, 'starter')]));
    const health = await time('run', async () => {
      const { stdout: cid } = await docker(['run', '-d', ...labels.flatMap((l) => ['--label', l]), '-p', '127.0.0.1::8000', tag]);
      const { stdout: port } = await docker(['port', cid.trim(), '8000/tcp']);
      const body = await waitHealthy(Number(port.trim().split('\n')[0]!.split(':').pop()));
      await docker(['stop', cid.trim()]);
      await docker(['rm', '-v', cid.trim()]);
      return body;
    });
    await writeFile(
      join(work, 'override.yml'),
      [
        'services:',
        '  api:',
        `    image: ${tag}`,
        '    pull_policy: never',
        '    ports: !override',
        '      - "127.0.0.1::8000"',
        `    labels: { ${labels.map((l) => `"${l.split('=')[0]}": "${l.split('=')[1]}"`).join(', ')} }`,
        '  db:',
        `    labels: { ${labels.map((l) => `"${l.split('=')[0]}": "${l.split('=')[1]}"`).join(', ')} }`,
        '',
      ].join('\n'),
    );
    const composeHealth = await time('compose-up', async () => {
      await compose(['up', '-d', '--no-build', '--wait', '--wait-timeout', '120']);
      const { stdout } = await compose(['port', 'api', '8000']);
      return waitHealthy(Number(stdout.trim().split(':').pop()));
    });
    // `--wait` trusts the reference's healthcheck (pg_isready on the socket), which the official
    // image's temporary, socket-only server already satisfies: like a careful student, wait until the
    // final server answers over TCP before typing psql.
    const finalServer = async () => {
      const outcome = await pollUntil(async () => {
        const ping = await compose(['exec', '-T', 'db', 'pg_isready', '-h', '127.0.0.1', '-U', 'demo', '-d', 'demo']).catch((error: { stdout?: string }) => error);
        return 'exitCode' in ping && ping.exitCode === 0 ? { done: true, value: undefined } : { done: false, seen: String(ping.stdout ?? '') };
      }, { timeoutMs: 60_000, intervalMs: 200 });
      if (!outcome.ok) throw new Error(`PostgreSQL never answered over TCP: ${outcome.seen}`);
    };
    await time('db-ready', finalServer);
    const psql = ['exec', '-T', 'db', 'psql', '-U', 'demo', '-d', 'demo', '-tA', '-c'];
    const { stdout: version } = await time('psql', () => compose([...psql, 'SELECT current_database();']));
    await time('insert', () => compose([...psql, `CREATE TABLE floor (v text); INSERT INTO floor VALUES ('${id}');`]));
    await time('down', () => compose(['down']));
    await time('up-again', async () => {
      await compose(['up', '-d', '--no-build', '--wait', '--wait-timeout', '120', 'db']);
      await finalServer();
    });
    const { stdout: persisted } = await time('select', () => compose([...psql, 'SELECT v FROM floor;']));
    return { health, composeHealth, psql: version.trim(), persisted: persisted.trim(), phases };
  } finally {
    await time('down-v', () => compose(['down', '-v', '--remove-orphans']).catch(() => undefined));
    await docker(['image', 'rm', '--no-prune', tag]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}
