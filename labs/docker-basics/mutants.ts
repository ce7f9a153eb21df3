// The mutant corpus of the lab « Les bases de Docker »: the reference solution (reference/) plus one
// small change each, with the criteria it must lose. `loses` lists every criterion of this lab's
// rubric whose verdict is not a pass (advice criteria included, though they cost 0 point); every
// other criterion is expected to pass. `staticOnly` mutants need a base image a machine without a
// registry does not have, so only their static criteria are graded there.
//
// Dynamic verdicts follow what `docker run -p 5000` really does with each image (checked on an
// engine):
// - container.health waits for `GET /health` → 200 {"status": "ok"}; a server that logs it listens
//   on 127.0.0.1 only is judged at once, one that listens on another port only at the deadline.
// - container.server lists the container's processes once its server answers HTTP, or logged that
//   it listens on the container's loopback only: the first process that is not a wrapper (`sh -c`,
//   an init) must be gunicorn. A container that never serves is not judged on its server.
// - container.graceful-stop times `docker stop` of a container whose server answers HTTP: gunicorn
//   handles SIGTERM; Python as PID 1 without a handler (Flask's development server) and /bin/sh
//   (a shell-form CMD) do not, and the engine kills them after the grace period.
import { readFileSync } from 'node:fs';
import { replaceOnce, reportEdits, type LabMutantOf } from '../../grader/src/lab/testing.ts';

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
  | 'requirements.pinned'
  | 'image.build'
  | 'image.size'
  | 'container.health'
  | 'container.server'
  | 'container.graceful-stop'
  | 'report.present'
  | 'report.ex1-2'
  | 'report.ex3-4'
  | 'report.ex5-6'
  | 'report.screenshots'
  | 'report.encoding';

/** The student-owned files this lab's mutants replace. */
export type LabPath = 'starter/app.py' | 'starter/Dockerfile' | 'starter/requirements.txt' | 'starter/.dockerignore' | 'REPORT.md';

export type LabMutant = LabMutantOf<LabCriterionId, LabPath>;
export type LabFiles = LabMutant['files'];

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The reference solution's files, as text. */
export const reference = {
  app: read('./reference/starter/app.py'),
  dockerfile: read('./reference/starter/Dockerfile'),
  report: read('./reference/REPORT.md'),
  starterApp: read('./starter/app.py'),
  starterDockerfile: read('./starter/Dockerfile'),
};

/** The reference report with answers removed or replaced (heading and prompt kept). */
export const { withoutAnswers, withAnswer } = reportEdits(reference.report);

const CMD = /^CMD \[.*\]$/m;
const dockerfile = (from: string | RegExp, to: string): LabFiles => ({ 'starter/Dockerfile': replaceOnce(reference.dockerfile, from, to) });
const app = (from: string | RegExp, to: string): LabFiles => ({ 'starter/app.py': replaceOnce(reference.app, from, to) });
const report = (text: string): LabFiles => ({ 'REPORT.md': text });

const DOCKERFILE_ALL: LabCriterionId[] = [
  'dockerfile.present',
  'dockerfile.base-image',
  'dockerfile.workdir',
  'dockerfile.layer-order',
  'dockerfile.pip-no-cache',
  'dockerfile.exec-form',
  'dockerfile.expose',
  'dockerfile.non-root',
];
const CONTAINER_ALL: LabCriterionId[] = ['container.health', 'container.server', 'container.graceful-stop'];
const DYNAMIC_ALL: LabCriterionId[] = ['image.build', 'image.size', ...CONTAINER_ALL];

