import { CRITERION_IDS, DYNAMIC_IDS } from '../support/root-lab.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type CriterionId } from '../../grader/src/model/criteria.ts';
import type { Status } from '../../grader/src/model/result.ts';
import { QUESTIONS } from '../../labs/csc8613-tp1/questions.ts';
import { TEMPLATE_DIR, type Overlay } from '../support/submission.ts';
import { DYNAMIC_MUTANTS } from './dynamic-mutants.ts';
import { encodeWindows1252, reference, referenceDockerignore, referenceReport, replaceOnce } from './sources.ts';
import { CORRECT_ANSWERS, FILLER_ANSWERS } from '../../grader/src/checks/report/testing.ts';
import { templateWith, withAnswer } from '../../grader/src/checks/report/testing.ts';

/**
 * The mutant corpus: the reference solution plus one small change each, with the verdict expected
 * for every criterion. `differs` lists the criteria whose verdict is not a pass; every other
 * criterion of the catalogue is expected to pass. `staticOnly` mutants need a base image this
 * machine does not have, so only their static criteria are graded.
 */
export interface Mutant {
  name: string;
  overlay: Overlay;
  differs: Partial<Record<CriterionId, Status>>;
  staticOnly?: boolean;
}

// Criterion lists, from the catalogue (the registry generated from the rubric).
const DYNAMIC: CriterionId[] = DYNAMIC_IDS;
const allFail = (ids: CriterionId[]) => Object.fromEntries(ids.map((id) => [id, 'fail'])) as Partial<Record<CriterionId, Status>>;
const idsOf = (pattern: RegExp) => CRITERION_IDS.filter((id) => pattern.test(id));
/** The report's answer criteria, one per group of exercises. */
const REPORT_GROUPS: CriterionId[] = idsOf(/^report\.ex/);
/** Every criterion read from starter/Dockerfile. */
const DOCKERFILE_ALL: CriterionId[] = idsOf(/^dockerfile\./);
/** Every criterion read from docker-compose.yml alone. */
const COMPOSE_ALL: CriterionId[] = idsOf(/^compose\./);

const templateReport = readFileSync(join(TEMPLATE_DIR, 'REPORT.md'), 'utf8');
const dockerfile = (from: string | RegExp, to: string) => ({ 'starter/Dockerfile': replaceOnce(reference.dockerfile, from, to) });
const compose = (from: string | RegExp, to: string) => ({ 'docker-compose.yml': replaceOnce(reference.compose, from, to) });
const report = (text: string) => ({ 'REPORT.md': text });

