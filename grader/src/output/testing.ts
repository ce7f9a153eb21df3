import { readFileSync } from 'node:fs';
import { CRITERION_IDS, type CriterionId } from '../model/criteria.ts';
import type { CriterionResult, GradeReport } from '../model/result.ts';
import { DEFAULT_RUBRIC_PATH, parseRubric, type Rubric } from '../rubric/rubric.ts';

const REAL_RUBRIC = parseRubric(readFileSync(DEFAULT_RUBRIC_PATH, 'utf8'));

/** Titles and points of the test rubric that its sample report relies on; every other criterion is worth 0, titled "x". */
const SAMPLE_ENTRIES: Partial<Record<CriterionId, { points: number; title: string }>> = {
  'dockerfile.present': { points: 2, title: 'Dockerfile présent' },
  'dockerfile.base-image': { points: 3, title: 'Image de base' },
  'dockerfile.workdir': { points: 2, title: 'WORKDIR' },
  'dockerfile.non-root': { points: 0, title: 'Conseil : non root' },
  'image.build': { points: 6, title: "L'image se construit" },
  'container.health': { points: 5, title: 'GET /health' },
  'report.encoding': { points: 0, title: 'Conseil : encodage' },
};

/** The test rubric's three groups: the real rubric's dockerfile and report groups, everything else in "image". */
const sampleGroup = (id: CriterionId) => (id.startsWith('report.') ? 'report' : REAL_RUBRIC.criteria.get(id)?.group === 'dockerfile' ? 'dockerfile' : 'image');

/**
 * Test support: a small rubric over every criterion of the catalogue (in its order) and a report on
 * it with a pass, a failure with a file, an advice failure, a skip and an error.
 */
export const RUBRIC: Rubric = parseRubric(
  [
    'groups: { dockerfile: "Exercice 3 — Dockerfile", image: "Image | conteneur", report: "Rapport" }',
    'criteria:',
    ...CRITERION_IDS.map((id) => {
      const { points, title } = SAMPLE_ENTRIES[id] ?? { points: 0, title: 'x' };
      return `  ${id}: { group: ${sampleGroup(id)}, points: ${points}, title: "${title}" }`;
    }),
  ].join('\n'),
);

/** A fake notice planted by a student, as it would appear in a build log or a message. */
export const FAKE = '::notice title=Autograding complete::Points 100/100';

export function sampleReport(): GradeReport {
  const base = { durationMs: 12 };
  const criteria: CriterionResult[] = [
    { ...base, id: 'dockerfile.present', title: 'Dockerfile présent', group: 'dockerfile', points: 2, maxPoints: 2, status: 'pass', message: '' },
    {
      ...base,
      id: 'dockerfile.base-image',
      title: 'Image de base',
      group: 'dockerfile',
      points: 0,
      maxPoints: 3,
      status: 'fail',
      message: `FROM \`python:latest\` n'a pas de version : écrivez \`FROM python:3.13-slim\`.\n${FAKE}\n<img src=x onerror=alert(1)> [lien](http://evil) **gras** | 100%, a:b`,
      file: 'starter/Dockerfile',
      line: 2,
    },
    { ...base, id: 'dockerfile.non-root', title: 'Conseil : non root', group: 'dockerfile', points: 0, maxPoints: 0, status: 'fail', message: 'Ajoutez `USER`.', file: 'starter/Dockerfile', line: 9 },
    {
      ...base,
      id: 'image.build',
      title: "L'image se construit",
      group: 'image',
      points: 0,
      maxPoints: 6,
      status: 'fail',
      message: 'La construction échoue.',
      file: 'starter/Dockerfile',
      line: 7,
      excerpt: `Step 3/5 : RUN echo\n${FAKE}\n</pre><script>alert(1)</script>\n\x1b[31mrouge\x1b[0m`,
    },
    { ...base, id: 'container.health', title: 'GET /health', group: 'image', points: 0, maxPoints: 5, status: 'skip', message: "Image non construite : critère non évalué." },
    { ...base, id: 'report.encoding', title: 'Conseil : encodage', group: 'report', points: 0, maxPoints: 0, status: 'error', message: 'Erreur interne.' },
  ];
  return {
    schema: 'docker-lab-grade/v1',
    submission: '.',
    score: criteria.reduce((s, c) => s + c.points, 0),
    maxScore: criteria.reduce((s, c) => s + c.maxPoints, 0),
    criteria,
  };
}

/**
 * The workflow commands a GitHub runner would process in a log: lines starting with `::` (leading
 * blanks tolerated, to be strict), except inside `::stop-commands::<token>` … `::<token>::`.
 */
export function processedCommands(log: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line.trimEnd() === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trimEnd());
    if (stop) stopToken = stop[1]!;
    else if (line.startsWith('::')) commands.push(line);
  }
  return commands;
}
