// The mutant corpus of the lab « Conteneurisation avec Docker »: the reference solution
// (reference/) plus one small change each (a trap seen in real submissions, a valid variant, a
// broken file), with the criteria it must lose. `loses` lists every criterion of this lab's rubric
// whose verdict is not a pass (advice criteria included, though they cost 0 point); every other
// criterion is expected to pass. `staticOnly` mutants need a base image a machine without a
// registry does not have, so only their static criteria are graded there.
//
// Dynamic verdicts follow what the engine really does with each submission:
// - an app that never answers HTTP (a crash, the loopback address) fails container.health and
//   stack.up, and its stop cannot be judged either (container.graceful-stop); the database still works;
// - an app that answers, but not as asked, is a live server whose stop is judged on its own.
import { QUESTIONS } from './questions.ts';
import { reference, template } from './testing.ts';
import { replaceOnce, type LabMutantOf } from '../../grader/src/lab/testing.ts';
import { CORRECT_ANSWERS, FILLER_ANSWERS, templateWith, toWindows1252, withAnswer } from '../../grader/src/checks/report/testing.ts';

/** The criteria of this lab's rubric (rubric.yml). */
export type LabCriterionId =
  | 'dockerfile.present'
  | 'dockerfile.base-image'
  | 'dockerfile.workdir'
  | 'dockerfile.layer-order'
  | 'dockerfile.pip-no-cache'
  | 'dockerfile.exec-form'
  | 'dockerfile.expose'
  | 'dockerignore.present'
  | 'dockerfile.non-root'
  | 'dockerfile.healthcheck'
  | 'requirements.pinned'
  | 'image.build'
  | 'image.size'
  | 'container.health'
  | 'container.graceful-stop'
  | 'compose.valid'
  | 'compose.api'
  | 'compose.db'
  | 'compose.db-volume'
  | 'compose.healthcheck'
  | 'compose.no-version-key'
  | 'stack.up'
  | 'stack.psql'
  | 'stack.persistence'
  | 'report.present'
  | 'report.ex1-2'
  | 'report.ex3-4'
  | 'report.ex5-6'
  | 'report.ex7'
  | 'report.ex8'
  | 'report.screenshots'
  | 'report.encoding';

/** The student-owned files this lab's mutants replace. */
export type LabPath =
  | 'starter/Dockerfile'
  | 'starter/app.py'
  | 'starter/requirements.txt'
  | 'starter/.dockerignore'
  | 'starter/db.env'
  | 'starter/initdb/10-slow.sql'
  | 'docker-compose.yml'
  | 'REPORT.md'
  | 'captures/hello-world.png';

export type LabMutant = LabMutantOf<LabCriterionId, LabPath>;
export type LabFiles = LabMutant['files'];

/** Every criterion read from starter/Dockerfile. */
const DOCKERFILE_ALL: LabCriterionId[] = [
  'dockerfile.present',
  'dockerfile.base-image',
  'dockerfile.workdir',
  'dockerfile.layer-order',
  'dockerfile.pip-no-cache',
  'dockerfile.exec-form',
  'dockerfile.expose',
  'dockerfile.non-root',
  'dockerfile.healthcheck',
];
/** Every criterion read from docker-compose.yml alone. */
const COMPOSE_ALL: LabCriterionId[] = ['compose.valid', 'compose.api', 'compose.db', 'compose.db-volume', 'compose.healthcheck', 'compose.no-version-key'];
const STACK_ALL: LabCriterionId[] = ['stack.up', 'stack.psql', 'stack.persistence'];
/** Every criterion graded on the engine. */
const DYNAMIC_ALL: LabCriterionId[] = ['image.build', 'image.size', 'container.health', 'container.graceful-stop', ...STACK_ALL];
/** The report's answer criteria, one per group of exercises. */
const REPORT_GROUPS: LabCriterionId[] = ['report.ex1-2', 'report.ex3-4', 'report.ex5-6', 'report.ex7', 'report.ex8'];
/** The app never answers HTTP (crash, wrong address): its stop cannot be judged either; the database still works. */
const APP_BROKEN: LabCriterionId[] = ['container.health', 'container.graceful-stop', 'stack.up'];
/** The app answers, but not as asked: a live server, whose stop is judged on its own (spec §5). */
const APP_ANSWERS_WRONG: LabCriterionId[] = ['container.health', 'stack.up'];