const dockerfileMutants: LabMutant[] = [
  {
    name: 'Dockerfile missing',
    description: 'No starter/Dockerfile: nothing to read, nothing to build, nothing to run.',
    files: { 'starter/Dockerfile': null },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'untouched starter Dockerfile',
    description: 'The skeleton holds TODO comments only: no instruction, so no FROM, no image.',
    files: { 'starter/Dockerfile': reference.starterDockerfile },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'Flask’s development server (flask run) instead of gunicorn',
    description:
      'CMD ["flask", "run", "--host", "0.0.0.0", "--port", "5000"]: /health answers, but the process serving HTTP is Flask’s development server, and Python as PID 1 has no SIGTERM handler, so docker stop has to kill it.',
    files: dockerfile(CMD, 'CMD ["flask", "run", "--host", "0.0.0.0", "--port", "5000"]'),
    loses: ['dockerfile.exec-form', 'container.server', 'container.graceful-stop'],
  },
  {
    name: 'app.run() in app.py, started with python app.py',
    description:
      'The development server started by the script itself (app.run(host="0.0.0.0", port=5000) under __main__): the same verdicts as flask run, whatever the Dockerfile’s text says.',
    files: {
      ...dockerfile(CMD, 'CMD ["python", "app.py"]'),
      'starter/app.py': `${reference.app}\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n`,
    },
    loses: ['dockerfile.exec-form', 'container.server', 'container.graceful-stop'],
  },
  {
    name: 'flask run on the loopback (no --host)',
    description:
      'CMD ["flask", "run"]: the development server listens on 127.0.0.1:5000 only (« Running on http://127.0.0.1:5000 », without « all addresses »), judged at once; it is seen serving, so container.server names it.',
    files: dockerfile(CMD, 'CMD ["flask", "run"]'),
    loses: ['dockerfile.exec-form', ...CONTAINER_ALL],
  },
  {
    name: 'gunicorn bound to 127.0.0.1',
    description:
      '--bind 127.0.0.1:5000: gunicorn serves inside the container only; its start-up line (« Listening at: http://127.0.0.1:5000 ») tells at once. It is still gunicorn that serves (container.server passes); its stop is not judged without an answer.',
    files: dockerfile('"0.0.0.0:5000"', '"127.0.0.1:5000"'),
    loses: ['dockerfile.exec-form', 'container.health', 'container.graceful-stop'],
  },
  {
    name: 'port 8000 instead of 5000 (CMD and EXPOSE)',
    description:
      'The other lab’s port: gunicorn listens on 0.0.0.0:8000, the published port 5000 reaches nothing until the start-up deadline; no server is seen answering, so neither its processes nor its stop are judged.',
    files: { 'starter/Dockerfile': replaceOnce(replaceOnce(reference.dockerfile, '"0.0.0.0:5000"', '"0.0.0.0:8000"'), 'EXPOSE 5000', 'EXPOSE 8000') },
    loses: ['dockerfile.exec-form', 'dockerfile.expose', ...CONTAINER_ALL],
  },
  {
    name: 'code copied before pip install',
    description: 'COPY . . before the install: every change of app.py reinstalls the dependencies. The image works.',
    files: dockerfile('COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nCOPY app.py .\n', 'COPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n'),
    loses: ['dockerfile.layer-order'],
  },
  {
    name: 'pip install without --no-cache-dir',
    description: 'pip’s download cache stays in the image (a few MB here, under the size limit).',
    files: dockerfile('pip install --no-cache-dir -r', 'pip install -r'),
    loses: ['dockerfile.pip-no-cache'],
  },
  {
    name: 'shell-form CMD',
    description:
      'CMD gunicorn --bind 0.0.0.0:5000 app:app runs /bin/sh -c …: gunicorn still serves (the shell is followed to its child), but the shell is PID 1, ignores SIGTERM, and docker stop kills it.',
    files: dockerfile(CMD, 'CMD gunicorn --bind 0.0.0.0:5000 app:app'),
    loses: ['dockerfile.exec-form', 'container.graceful-stop'],
  },
  {
    name: 'no EXPOSE',
    description: 'Documentation only: everything runs, dockerfile.expose is lost.',
    files: dockerfile('EXPOSE 5000\n', ''),
    loses: ['dockerfile.expose'],
  },
  {
    name: 'no .dockerignore',
    description: 'The student did not create starter/.dockerignore.',
    files: { 'starter/.dockerignore': null },
    loses: ['dockerignore.present'],
  },
  {
    name: 'unpinned requirements',
    description: 'Flask>=3 and gunicorn without a version: advice only (the versions installed may change from one build to the next).',
    files: { 'starter/requirements.txt': 'Flask>=3\ngunicorn\n' },
    loses: ['requirements.pinned'],
  },
  {
    name: 'runs as root (no USER)',
    description: 'The bonus of the skeleton left out: advice only, 0 point.',
    files: dockerfile(/RUN useradd [^\n]*\nUSER appuser\n/, ''),
    loses: ['dockerfile.non-root'],
  },
  {
    name: 'FROM python:latest',
    description: 'A moving tag: the build is not reproducible.',
    files: dockerfile('FROM python:3.12-slim', 'FROM python:latest'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'valid: ENTRYPOINT ["gunicorn"] with the options in CMD',
    description: 'The split a real report recommends: gunicorn is still PID 1, with the same options.',
    files: dockerfile(CMD, 'ENTRYPOINT ["gunicorn"]\nCMD ["--bind", "0.0.0.0:5000", "app:app"]'),
    loses: [],
  },
  {
    name: 'valid: -b and python -m gunicorn',
    description: 'Another spelling of the same command line.',
    files: dockerfile(CMD, 'CMD ["python", "-m", "gunicorn", "-b", "0.0.0.0:5000", "app:app"]'),
    loses: [],
  },
  {
    name: 'valid: PORT in the environment, no --bind',
    description: 'gunicorn listens on 0.0.0.0:$PORT when PORT is set and no address is given.',
    files: dockerfile(CMD, 'ENV PORT=5000\nCMD ["gunicorn", "app:app"]'),
    loses: [],
  },
];

const appMutants: LabMutant[] = [
  {
    name: 'untouched starter app.py',
    description: 'No `app` in app.py: gunicorn cannot load the application and exits; nothing ever answers.',
    files: { 'starter/app.py': reference.starterApp },
    loses: [...CONTAINER_ALL],
  },
  {
    name: 'crash at import (typo in an import)',
    description: 'from flask import Flaks: ImportError when gunicorn loads app.py, the worker fails to boot and gunicorn exits.',
    files: app('from flask import Flask\n', 'from flask import Flaks\n'),
    loses: [...CONTAINER_ALL],
  },
  {
    name: '/health answers another body',
    description: '{"status": "up"}: a running gunicorn that answers wrongly; its server and its stop are still judged, and pass.',
    files: app('return {"status": "ok"}', 'return {"status": "up"}'),
    loses: ['container.health'],
  },
];

const reportMutants: LabMutant[] = [
  {
    name: 'untouched report template',
    description: 'REPORT.md as the template ships it: every question unanswered, no capture question has evidence.',
    files: report(read('./REPORT.md')),
    loses: ['report.ex1-2', 'report.ex3-4', 'report.ex5-6', 'report.screenshots'],
  },
  {
    name: 'the mini-quiz unanswered',
    description: 'Exercice 6 left as the placeholders: report.ex5-6 keeps the share of exercise 5 only.',
    files: report(withoutAnswers(['6.a', '6.b', '6.c', '6.d', '6.e'])),
    loses: ['report.ex5-6'],
  },
  {
    name: 'a linked capture that is not in the repository',
    description: 'The image link resolves to nothing under captures/.',
    files: report(withAnswer('3.a', 'Le conteneur tourne et répond :\n\n![docker run](captures/docker-run.png)')),
    loses: ['report.screenshots'],
  },
  {
    name: 'mojibake in the report',
    description: 'UTF-8 read as Latin-1 once (« Ã© » for « é »): advice only.',
    files: report(replaceOnce(reference.report, 'identique sur toutes les machines', 'identique sur toutes les machines, mÃªme aprÃ¨s un rebuild')),
    loses: ['report.encoding'],
  },
  {
    name: 'valid: headings written "### Question 2-c"',
    description: 'Headings name their question leniently.',
    files: report(reference.report.replace(/^### (\d)\.([a-e]) /gm, '### Question $1-$2 ')),
    loses: [],
  },
];

export const MUTANTS: LabMutant[] = [
  { name: 'reference solution', description: 'Every criterion passes.', files: {}, loses: [] },
  ...dockerfileMutants,
  ...appMutants,
  ...reportMutants,
];
