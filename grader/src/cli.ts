import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED, labRubricPath } from './location.ts';
import { isCriterionId, type CriterionId } from './model/criteria.ts';
import type { Rubric } from './rubric/rubric.ts';
import { grade } from './run/grade.ts';
import { labIds } from './run/lab.ts';
import { renderTerminal } from './output/terminal.ts';
import { inActions, publishActions, workspacePath } from './output/actions.ts';
import { withLeftOut } from './output/total.ts';
import { renderJunit } from './output/junit.ts';
import { renderMarkdown } from './output/markdown.ts';
import { officialMarkdown } from './batch/feedback.ts';
import { progressMode, ProgressRenderer } from './output/progress.ts';
import { EXIT_CODES, loadRubricOrExplain, reportCrash } from './output/crash.ts';

const USAGE = `Usage : npm run grade -- [DOSSIER] [options]
  DOSSIER          dossier de la soumission à corriger (défaut : .)
  --lab id         le TP à corriger (dossier labs/<id>/ ; défaut : celui que nomme le barème)
  --json F         écrit le résultat complet en JSON dans F
  --junit F        écrit le résultat en JUnit XML dans F
  --markdown F     écrit le compte rendu Markdown (celui du résumé GitHub Actions) dans F
  --static-only    seulement les critères sans Docker
  --only ids       seulement ces critères (ids séparés par des virgules)
  --group g        seulement les critères de ce groupe du barème (dockerfile, image, compose, stack, report)
  --require-full   code de sortie 1 si un critère noté n'a pas tous ses points (sinon 0, quelle que soit la note)
  --tamper-check   compare les fichiers du correcteur de DOSSIER avec le manifeste de ce correcteur
                   (par défaut : seulement quand DOSSIER est le dépôt d'où le correcteur s'exécute)
Dans GitHub Actions (GITHUB_ACTIONS=true), écrit aussi le résumé, les annotations, la note
(notices « Autograding complete » / « Autograding report ») et les sorties de l'étape. Sous
l'exécuteur de Classroom 50 (CLASSROOM50_BUNDLE_DIR défini), le résumé est laissé à l'exécuteur,
qui y recopie le compte rendu publié (release-body.md).`;

const STATIC_ONLY_REASON = 'Non vérifié : mode statique sans Docker. Relancez sans --static-only pour tout vérifier.';

type Selection = { only?: CriterionId[] } | { error: string };

function selection(rubric: Rubric, only: string | undefined, group: string | undefined): Selection {
  let ids: CriterionId[] | undefined;
  if (only) {
    const wanted = only.split(',').map((id) => id.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !isCriterionId(id));
    if (unknown.length > 0) return { error: `Critères inconnus : ${unknown.join(', ')}` };
    ids = wanted as CriterionId[];
  }
  if (group) {
    if (!(group in rubric.groups)) return { error: `Groupe inconnu : ${group} (groupes : ${Object.keys(rubric.groups).join(', ')})` };
    const inGroup = [...rubric.criteria.values()].filter((c) => c.group === group).map((c) => c.id);
    ids = ids ? ids.filter((id) => inGroup.includes(id)) : inGroup;
  }
  return { only: ids };
}

/**
 * Classroom 50's runner sets CLASSROOM50_BUNDLE_DIR for the autograder it calls, then appends the
 * release body it publishes to the job summary itself: the grader's own summary would repeat it.
 */
function underClassroom50(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CLASSROOM50_BUNDLE_DIR);
}

/**
 * The rubric of the lab asked for: the default rubric when it names that lab (or when none is asked
 * for), else `labs/<id>/rubric.yml` of the maintainers' repository; undefined for a lab the grader lacks.
 */