const dockerfile = (from: string | RegExp, to: string): LabFiles => ({ 'starter/Dockerfile': replaceOnce(reference.dockerfile, from, to) });
const compose = (from: string | RegExp, to: string): LabFiles => ({ 'docker-compose.yml': replaceOnce(reference.compose, from, to) });
const app = (from: string | RegExp, to: string): LabFiles => ({ 'starter/app.py': replaceOnce(reference.app, from, to) });
const report = (text: string): LabFiles => ({ 'REPORT.md': text });

/** Rewrites every question heading `### 2.a — …` of the reference with `format(exercise, letter)`. */
function headings(format: (exercise: string, letter: string) => string): string {
  return reference.report.replace(/^### (\d)\.([a-e]) /gm, (_, exercise: string, letter: string) => `### ${format(exercise, letter)} `);
}

/** The template with each placeholder replaced by the question's own prompt, copied back. */
function questionsCopiedBack(): string {
  let text = template.report;
  for (const question of QUESTIONS) {
    if (question.type === 'code') continue;
    const heading = new RegExp(`(### ${question.id.replace('.', '\\.')} [^\\n]*\\n(?:[^#\\n][^\\n]*\\n|\\n)*?)_Votre réponse ici\\._`);
    text = text.replace(heading, (_, before: string) => `${before}${question.prompt.replace(/`/g, '')}`);
  }
  return text;
}

const ENGLISH_8A = 'A notebook is a poor way to deploy a model: cells can run in any order, so hidden state makes results hard to reproduce, and the environment (Python version, library versions, system packages) lives only on my laptop. A container image pins the whole environment, starts the same way on every machine, and can be built and tested automatically in CI, which a notebook cannot.';
const ENGLISH_8B = 'With several services, Docker Compose describes the API, the database, their network, volumes and start-up order in one versioned file. During the lab, one command started both containers, the API waited for the healthy database thanks to the healthcheck, and `down -v` removed everything cleanly; doing that by hand with several docker run commands is error-prone.';

/** The reference report with every explanation replaced by the report suite's English answer (its third). */
function englishExplanations(): string {
  let text = reference.report;
  for (const question of QUESTIONS) if (question.type === 'explication') text = withAnswer(question.id, CORRECT_ANSWERS[question.id]![2]!, text);
  return text;
}

/** The template with a distinct grammatical, content-free sentence under every question: no image, no output. */
function contentFree(): string {
  const answers: Record<string, string> = {};
  QUESTIONS.filter((q) => q.type !== 'code').forEach((q, i) => {
    answers[q.id] = `${FILLER_ANSWERS[i % FILLER_ANSWERS.length]!}${i >= FILLER_ANSWERS.length ? ' Je le referais volontiers.' : ''}`;
  });
  return templateWith(answers);
}

/** The reference's answer to `id`, as written (prompt left out). */
function referenceAnswer(id: string): string {
  const section = reference.report.slice(reference.report.indexOf(`### ${id} `));
  return section.slice(0, section.indexOf('\n### ', 5)).split('\n').slice(3).join('\n').trim();
}

const dockerfileMutants: LabMutant[] = [
  {
    name: 'Dockerfile missing',
    description: 'No starter/Dockerfile: nothing to read, nothing to build, no container, no stack.',
    files: { 'starter/Dockerfile': null },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'untouched starter Dockerfile',
    description: 'The skeleton holds TODO comments only: no instruction, so no FROM, no image, no stack.',
    files: { 'starter/Dockerfile': template.dockerfile },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'FROM python:latest',
    description: 'A floating tag: the base image names no explicit version.',
    files: dockerfile('FROM python:3.13-slim', 'FROM python:latest'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'FROM python:3.13 (full image)',
    description: 'The full Debian image instead of a slim or alpine variant.',
    files: dockerfile('FROM python:3.13-slim', 'FROM python:3.13'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'valid: FROM python:3.13-alpine',
    description: 'An alpine variant with an explicit version is a valid small base image.',
    files: dockerfile('FROM python:3.13-slim', 'FROM python:3.13-alpine'),
    loses: [],
    staticOnly: true,
  },
  {
    name: 'valid: ARG-expanded FROM python:${PY}-slim',
    description: 'The base image named through a build argument with a default value is read as python:3.13-slim.',
    files: dockerfile('FROM python:3.13-slim', 'ARG PY=3.13\nFROM python:${PY}-slim'),
    loses: [],
  },
  {
    name: 'valid: multi-stage, final stage FROM an earlier one',
    description: 'The final stage starts FROM an earlier stage whose base is python:3.13-slim: the base image is followed through the stages.',
    files: dockerfile('FROM python:3.13-slim', 'FROM python:3.13-slim AS base\nRUN true\nFROM base'),
    loses: [],
  },
  // A missing instruction costs its own criterion only; dockerfile.present asks for FROM and CMD (spec §5).
  {
    name: 'no WORKDIR',
    description: 'No WORKDIR: the files land in /, which costs dockerfile.workdir only (the image still builds and runs).',
    files: dockerfile('WORKDIR /app\n', ''),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'WORKDIR is relative',
    description: 'WORKDIR app instead of an absolute path.',
    files: dockerfile('WORKDIR /app', 'WORKDIR app'),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'WORKDIR only in a comment',
    description: 'The WORKDIR line commented out: a comment is not an instruction.',
    files: dockerfile('WORKDIR /app\n', '# WORKDIR /app\n'),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'code copied before the install (COPY . .)',
    description: 'COPY . . before pip install: every code change invalidates the dependency layer.',
    files: dockerfile('COPY requirements.txt .\n', 'COPY . .\n'),
    loses: ['dockerfile.layer-order'],
  },
  {
    name: 'pip install without --no-cache-dir',
    description: 'pip keeps its download cache in the image.',
    files: dockerfile('pip install --no-cache-dir -r', 'pip install -r'),
    loses: ['dockerfile.pip-no-cache'],
  },
  {
    name: 'valid: PIP_NO_CACHE_DIR in ENV',
    description: 'ENV PIP_NO_CACHE_DIR=1 turns the cache off as --no-cache-dir does.',
    files: dockerfile('RUN pip install --no-cache-dir -r requirements.txt', 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt'),
    loses: [],
  },
  {
    name: 'valid: pip install split over continuation lines',
    description: 'The pip install command written over backslash-continued lines is read as one instruction.',
    files: dockerfile('RUN pip install --no-cache-dir -r requirements.txt', 'RUN pip install \\\n    --no-cache-dir \\\n    -r requirements.txt'),
    loses: [],
  },
  {
    name: 'valid: ENTRYPOINT + CMD split',
    description: 'ENTRYPOINT ["uvicorn"] with the arguments in an exec-form CMD starts the same server.',
    files: dockerfile(/^CMD \[.*\]$/m, 'ENTRYPOINT ["uvicorn"]\nCMD ["app:app", "--host", "0.0.0.0", "--port", "8000"]'),
    loses: [],
  },
  {
    name: 'valid: --host=0.0.0.0 --port=8000',
    description: 'uvicorn’s options written with an equals sign are read as the separate form.',
    files: dockerfile(/^CMD \[.*\]$/m, 'CMD ["uvicorn", "app:app", "--host=0.0.0.0", "--port=8000"]'),
    loses: [],
  },
  {
    name: 'valid: python -m uvicorn',
    description: 'uvicorn started as a Python module is the same server.',
    files: dockerfile(/^CMD \[.*\]$/m, 'CMD ["python", "-m", "uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'),
    loses: [],
  },
  {
    name: 'no EXPOSE',
    description: 'No EXPOSE 8000: the image does not document its port (it still answers when published).',
    files: dockerfile('EXPOSE 8000\n', ''),
    loses: ['dockerfile.expose'],
  },
  {
    name: 'runs as root (no USER)',
    description: 'No USER: the app runs as root, which costs the advice criterion only.',
    files: dockerfile('USER appuser\n', ''),
    loses: ['dockerfile.non-root'],
  },
  {
    name: 'no HEALTHCHECK',
    description: 'No HEALTHCHECK in the image, which costs the advice criterion only.',
    files: dockerfile(/HEALTHCHECK [^\n]*\\\n[^\n]*\n/, ''),
    loses: ['dockerfile.healthcheck'],
  },
  {
    name: 'no .dockerignore',
    description: 'No starter/.dockerignore: caches, virtualenvs and .git would enter the build context.',
    files: { 'starter/.dockerignore': null },
    loses: ['dockerignore.present'],
  },
  {
    name: '.dockerignore with comments only',
    description: 'Every pattern of .dockerignore commented out: the file excludes nothing.',
    files: { 'starter/.dockerignore': reference.dockerignore.replace(/^(?!#)(.+)$/gm, '# $1') },
    loses: ['dockerignore.present'],
  },
  {
    name: 'requirements not pinned',
    description: 'fastapi without a version in requirements.txt, which costs the advice criterion only.',
    files: { 'starter/requirements.txt': reference.requirements.replace('fastapi==0.115.11', 'fastapi') },
    loses: ['requirements.pinned'],
  },
];

const composeMutants: LabMutant[] = [
  {
    name: 'docker-compose.yml is not valid YAML',
    description: 'An unclosed flow sequence: no compose criterion can be read and the stack cannot start.',
    files: { 'docker-compose.yml': `${reference.compose}\n  bad: [unclosed\n` },
    loses: [...COMPOSE_ALL, ...STACK_ALL],
  },
  {
    name: 'docker-compose.yml missing',
    description: 'No Compose file: no compose criterion, no stack.',
    files: { 'docker-compose.yml': null },
    loses: [...COMPOSE_ALL, ...STACK_ALL],
  },
  {
    name: 'depends_on as a list (no healthy wait)',
    description: 'depends_on as a plain list: the api does not wait for the database to be healthy.',
    files: compose(/depends_on:\n\s+db:\n\s+condition: service_healthy/, 'depends_on:\n      - db'),
    loses: ['compose.healthcheck'],
  },
  {
    name: 'obsolete version key',
    description: 'A top-level version: key, obsolete in Compose v2, which costs the advice criterion only.',
    files: { 'docker-compose.yml': `version: "3.8"\n${reference.compose}` },
    loses: ['compose.no-version-key'],
  },
  {
    name: 'valid: long-form ports',
    description: 'The api’s port in the long syntax (target, published, protocol) is the same mapping.',
    files: compose(/ports:\n\s+- "8000:8000"/, 'ports:\n      - target: 8000\n        published: 8000\n        protocol: tcp'),
    loses: [],
  },
  {
    name: 'valid: environment as a list',
    description: 'The database credentials as a list of NAME=value entries are read as the mapping form.',
    files: compose(/POSTGRES_USER: demo\n\s+POSTGRES_PASSWORD: demo\n\s+POSTGRES_DB: demo/, '- POSTGRES_USER=demo\n      - POSTGRES_PASSWORD=demo\n      - POSTGRES_DB=demo'),
    loses: [],
  },
  {
    name: 'valid: credentials from an env_file in starter/',
    description: 'The database credentials read from an env_file inside the repository are the same credentials.',
    files: {
      ...compose(/environment:\n\s+POSTGRES_USER: demo\n\s+POSTGRES_PASSWORD: demo\n\s+POSTGRES_DB: demo/, 'env_file: ./starter/db.env'),
      'starter/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=demo\nPOSTGRES_DB=demo\n',
    },
    loses: [],
  },
  {
    name: 'api builds from the wrong folder',
    description: 'build: . instead of ./starter: the api is built from a folder without the Dockerfile, so the stack never starts.',
    files: compose('build: ./starter', 'build: .'),
    loses: ['compose.api', ...STACK_ALL],
  },
  {
    name: 'demo only in a comment, user admin',
    description: 'POSTGRES_USER: admin with « demo » in a comment: the comment is not read, and psql -U demo is refused.',
    files: compose('POSTGRES_USER: demo', 'POSTGRES_USER: admin # demo'),
    loses: ['compose.db', 'stack.psql', 'stack.persistence'],
  },
  {
    name: 'database data on a bind mount',
    description: 'The database data on a bind mount of the repository instead of a named volume.',
    files: compose('- pgdata:/var/lib/postgresql/data', '- ./starter/pgdata:/var/lib/postgresql/data'),
    loses: ['compose.db-volume'],
  },
  {
    name: 'privileged db is refused before anything starts',
    description: 'privileged: true on db: the grader refuses to start such a stack, so every stack criterion fails.',
    files: compose('    image: postgres:17\n', '    image: postgres:17\n    privileged: true\n'),
    loses: STACK_ALL,
  },
  {
    name: 'Docker socket mounted in api is refused',
    description: 'The host’s Docker socket mounted in api: the grader refuses to start such a stack, so every stack criterion fails.',
    files: compose('    build: ./starter\n', '    build: ./starter\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n'),
    loses: STACK_ALL,
  },
];

const reportMutants: LabMutant[] = [
  {
    name: 'every explanation answered in English',
    description: 'Correct explanations written in English are answers and on topic.',
    files: report(englishExplanations()),
    loses: [],
  },
  {
    name: 'content-free report (grammatical filler everywhere)',
    description: 'A distinct grammatical sentence that says nothing under every question, and no screenshot: no group is answered.',
    files: report(contentFree()),
    loses: [...REPORT_GROUPS, 'report.screenshots'],
  },
  {
    name: 'the 2.a answer pasted under 2.b and 2.c',
    description: 'One answer pasted under two other questions of exercises 1–2: those are not answered.',
    files: report(withAnswer('2.c', referenceAnswer('2.a'), withAnswer('2.b', referenceAnswer('2.a'), reference.report))),
    loses: ['report.ex1-2'],
  },
  {
    name: 'an off-topic explanation (generic sentence under 4.a)',
    description: 'A generic sentence about running a command under 4.a is off topic.',
    files: report(withAnswer('4.a', "J'ai lancé la commande dans mon terminal et tout a fonctionné correctement du premier coup, sans aucune erreur.", reference.report)),
    loses: ['report.ex3-4'],
  },
  {
    name: 'headings written "### Question 2-a"',
    description: 'Question headings rewritten as « Question 2-a » are still recognised.',
    files: report(headings((e, l) => `Question ${e}-${l}`)),
    loses: [],
  },
  {
    name: 'headings written "### Q2.a"',
    description: 'Question headings rewritten as « Q2.a » are still recognised.',
    files: report(headings((e, l) => `Q${e}.${l}`)),
    loses: [],
  },
  {
    name: 'exercise 8 answered in English',
    description: 'The two reflection answers of exercise 8 written in English are answers and on topic.',
    files: report(
      reference.report.replace(/(### 8\.a[^\n]*\n\n>[^\n]*\n\n)[\s\S]*?(\n### 8\.b)/, `$1${ENGLISH_8A}\n$2`).replace(/(### 8\.b[^\n]*\n\n>[^\n]*\n\n)[\s\S]*?(\n\[psql\])/, `$1${ENGLISH_8B}\n$2`),
    ),
    loses: [],
  },
  {
    name: 'report left as the template (placeholders)',
    description: 'The untouched template: placeholders under every question and no screenshot.',
    files: report(template.report),
    loses: [...REPORT_GROUPS, 'report.screenshots'],
  },
  {
    name: 'answers copy the questions back',
    description: 'Each question’s prompt pasted as its answer: an echo of the question is not an answer.',
    files: report(questionsCopiedBack()),
    loses: [...REPORT_GROUPS, 'report.screenshots'],
  },
  {
    name: 'REPORT.md missing',
    description: 'No REPORT.md: every report criterion fails.',
    files: { 'REPORT.md': null },
    loses: ['report.present', ...REPORT_GROUPS, 'report.screenshots', 'report.encoding'],
  },
  {
    name: 'a linked screenshot is missing',
    description: 'A screenshot the report links to is deleted.',
    files: { 'captures/hello-world.png': null },
    loses: ['report.screenshots'],
  },
  {
    name: 'a screenshot is a symlink out of the repository',
    description: 'A linked screenshot replaced by a symbolic link to /etc/hostname: a link out of the repository is no screenshot.',
    files: { 'captures/hello-world.png': { symlink: '/etc/hostname' } },
    loses: ['report.screenshots'],
  },
  {
    name: 'a link leaves the repository with ../',
    description: 'An image link that climbs out of the repository with ../ is refused.',
    files: report(replaceOnce(reference.report, '(captures/hello-world.png)', '(../captures/hello-world.png)')),
    loses: ['report.screenshots'],
  },
  {
    name: 'report saved in Windows-1252',
    description: 'The report saved as « ANSI » by a French Windows editor: not UTF-8, so it is not read.',
    files: { 'REPORT.md': toWindows1252(reference.report) },
    loses: ['report.present', 'report.encoding'],
  },
  {
    name: 'report saved in UTF-16',
    description: 'The report saved in UTF-16 with its byte order mark: not UTF-8, so it is not read.',
    files: { 'REPORT.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(reference.report, 'utf16le')]) },
    loses: ['report.present', 'report.encoding'],
  },
  {
    name: 'mojibake in the report',
    description: 'UTF-8 read as Latin-1 once (« diffÃ©rence »): the encoding advice flags it, the answers still count.',
    files: report(reference.report.replace('différence entre une image', 'diffÃ©rence entre une image')),
    loses: ['report.encoding'],
  },
  {
    name: 'report with a UTF-8 BOM',
    description: 'A UTF-8 byte order mark at the start of the report is accepted.',
    files: { 'REPORT.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(reference.report)]) },
    loses: [],
  },
];

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

/** Mutants whose verdicts come from the engine: builds, containers and stacks that behave differently. */
const dynamicMutants: LabMutant[] = [
  {
    name: 'pip installs a package that does not exist',
    description: 'The build fails at pip install: no image, so every criterion graded on the engine fails.',
    files: { 'starter/requirements.txt': `${reference.requirements}paquet-qui-n-existe-pas==9.9.9\n` },
    loses: DYNAMIC_ALL,
  },
  {
    name: 'exercise 7.d bug left in: the app crashes at import',
    description: 'app.py names its application appi: uvicorn cannot import app:app, so the app never answers; the database still works.',
    files: app('app = FastAPI(', 'appi = FastAPI('),
    loses: APP_BROKEN,
  },
  {
    name: '/health answers 500',
    description: '/health raises an exception: the server answers 500, a live server whose stop is judged on its own.',
    files: app('return {"status": "ok"}', 'raise RuntimeError("boom")'),
    loses: APP_ANSWERS_WRONG,
  },
  {
    name: '/health answers another body',
    description: '/health answers {"status": "up"}: not the body asked for, from a live server whose stop is judged on its own.',
    files: app('return {"status": "ok"}', 'return {"status": "up"}'),
    loses: APP_ANSWERS_WRONG,
  },
  {
    name: 'uvicorn bound to 127.0.0.1',
    description: 'uvicorn listens on the loopback inside the container: nothing answers from outside, its stop cannot be judged.',
    files: dockerfile('"--host", "0.0.0.0"', '"--host", "127.0.0.1"'),
    loses: ['dockerfile.exec-form', ...APP_BROKEN],
  },
  {
    name: 'shell-form CMD',
    description: 'CMD in shell form: /bin/sh is PID 1 and does not pass SIGTERM on, so docker stop has to kill the container.',
    files: dockerfile(/^CMD \[.*\]$/m, 'CMD uvicorn app:app --host 0.0.0.0 --port 8000'),
    loses: ['dockerfile.exec-form', 'container.graceful-stop'],
  },
  {
    name: 'wrong database user',
    description: 'POSTGRES_USER: admin (its healthcheck adjusted): the stack starts, but psql -U demo is refused.',
    files: { 'docker-compose.yml': replaceOnce(replaceOnce(reference.compose, 'POSTGRES_USER: demo', 'POSTGRES_USER: admin'), 'pg_isready -U demo -d demo', 'pg_isready -U admin -d demo') },
    loses: ['compose.db', 'stack.psql', 'stack.persistence'],
  },
  {
    name: 'no named volume',
    description: 'The database keeps its data in the container: the data do not survive down then up.',
    files: {
      'docker-compose.yml': replaceOnce(replaceOnce(reference.compose, /\n    volumes:\n      - pgdata:\/var\/lib\/postgresql\/data/, ''), /\nvolumes:\n  pgdata: \{\}\n?/, '\n'),
    },
    loses: ['compose.db-volume', 'stack.persistence'],
  },
  {
    name: 'no healthcheck, init script keeps the temporary server up 3 s',
    description: 'No healthcheck and an init script that keeps PostgreSQL’s temporary server up 3 s: the grader waits for the final server, so only the missing healthcheck costs.',
    files: { 'docker-compose.yml': slowInitCompose, 'starter/initdb/10-slow.sql': 'SELECT pg_sleep(3);\n' },
    loses: ['compose.healthcheck'],
  },
  {
    name: 'a 130 MB blob added to the image',
    description: 'A layer of 130 MB of random bytes: the layers added over the base image exceed the 100 MB limit.',
    files: dockerfile('COPY app.py .', 'COPY app.py .\nRUN head -c 130000000 /dev/urandom > /opt/blob.bin'),
    loses: ['image.size'],
  },
];

export const MUTANTS: LabMutant[] = [
  { name: 'reference solution', description: 'Every criterion passes.', files: {}, loses: [] },
  ...dockerfileMutants,
  ...composeMutants,
  ...reportMutants,
  ...dynamicMutants,
];
