
import type { CriterionId } from '../../grader/src/model/criteria.ts';
import type { Status } from '../../grader/src/model/result.ts';
import type { Overlay } from '../support/submission.ts';
import { DYNAMIC_IDS } from '../support/root-lab.ts';
import { reference, replaceOnce } from './sources.ts';

export interface DynamicMutant {
  name: string;
  overlay: Overlay;
  /** Expected verdict of each dynamic criterion of the catalogue. */
  expect: Partial<Record<CriterionId, Status>>;
}

/** Every dynamic criterion of the catalogue with the same verdict. */
const every = (status: Status) => Object.fromEntries(DYNAMIC_IDS.map((id) => [id, status])) as Partial<Record<CriterionId, Status>>;
const allPass = every('pass');

/** The app never answers HTTP (crash, wrong address): its stop cannot be judged either; the database still works. */
const appBroken = { ...allPass, 'container.health': 'fail', 'container.graceful-stop': 'fail', 'stack.up': 'fail' } as const;
/** The app answers, but not as asked: a live server, whose stop is judged on its own (spec §5). */
const appAnswersWrong = { ...allPass, 'container.health': 'fail', 'stack.up': 'fail' } as const;

/**
 * A stack as many students write it: no healthcheck, `depends_on` as a list, and an init script
 * mounted from the submission that keeps the official image's temporary, socket-only server up for
 * a few seconds, so every grading run meets the start-up window. The delay is the submission's; the
 * grader still only waits on conditions.
 */
const slowInitCompose = replaceOnce(
  replaceOnce(
    replaceOnce(reference.compose, /\n    healthcheck:\n(      .*\n)+/, '\n'),
    /depends_on:\n\s+db:\n\s+condition: service_healthy/,
    'depends_on:\n      - db',
  ),
  '      - pgdata:/var/lib/postgresql/data\n',
  '      - pgdata:/var/lib/postgresql/data\n      - ./starter/initdb:/docker-entrypoint-initdb.d:ro\n',
);

export const DYNAMIC_MUTANTS: DynamicMutant[] = [
  { name: 'reference', overlay: {}, expect: allPass },
  {
    name: 'pip installs a package that does not exist',
    overlay: { 'starter/requirements.txt': `${reference.requirements}paquet-qui-n-existe-pas==9.9.9\n` },
    expect: every('fail'),
  },
  {
    name: 'exercise 7.d bug left in: the app crashes at import',
    overlay: { 'starter/app.py': replaceOnce(reference.app, 'app = FastAPI(', 'appi = FastAPI(') },
    expect: appBroken,
  },
  {
    name: '/health answers 500',
    overlay: { 'starter/app.py': replaceOnce(reference.app, 'return {"status": "ok"}', 'raise RuntimeError("boom")') },
    expect: appAnswersWrong,
  },
  {
    name: '/health answers another body',
    overlay: { 'starter/app.py': replaceOnce(reference.app, 'return {"status": "ok"}', 'return {"status": "up"}') },
    expect: appAnswersWrong,
  },
  {
    name: 'uvicorn bound to 127.0.0.1',
    overlay: { 'starter/Dockerfile': replaceOnce(reference.dockerfile, '"--host", "0.0.0.0"', '"--host", "127.0.0.1"') },
    expect: appBroken,
  },
  {
    name: 'shell-form CMD',
    overlay: { 'starter/Dockerfile': replaceOnce(reference.dockerfile, /^CMD \[.*\]$/m, 'CMD uvicorn app:app --host 0.0.0.0 --port 8000') },
    expect: { ...allPass, 'container.graceful-stop': 'fail' },
  },
  {
    name: 'wrong database user',
    overlay: { 'docker-compose.yml': replaceOnce(replaceOnce(reference.compose, 'POSTGRES_USER: demo', 'POSTGRES_USER: admin'), 'pg_isready -U demo -d demo', 'pg_isready -U admin -d demo') },
    expect: { ...allPass, 'stack.psql': 'fail', 'stack.persistence': 'fail' },
  },
  {
    name: 'no named volume',
    overlay: {
      'docker-compose.yml': replaceOnce(replaceOnce(reference.compose, /\n    volumes:\n      - pgdata:\/var\/lib\/postgresql\/data/, ''), /\nvolumes:\n  pgdata: \{\}\n?/, '\n'),
    },
    expect: { ...allPass, 'stack.persistence': 'fail' },
  },
  {
    name: 'no healthcheck, init script keeps the temporary server up 3 s',
    overlay: { 'docker-compose.yml': slowInitCompose, 'starter/initdb/10-slow.sql': 'SELECT pg_sleep(3);\n' },
    expect: allPass,
  },
  {
    name: 'a 130 MB blob added to the image',
    overlay: { 'starter/Dockerfile': replaceOnce(reference.dockerfile, 'COPY app.py .', 'COPY app.py .\nRUN head -c 130000000 /dev/urandom > /opt/blob.bin') },
    expect: { ...allPass, 'image.size': 'fail' },
  },
];