/** Rewrites every question heading `### 2.a — …` of the reference with `format(exercise, letter)`. */
function headings(format: (exercise: string, letter: string) => string): string {
  return referenceReport.replace(/^### (\d)\.([a-e]) /gm, (_, exercise: string, letter: string) => `### ${format(exercise, letter)} `);
}

/** The template with each placeholder replaced by the question's own prompt, copied back. */
function questionsCopiedBack(): string {
  let text = templateReport;
  for (const question of QUESTIONS) {
    if (question.type === 'code') continue;
    const heading = new RegExp(`(### ${question.id.replace('.', '\\.')} [^\\n]*\\n(?:[^#\\n][^\\n]*\\n|\\n)*?)_Votre réponse ici\\._`);
    text = text.replace(heading, (_, before: string) => `${before}${question.prompt.replace(/`/g, '')}`);
  }
  return text;
}

const ENGLISH_8A = 'A notebook is a poor way to deploy a model: cells can run in any order, so hidden state makes results hard to reproduce, and the environment (Python version, library versions, system packages) lives only on my laptop. A container image pins the whole environment, starts the same way on every machine, and can be built and tested automatically in CI, which a notebook cannot.';
const ENGLISH_8B = 'With several services, Docker Compose describes the API, the database, their network, volumes and start-up order in one versioned file. During the lab, one command started both containers, the API waited for the healthy database thanks to the healthcheck, and `down -v` removed everything cleanly; doing that by hand with several docker run commands is error-prone.';

/** The reference report with every explanation replaced by the corpus's English answer (its third). */
function englishExplanations(): string {
  let text = referenceReport;
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
  const section = referenceReport.slice(referenceReport.indexOf(`### ${id} `));
  return section.slice(0, section.indexOf('\n### ', 5)).split('\n').slice(3).join('\n').trim();
}

const reportMutants: Mutant[] = [
  { name: 'every explanation answered in English', overlay: report(englishExplanations()), differs: {} },
  { name: 'content-free report (grammatical filler everywhere)', overlay: report(contentFree()), differs: { ...allFail(REPORT_GROUPS), 'report.screenshots': 'fail' } },
  { name: 'the 2.a answer pasted under 2.b and 2.c', overlay: report(withAnswer('2.c', referenceAnswer('2.a'), withAnswer('2.b', referenceAnswer('2.a'), referenceReport))), differs: { 'report.ex1-2': 'fail' } },
  { name: 'an off-topic explanation (generic sentence under 4.a)', overlay: report(withAnswer('4.a', "J'ai lancé la commande dans mon terminal et tout a fonctionné correctement du premier coup, sans aucune erreur.", referenceReport)), differs: { 'report.ex3-4': 'fail' } },
  { name: 'headings written "### Question 2-a"', overlay: report(headings((e, l) => `Question ${e}-${l}`)), differs: {} },
  { name: 'headings written "### Q2.a"', overlay: report(headings((e, l) => `Q${e}.${l}`)), differs: {} },
  {
    name: 'exercise 8 answered in English',
    overlay: report(
      referenceReport.replace(/(### 8\.a[^\n]*\n\n>[^\n]*\n\n)[\s\S]*?(\n### 8\.b)/, `$1${ENGLISH_8A}\n$2`).replace(/(### 8\.b[^\n]*\n\n>[^\n]*\n\n)[\s\S]*?(\n\[psql\])/, `$1${ENGLISH_8B}\n$2`),
    ),
    differs: {},
  },
  { name: 'report left as the template (placeholders)', overlay: report(templateReport), differs: { ...allFail(REPORT_GROUPS), 'report.screenshots': 'fail' } },
  { name: 'answers copy the questions back', overlay: report(questionsCopiedBack()), differs: { ...allFail(REPORT_GROUPS), 'report.screenshots': 'fail' } },
  { name: 'REPORT.md missing', overlay: { 'REPORT.md': null }, differs: { ...allFail(['report.present', ...REPORT_GROUPS, 'report.screenshots', 'report.encoding']) } },
  { name: 'a linked screenshot is missing', overlay: { 'captures/hello-world.png': null }, differs: { 'report.screenshots': 'fail' } },
  { name: 'a screenshot is a symlink out of the repository', overlay: { 'captures/hello-world.png': { symlink: '/etc/hostname' } }, differs: { 'report.screenshots': 'fail' } },
  { name: 'a link leaves the repository with ../', overlay: report(replaceOnce(referenceReport, '(captures/hello-world.png)', '(../captures/hello-world.png)')), differs: { 'report.screenshots': 'fail' } },
  { name: 'report saved in Windows-1252', overlay: { 'REPORT.md': encodeWindows1252(referenceReport) }, differs: { 'report.present': 'fail', 'report.encoding': 'fail' } },
  { name: 'report saved in UTF-16', overlay: { 'REPORT.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(referenceReport, 'utf16le')]) }, differs: { 'report.present': 'fail', 'report.encoding': 'fail' } },
  { name: 'mojibake in the report', overlay: report(referenceReport.replace('différence entre une image', 'diffÃ©rence entre une image')), differs: { 'report.encoding': 'fail' } },
  { name: 'report with a UTF-8 BOM', overlay: { 'REPORT.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(referenceReport)]) }, differs: {} },
];

const dockerfileMutants: Mutant[] = [
  { name: 'Dockerfile missing', overlay: { 'starter/Dockerfile': null }, differs: { ...allFail(DOCKERFILE_ALL), ...allFail(DYNAMIC) } },
  { name: 'untouched starter Dockerfile', overlay: { 'starter/Dockerfile': readFileSync(join(TEMPLATE_DIR, 'starter/Dockerfile'), 'utf8') }, differs: { ...allFail(DOCKERFILE_ALL), ...allFail(DYNAMIC) } },
  { name: 'FROM python:latest', overlay: dockerfile('FROM python:3.13-slim', 'FROM python:latest'), differs: { 'dockerfile.base-image': 'fail' }, staticOnly: true },
  { name: 'FROM python:3.13 (full image)', overlay: dockerfile('FROM python:3.13-slim', 'FROM python:3.13'), differs: { 'dockerfile.base-image': 'fail' }, staticOnly: true },
  { name: 'valid: FROM python:3.13-alpine', overlay: dockerfile('FROM python:3.13-slim', 'FROM python:3.13-alpine'), differs: {}, staticOnly: true },
  { name: 'valid: ARG-expanded FROM python:${PY}-slim', overlay: dockerfile('FROM python:3.13-slim', 'ARG PY=3.13\nFROM python:${PY}-slim'), differs: {} },
  { name: 'valid: multi-stage, final stage FROM an earlier one', overlay: dockerfile('FROM python:3.13-slim', 'FROM python:3.13-slim AS base\nRUN true\nFROM base'), differs: {} },
  // A missing instruction costs its own criterion only; dockerfile.present asks for FROM and CMD (spec §5).
  { name: 'no WORKDIR', overlay: dockerfile('WORKDIR /app\n', ''), differs: { 'dockerfile.workdir': 'fail' } },
  { name: 'WORKDIR is relative', overlay: dockerfile('WORKDIR /app', 'WORKDIR app'), differs: { 'dockerfile.workdir': 'fail' } },
  { name: 'WORKDIR only in a comment', overlay: dockerfile('WORKDIR /app\n', '# WORKDIR /app\n'), differs: { 'dockerfile.workdir': 'fail' } },
  { name: 'code copied before the install (COPY . .)', overlay: dockerfile('COPY requirements.txt .\n', 'COPY . .\n'), differs: { 'dockerfile.layer-order': 'fail' } },
  { name: 'pip install without --no-cache-dir', overlay: dockerfile('pip install --no-cache-dir -r', 'pip install -r'), differs: { 'dockerfile.pip-no-cache': 'fail' } },
  { name: 'valid: PIP_NO_CACHE_DIR in ENV', overlay: dockerfile('RUN pip install --no-cache-dir -r requirements.txt', 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt'), differs: {} },
  { name: 'valid: pip install split over continuation lines', overlay: dockerfile('RUN pip install --no-cache-dir -r requirements.txt', 'RUN pip install \\\n    --no-cache-dir \\\n    -r requirements.txt'), differs: {} },
  { name: 'valid: ENTRYPOINT + CMD split', overlay: dockerfile(/^CMD \[.*\]$/m, 'ENTRYPOINT ["uvicorn"]\nCMD ["app:app", "--host", "0.0.0.0", "--port", "8000"]'), differs: {} },
  { name: 'valid: --host=0.0.0.0 --port=8000', overlay: dockerfile(/^CMD \[.*\]$/m, 'CMD ["uvicorn", "app:app", "--host=0.0.0.0", "--port=8000"]'), differs: {} },
  { name: 'valid: python -m uvicorn', overlay: dockerfile(/^CMD \[.*\]$/m, 'CMD ["python", "-m", "uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'), differs: {} },
  { name: 'no EXPOSE', overlay: dockerfile('EXPOSE 8000\n', ''), differs: { 'dockerfile.expose': 'fail' } },
  { name: 'runs as root (no USER)', overlay: dockerfile('USER appuser\n', ''), differs: { 'dockerfile.non-root': 'fail' } },
  { name: 'no HEALTHCHECK', overlay: dockerfile(/HEALTHCHECK [^\n]*\\\n[^\n]*\n/, ''), differs: { 'dockerfile.healthcheck': 'fail' } },
  { name: 'no .dockerignore', overlay: { 'starter/.dockerignore': null }, differs: { 'dockerignore.present': 'fail' } },
  { name: '.dockerignore with comments only', overlay: { 'starter/.dockerignore': referenceDockerignore.replace(/^(?!#)(.+)$/gm, '# $1') }, differs: { 'dockerignore.present': 'fail' } },
  { name: 'requirements not pinned', overlay: { 'starter/requirements.txt': reference.requirements.replace('fastapi==0.115.11', 'fastapi') }, differs: { 'requirements.pinned': 'fail' } },
];

const composeMutants: Mutant[] = [
  { name: 'docker-compose.yml is not valid YAML', overlay: { 'docker-compose.yml': `${reference.compose}\n  bad: [unclosed\n` }, differs: { ...allFail(COMPOSE_ALL), ...allFail(['stack.up', 'stack.psql', 'stack.persistence']) } },
  { name: 'docker-compose.yml missing', overlay: { 'docker-compose.yml': null }, differs: { ...allFail(COMPOSE_ALL), ...allFail(['stack.up', 'stack.psql', 'stack.persistence']) } },
  { name: 'depends_on as a list (no healthy wait)', overlay: compose(/depends_on:\n\s+db:\n\s+condition: service_healthy/, 'depends_on:\n      - db'), differs: { 'compose.healthcheck': 'fail' } },
  { name: 'obsolete version key', overlay: { 'docker-compose.yml': `version: "3.8"\n${reference.compose}` }, differs: { 'compose.no-version-key': 'fail' } },
  { name: 'valid: long-form ports', overlay: compose(/ports:\n\s+- "8000:8000"/, 'ports:\n      - target: 8000\n        published: 8000\n        protocol: tcp'), differs: {} },
  { name: 'valid: environment as a list', overlay: compose(/POSTGRES_USER: demo\n\s+POSTGRES_PASSWORD: demo\n\s+POSTGRES_DB: demo/, '- POSTGRES_USER=demo\n      - POSTGRES_PASSWORD=demo\n      - POSTGRES_DB=demo'), differs: {} },
  {
    name: 'valid: credentials from an env_file in starter/',
    overlay: {
      ...compose(/environment:\n\s+POSTGRES_USER: demo\n\s+POSTGRES_PASSWORD: demo\n\s+POSTGRES_DB: demo/, 'env_file: ./starter/db.env'),
      'starter/db.env': 'POSTGRES_USER=demo\nPOSTGRES_PASSWORD=demo\nPOSTGRES_DB=demo\n',
    },
    differs: {},
  },
  { name: 'api builds from the wrong folder', overlay: compose('build: ./starter', 'build: .'), differs: { 'compose.api': 'fail', 'stack.up': 'fail', 'stack.psql': 'fail', 'stack.persistence': 'fail' } },
  { name: 'demo only in a comment, user admin', overlay: compose('POSTGRES_USER: demo', 'POSTGRES_USER: admin # demo'), differs: { 'compose.db': 'fail', 'stack.psql': 'fail', 'stack.persistence': 'fail' } },
  { name: 'database data on a bind mount', overlay: compose('- pgdata:/var/lib/postgresql/data', '- ./starter/pgdata:/var/lib/postgresql/data'), differs: { 'compose.db-volume': 'fail' } },
  { name: 'privileged db is refused before anything starts', overlay: compose('    image: postgres:17\n', '    image: postgres:17\n    privileged: true\n'), differs: { 'stack.up': 'fail', 'stack.psql': 'fail', 'stack.persistence': 'fail' } },
  { name: 'Docker socket mounted in api is refused', overlay: compose('    build: ./starter\n', '    build: ./starter\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n'), differs: { 'stack.up': 'fail', 'stack.psql': 'fail', 'stack.persistence': 'fail' } },
];

/** Dynamic mutants (behaviour on a real engine) with the static verdicts their change implies. */
const STATIC_SIDE: Record<string, Partial<Record<CriterionId, Status>>> = {
  'pip installs a package that does not exist': {},
  'exercise 7.d bug left in: the app crashes at import': {},
  '/health answers 500': {},
  '/health answers another body': {},
  'uvicorn bound to 127.0.0.1': { 'dockerfile.exec-form': 'fail' },
  'shell-form CMD': { 'dockerfile.exec-form': 'fail' },
  'wrong database user': { 'compose.db': 'fail' },
  'no named volume': { 'compose.db-volume': 'fail' },
  'no healthcheck, init script keeps the temporary server up 3 s': { 'compose.healthcheck': 'fail' },
  'a 130 MB blob added to the image': {},
};

const dynamicMutants: Mutant[] = DYNAMIC_MUTANTS.filter((m) => m.name !== 'reference').map((m) => ({
  name: m.name,
  overlay: m.overlay,
  differs: {
    ...STATIC_SIDE[m.name],
    ...Object.fromEntries(Object.entries(m.expect).filter(([, status]) => status !== 'pass')),
  },
}));

export const MUTANTS: Mutant[] = [
  { name: 'reference solution', overlay: {}, differs: {} },
  ...dockerfileMutants,
  ...composeMutants,
  ...reportMutants,
  ...dynamicMutants,
];
