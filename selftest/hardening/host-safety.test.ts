// Host safety (issue 8, item 4): a compose file that asks for host privileges, host namespaces,
// devices, the Docker socket, host paths or host files is refused before anything starts, and
// stack.up names the offending line.
import { execa } from 'execa';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeHostRisk } from '../../grader/src/checks/stack/up.ts';
import { hostFileProblems, hostSafetyProblems } from '../../grader/src/docker/compose/host-safety.ts';
import type { ComposeModel } from '../../grader/src/docker/compose/model.ts';
import { sanitizeModel } from '../../grader/src/docker/compose/sanitize.ts';
import { probeEngine } from '../../grader/src/docker/engine.ts';
import { PID_LABEL } from '../../grader/src/docker/labels.ts';
import { grade } from '../../grader/src/run/grade.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import { makeSubmission } from '../support/submission.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'docker-lab-hostsafety-'));
  await mkdir(join(root, 'captures'), { recursive: true });
  await symlink('/', join(root, 'captures', 'root'));
  await symlink('/var/run/docker.sock', join(root, 'captures', 'sock'));
  await writeFile(join(root, 'captures', 'data.txt'), 'x');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A normalised model (the shape `docker compose config --format json` prints) with one api service. */
function modelWith(api: Record<string, unknown>, top: Partial<ComposeModel> = {}): ComposeModel {
  return {
    name: 'x',
    services: { api: { image: 'alpine', networks: { default: null }, ...api }, db: { image: 'postgres:17' } },
    volumes: { pgdata: { name: 'x_pgdata' } },
    ...top,
  };
}

const bind = (source: string) => ({ volumes: [{ type: 'bind', source, target: '/mnt', bind: { create_host_path: true } }] });