async function rubricOfLab(id: string | undefined): Promise<Rubric | { error: string }> {
  const rubric = await loadRubricOrExplain();
  const known = labIds();
  if (id === undefined || rubric.lab === id) {
    if (known.includes(rubric.lab)) return rubric;
    return { error: `Le barème nomme le TP « ${rubric.lab} », que ce correcteur ne connaît pas (TP connus : ${known.join(', ')}). Corrigez la clé lab: du barème.` };
  }
  if (!known.includes(id)) return { error: `--lab ${id} : TP inconnu (TP connus : ${known.join(', ')}).` };
  return loadRubricOrExplain(labRubricPath(id));
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        junit: { type: 'string' },
        markdown: { type: 'string' },
        'static-only': { type: 'boolean', default: false },
        only: { type: 'string' },
        group: { type: 'string' },
        'require-full': { type: 'boolean', default: false },
        'tamper-check': { type: 'boolean' },
        lab: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = args.positionals[0] ?? '.';
  const rubric = await rubricOfLab(args.values.lab);
  if ('error' in rubric) {
    process.stderr.write(`${rubric.error}\n`);
    return 2;
  }
  const selected = selection(rubric, args.values.only, args.values.group);
  if ('error' in selected) {
    process.stderr.write(`${selected.error}\n`);
    return 2;
  }
  // Progress on stderr (stdout is the report); none when a program asked for the JSON.
  const progress = new ProgressRenderer({
    mode: progressMode(process.stderr, process.env, { silent: Boolean(args.values.json) }),
    write: (text) => process.stderr.write(text),
    columns: process.stderr.columns,
  }).start();
  const report = await grade(resolve(dir), {
    staticOnly: args.values['static-only'],
    only: selected.only,
    rubric,
    trapSignals: true,
    tamperCheck: args.values['tamper-check'],
    onProgress: progress.listener,
  }).finally(() => progress.onEvent({ kind: 'done' }));
  report.submission = dir;

  // A static-only run says which points it left out; its JSON keeps the graded criteria only.
  const shown = args.values['static-only'] && !selected.only ? withLeftOut(report, rubric, STATIC_ONLY_REASON) : report;
  const terminal = renderTerminal(shown, rubric, { stream: process.stdout });
  if (inActions(process.env)) {
    await publishActions(report, rubric, terminal, {
      complete: !selected.only && !args.values['static-only'],
      filePath: workspacePath(resolve(dir), process.env.GITHUB_WORKSPACE ?? process.cwd()),
      jobSummary: !underClassroom50(process.env),
    });
  } else {
    process.stdout.write(terminal);
  }
  if (args.values.json) await writeFile(args.values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (args.values.junit) await writeFile(args.values.junit, renderJunit(report, rubric));
  if (args.values.markdown) {
    // Under Classroom 50 this is the release body, and the bundle's grader is the instructor's.
    const markdown = underClassroom50(process.env) ? officialMarkdown(report, rubric) : `${renderMarkdown(report, rubric)}\n`;
    await writeFile(args.values.markdown, markdown);
  }
  if (args.values['require-full'] && report.criteria.some((c) => c.points < c.maxPoints)) return EXIT_CODES.pointsMissing;
  return EXIT_CODES.fullMarks;
}

/** Instructor modes (--batch, --merge) live in batch/cli.ts; they compare with the repository's files, not a bundle's. */
async function instructorMain(argv: string[]): Promise<number> {
  if (BUNDLED) {
    process.stderr.write('--batch and --merge run from the repository (npm run grade), not from the Classroom 50 bundle.\n');
    return 2;
  }
  // Student repositories hold the template's prebuilt grader: the batch compares it with a build of
  // this grader (esbuild, a devDependency: the repository has it, the template does not need it).
  const { templatePrebuiltHashes } = await import('./export/prebuilt.ts');
  return (await import('./batch/cli.ts')).batchMain(
    argv,
    () => templatePrebuiltHashes(),
    async (lab) => (await (await import('./export/lab-template.ts')).labTemplateManifest(lab)).files,
  );
}

const argv = process.argv.slice(2);
(argv.includes('--batch') || argv.includes('--merge') ? instructorMain(argv) : main(argv)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    // Said once, in French, with the technical detail in a file: never a stack on screen.
    process.exitCode = EXIT_CODES.graderFailure;
    process.stderr.write((await reportCrash(error)).text);
  },
);
