import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCriterionId, type CriterionId } from './model/criteria.ts';
import { loadRubric } from './rubric/rubric.ts';
import { grade } from './run/grade.ts';
import { renderTerminal } from './output/terminal.ts';

const USAGE = `Usage : npm run grade -- [DOSSIER] [--json FICHIER] [--static-only] [--only id1,id2]
  DOSSIER        dossier de la soumission à corriger (défaut : .)
  --json F       écrit le résultat complet en JSON dans F
  --static-only  seulement les critères sans Docker
  --only ids     seulement ces critères (ids séparés par des virgules)`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        'static-only': { type: 'boolean', default: false },
        only: { type: 'string' },
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
  let only: CriterionId[] | undefined;
  if (args.values.only) {
    const ids = args.values.only.split(',').map((id) => id.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !isCriterionId(id));
    if (unknown.length > 0) {
      process.stderr.write(`Critères inconnus : ${unknown.join(', ')}\n`);
      return 2;
    }
    only = ids as CriterionId[];
  }
  const rubric = await loadRubric();
  const report = await grade(resolve(dir), { staticOnly: args.values['static-only'], only, rubric, trapSignals: true });
  report.submission = dir;
  process.stdout.write(renderTerminal(report, rubric, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  if (args.values.json) await writeFile(args.values.json, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Le correcteur a rencontré une erreur interne : ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