describe('hostSafetyProblems refuses what would reach the host', () => {
  const refused: Array<[string, () => ComposeModel, string[]]> = [
    ['privileged', () => modelWith({ privileged: true }), ['services', 'api', 'privileged']],
    ['cap_add', () => modelWith({ cap_add: ['SYS_ADMIN'] }), ['services', 'api', 'cap_add']],
    ['cap_add ALL', () => modelWith({ cap_add: ['ALL'] }), ['services', 'api', 'cap_add']],
    ['network_mode: host', () => modelWith({ network_mode: 'host' }), ['services', 'api', 'network_mode']],
    ['network_mode: container:x', () => modelWith({ network_mode: 'container:other' }), ['services', 'api', 'network_mode']],
    ['pid: host', () => modelWith({ pid: 'host' }), ['services', 'api', 'pid']],
    ['ipc: host', () => modelWith({ ipc: 'host' }), ['services', 'api', 'ipc']],
    ['uts: host', () => modelWith({ uts: 'host' }), ['services', 'api', 'uts']],
    ['userns_mode: host', () => modelWith({ userns_mode: 'host' }), ['services', 'api', 'userns_mode']],
    ['cgroup: host', () => modelWith({ cgroup: 'host' }), ['services', 'api', 'cgroup']],
    ['devices', () => modelWith({ devices: [{ source: '/dev/sda', target: '/dev/sda', permissions: 'rwm' }] }), ['services', 'api', 'devices']],
    ['device_cgroup_rules', () => modelWith({ device_cgroup_rules: ['a *:* rwm'] }), ['services', 'api', 'device_cgroup_rules']],
    ['security_opt', () => modelWith({ security_opt: ['seccomp:unconfined'] }), ['services', 'api', 'security_opt']],
    ['sysctls', () => modelWith({ sysctls: { 'kernel.shmmax': '1' } }), ['services', 'api', 'sysctls']],
    ['cgroup_parent (escapes the limits)', () => modelWith({ cgroup_parent: '/' }), ['services', 'api', 'cgroup_parent']],
    ['oom_kill_disable', () => modelWith({ oom_kill_disable: true }), ['services', 'api', 'oom_kill_disable']],
    ['negative oom_score_adj', () => modelWith({ oom_score_adj: -1000 }), ['services', 'api', 'oom_score_adj']],
    ['volumes_from another container of the host', () => modelWith({ volumes_from: ['db', 'container:postgres'] }), ['services', 'api', 'volumes_from', '1']],
    ['bind mount of /', () => modelWith(bind('/')), ['services', 'api', 'volumes', '0']],
    ['bind mount of /etc', () => modelWith(bind('/etc')), ['services', 'api', 'volumes', '0']],
    ['bind mount of ../.. (resolved by Compose)', () => modelWith(bind(join(root, '..', '..'))), ['services', 'api', 'volumes', '0']],
    ['bind mount of a sibling folder', () => modelWith(bind(`${root}-other`)), ['services', 'api', 'volumes', '0']],
    ['docker.sock (long syntax)', () => modelWith(bind('/var/run/docker.sock')), ['services', 'api', 'volumes', '0']],
    ['docker.sock under /run', () => modelWith(bind('/run/docker.sock')), ['services', 'api', 'volumes', '0']],
    ['bind mount of a symlink to / inside the submission', () => modelWith(bind(join(root, 'captures', 'root'))), ['services', 'api', 'volumes', '0']],
    ['bind mount of a symlink to the Docker socket', () => modelWith(bind(join(root, 'captures', 'sock'))), ['services', 'api', 'volumes', '0']],
    ['npipe mount', () => modelWith({ volumes: [{ type: 'npipe', source: '\\\\.\\pipe\\docker_engine', target: '/p' }] }), ['services', 'api', 'volumes', '0']],
    ['external volume', () => modelWith({}, { volumes: { data: { name: 'data', external: true } } }), ['volumes', 'data', 'external']],
    ['external network', () => modelWith({}, { networks: { host: { name: 'host', external: true } } }), ['networks', 'host', 'external']],
    ['volume bound to a host folder', () => modelWith({}, { volumes: { data: { driver: 'local', driver_opts: { type: 'none', o: 'bind', device: '/etc' } } } }), ['volumes', 'data', 'driver_opts']],
    ['secret read from /etc/shadow', () => modelWith({}, { secrets: { s: { file: '/etc/shadow' } } }), ['secrets', 's', 'file']],
    ['config read through a symlink out', () => modelWith({}, { configs: { c: { file: join(root, 'captures', 'root', 'etc', 'hostname') } } }), ['configs', 'c', 'file']],
  ];

  test.each(refused)('%s', (_, model, path) => {
    const problems = hostSafetyProblems(model(), root);
    expect(problems.map((p) => p.path)).toContainEqual(path);
    for (const problem of problems) expect(describeHostRisk(problem.risk)).not.toBe('');
  });

  test('the reference stack and harmless options pass', () => {
    const model = modelWith({
      ...bind(join(root, 'captures', 'data.txt')),
      cap_drop: ['ALL'],
      network_mode: 'bridge',
      oom_score_adj: 100,
      volumes_from: ['db'],
      read_only: true,
      devices: [],
      security_opt: [],
    });
    expect(hostSafetyProblems(model, root)).toEqual([]);
    expect(hostSafetyProblems(modelWith({ volumes: [{ type: 'volume', source: 'pgdata', target: '/data' }] }), root)).toEqual([]);
    // A path that does not exist yet (Compose creates it) is judged as written.
    expect(hostSafetyProblems(modelWith(bind(join(root, 'not-yet'))), root)).toEqual([]);
  });
});

describe('hostFileProblems refuses host files Compose itself would read', () => {
  test.each([
    ['env_file absolute', { services: { api: { env_file: '/etc/environment' } } }, ['services', 'api', 'env_file']],
    ['env_file in the home folder', { services: { api: { env_file: ['.env', '~/.aws/credentials'] } } }, ['services', 'api', 'env_file', '1']],
    ['env_file long form ../', { services: { api: { env_file: [{ path: '../../secrets.env', required: false }] } } }, ['services', 'api', 'env_file', '0']],
    ['env_file through a symlink out', { services: { api: { env_file: 'captures/root/etc/hostname' } } }, ['services', 'api', 'env_file']],
    ['extends from /etc', { services: { api: { extends: { file: '/etc/compose.yml', service: 'x' } } } }, ['services', 'api', 'extends', 'file']],
    ['include of a host file', { include: ['/home/teacher/compose.yml'] }, ['include', '0']],
    ['include long form', { include: [{ path: ['ok.yml', '../x.yml'] }] }, ['include', '0', 'path', '1']],
  ])('%s', (_, raw, path) => {
    expect(hostFileProblems(raw, root).map((p) => p.path)).toContainEqual(path);
  });

  test('files inside the submission pass', () => {
    expect(hostFileProblems({ services: { api: { env_file: ['captures/data.txt', { path: './.env' }], extends: { file: 'base.yml', service: 'a' } } }, include: ['other.yml'] }, root)).toEqual([]);
    expect(hostFileProblems('not a mapping', root)).toEqual([]);
    expect(hostFileProblems(null, root)).toEqual([]);
  });
});

