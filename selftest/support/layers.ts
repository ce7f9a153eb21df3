import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';

/**
 * The grader's layers, read from INSTRUCTORS.md's table "Grader code: layers" (the only place they are
 * written): each row is one layer, lowest first, with the folders (or files) of `grader/src/` it
 * holds. A module may import its own folder and the layers below its own, nothing else.
 */
export interface Layer {
  rank: number;
  /** Paths relative to the project root, e.g. `grader/src/docker/` or `grader/src/cli.ts`. */
  paths: string[];
}

const HEADING = /^##\s+Grader code: layers\s*$/m;

export function readLayers(readme: string): Layer[] {
  const start = readme.search(HEADING);
  if (start < 0) throw new Error('INSTRUCTORS.md has no "## Grader code: layers" section');
  const section = readme.slice(start + 1).split(/\n#{1,3}\s/)[0] ?? '';
  const layers: Layer[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const rank = Number(cells[1]);
    if (!/^\d+$/.test(cells[1] ?? '') || !Number.isInteger(rank)) continue;
    const paths = [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => `grader/src/${m[1]}`);
    layers.push({ rank, paths });
  }
  if (layers.length === 0) throw new Error('the layers table of INSTRUCTORS.md has no rows');
  return layers;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (paths: string[]) => `^(${paths.map((p) => escape(p) + (p.endsWith('/') ? '' : '$')).join('|')})`;

/** Maintainers' folders: the grader never imports them (they are not shipped to students). */
const ABOVE_GRADER = ['tests/', 'selftest/', 'bench/'];

/**
 * Folders whose subfolders are independent of one another: a module under `<folder><a>/` imports
 * nothing under `<folder><b>/` (b ≠ a); what two of them share sits in `<folder>` itself. One
 * criterion's module (`checks/<group>/<name>.ts`) may so be read, moved or deleted with its group alone.
 */
export const SEPARATE_SUBFOLDERS = ['grader/src/checks/'] as const;

/** A lab folder's test material besides its tests: its mutant corpus and its test helpers. */
const LAB_TEST_MATERIAL = '^labs/[^/]+/(mutants|testing)\\.ts$';

/** dependency-cruiser rules: per layer, no import of a higher layer or of a sibling folder; grader never imports maintainers' code. */
export function layerRules(layers: Layer[]): IForbiddenRuleType[] {
  const rules: IForbiddenRuleType[] = [];
  for (const layer of layers) {
    for (const path of layer.paths) {
      const notBelow = layers.filter((other) => other.rank >= layer.rank).flatMap((other) => other.paths).filter((p) => p !== path);
      if (notBelow.length === 0) continue;
      rules.push({
        name: `layer ${layer.rank}: ${path}`,
        comment: `${path} (layer ${layer.rank}) imports only its own folder and lower layers`,
        severity: 'error',
        from: { path: pattern([path]) },
        to: { path: pattern(notBelow) },
      });
    }
  }
  for (const folder of SEPARATE_SUBFOLDERS) {
    const root = escape(folder);
    rules.push({
      name: `separate subfolders: ${folder}`,
      comment: `a subfolder of ${folder} imports no other subfolder of it (shared code sits in ${folder} itself)`,
      severity: 'error',
      from: { path: `^${root}([^/]+)/` },
      to: { path: `^${root}[^/]+/`, pathNot: `^${root}$1/` },
    });
  }
  rules.push({
    name: 'grader-above',
    comment: 'the grader (shipped to students) never imports tests/, selftest/ or bench/',
    severity: 'error',
    from: { path: '^grader/' },
    to: { path: pattern(ABOVE_GRADER) },
  });
  rules.push({
    name: 'labs-are-data',
    comment: 'a lab folder (labs/<id>/) imports its own folder and the lab types of grader/src/lab/ (with the engine types they name), nothing else of the grader; its tests (lab.test.ts) judge its data with the grader\'s real code',
    severity: 'error',
    from: { path: '^labs/', pathNot: `\\.test\\.ts$|${LAB_TEST_MATERIAL}` },
    to: { path: '^grader/', pathNot: '^grader/src/(lab|docker/wait)/' },
  });
  // A lab's test material (its mutant corpus and test helpers, never shipped: integrity/files.ts's
  // isExcluded) builds its mutants as the grader's own tests build theirs: it may also use the
  // grader's test helpers (testing.ts), which hold the report answers and encodings those mutants
  // need. The grader's real code stays out of reach, and the lab's data modules stay pure.
  rules.push({
    name: 'labs-are-data (test material)',
    comment: 'a lab\'s mutants.ts and testing.ts import the lab types of grader/src/lab/ and the grader\'s test helpers (testing.ts), nothing else of the grader',
    severity: 'error',
    from: { path: LAB_TEST_MATERIAL },
    to: { path: '^grader/', pathNot: '^grader/src/(lab|docker/wait)/|/testing\\.ts$' },
  });
  rules.push({
    name: 'grader-knows-no-lab',
    comment: 'the grader reaches labs only through their registry (labs/index.ts), from run/lab.ts; its tests may use a lab',
    severity: 'error',
    from: { path: '^grader/src/', pathNot: '^grader/src/run/lab\\.ts$|\\.test\\.ts$|/testing\\.ts$' },
    to: { path: '^labs/' },
  });
  rules.push({
    name: 'labs-apart',
    comment: 'a lab folder imports no other lab folder',
    severity: 'error',
    from: { path: '^labs/([^/]+)/' },
    to: { path: '^labs/[^/]+/', pathNot: '^labs/$1/' },
  });
  rules.push({ name: 'no-cycle', severity: 'error', from: { path: '^(grader|labs)/' }, to: { circular: true } });
  return rules;
}

/** Every folder and top-level file of grader/src/, as layer paths. */
export async function graderEntries(root: string): Promise<string[]> {
  const entries = await readdir(`${root}/grader/src`, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() || (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')))
    .map((e) => `grader/src/${e.name}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Cruises the project's TypeScript (grader, students' suites, self-tests, benchmarks) against the rules. */
export async function layerViolations(root: string, layers: Layer[]): Promise<Violation[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(['grader/src', 'labs', 'tests', 'selftest', 'bench'].filter((top) => existsSync(top)), {
      validate: true,
      ruleSet: { forbidden: layerRules(layers) },
      exclude: { path: '(^|/)node_modules/|^selftest/(reference|\\.out)/|^labs/[^/]+/reference/' },
      doNotFollow: { path: 'node_modules' },
      // Type-only imports count too. TypeScript 7 (the project's compiler) has no JavaScript API for
      // dependency-cruiser to parse with; swc parses the same syntax.
      tsPreCompilationDeps: true,
      parser: 'swc',
    });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    process.chdir(previous);
  }
}