describe('sanitizeModel gives every service the limits', () => {
  test('memory, pids, CPU, log rotation, no restart loop, no deploy override, loopback ports', () => {
    const model = modelWith({
      ports: [{ target: 8000, published: '8000', protocol: 'tcp', mode: 'ingress' }],
      mem_limit: '64g',
      pids_limit: -1,
      cpus: 16,
      restart: 'always',
      deploy: { resources: { limits: { memory: '64g', pids: 100000 } } },
      logging: { driver: 'none' },
      container_name: 'fixed',
    });
    const safe = sanitizeModel(model, { project: 'p', labels: { run: 'r' }, image: 'img', imageContext: 'starter', submissionRoot: root });
    for (const service of Object.values(safe.services ?? {})) {
      expect(service).toMatchObject({ mem_limit: '1g', memswap_limit: '1g', pids_limit: 512, cpus: 1, restart: 'no' });
      expect(service.logging).toEqual({ driver: 'json-file', options: { 'max-size': '1m', 'max-file': '1' } });
      expect(service.deploy).toBeUndefined();
      expect(service.container_name).toBeUndefined();
      expect(service.labels).toMatchObject({ run: 'r' });
    }
    expect(safe.services?.api?.ports).toEqual([{ target: 8000, protocol: 'tcp', host_ip: '127.0.0.1', mode: 'ingress' }]);
  });
});

const engine = await probeEngine();

describe.skipIf(engine.state !== 'ready')('real folders: refused before any Compose container starts', { timeout: 240_000 }, () => {
  /** Compose containers of this process's runs, polled while grading. */
  async function composeContainers(): Promise<string[]> {
    const { stdout } = await execa('docker', ['ps', '-aq', '--filter', `label=${PID_LABEL}=${process.pid}`, '--filter', 'label=com.docker.compose.project'], { stdin: 'ignore' });
    return stdout.split('\n').filter(Boolean);
  }

  const cases: Array<[string, string, RegExp, string | undefined]> = [
    ['ipc: host + pid: host on db', reference.compose.replace('    image: postgres:17\n', '    image: postgres:17\n    ipc: host\n    pid: host\n'), /pid: host, ipc: host/, '    pid: host'],
    ['bind mount of / in long syntax', reference.compose.replace('    volumes:\n      - pgdata:/var/lib/postgresql/data\n', '    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - type: bind\n        source: /\n        target: /host\n'), /hors du dépôt/, '      - type: bind'],
    ['env_file read from /etc', reference.compose.replace('    environment:\n      DATABASE_URL', '    env_file: /etc/hostname\n    environment:\n      DATABASE_URL'), /env_file lit \/etc\/hostname/, '    env_file: /etc/hostname'],
    // The host-file check cannot read it, so it cannot vouch for it: refused, not handed to Compose.
    ['a file the host-file check cannot parse', `${reference.compose}\nx-note: "never closed\n`, /n'est pas du YAML lisible/, undefined],
  ];

  test.each(cases)('%s', async (_, compose, message, offendingLine) => {
    const sub = await makeSubmission({ 'docker-compose.yml': compose });
    const seen = new Set<string>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        for (const id of await composeContainers()) seen.add(id);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    try {
      const report = await grade(sub.dir, { only: ['stack.up', 'stack.psql', 'stack.persistence'] });
      const byId = new Map(report.criteria.map((c) => [c.id, c]));
      const up = byId.get('stack.up')!;
      expect(up.status).toBe('fail');
      expect(up.message).toMatch(/Pile non démarrée/);
      expect(up.message).toMatch(message);
      expect(up.file).toBe('docker-compose.yml');
      if (offendingLine !== undefined) expect(compose.split('\n')[up.line! - 1]).toBe(offendingLine);
      // Neither psql nor the persistence check ran: the stack never started.
      expect(byId.get('stack.psql')!.message).toMatch(/ne démarre pas/);
      expect(byId.get('stack.persistence')!.message).toMatch(/ne démarre pas/);
    } finally {
      watching = false;
      await watcher;
      await sub.cleanup();
    }
    expect([...seen]).toEqual([]);
  });
});
