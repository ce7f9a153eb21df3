// Mutation fuzzing of the static checks (issue 8, item 6): thousands of random mutations of the
// reference Dockerfile, compose file and report, each graded by its area's checks. No exception may
// escape, every criterion returns pass/fail/skip (never `error`), a non-pass says something, and a
// line number points into the file. Deterministic: a fixed seed; a failure prints the seed and the
// iteration, and writes the input under the system temp folder to reproduce it.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStaticContext } from '../../grader/src/checks/check.ts';
import type { StaticCriterion } from '../../grader/src/checks/criterion.ts';
import { staticCriteriaIn } from '../../grader/src/checks/catalogue.ts';
import type { Finding } from '../../grader/src/model/result.ts';
import { loadRubric, type RubricSettings } from '../../grader/src/rubric/rubric.ts';
import { Submission } from '../../grader/src/submission/submission.ts';
import { reference } from '../../labs/csc8613-tp1/testing.ts';
import { makeSubmission } from '../support/submission.ts';
import { lab as TP1 } from '../../labs/csc8613-tp1/lab.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2024);
/** Inputs per area; about three thousand in all. */
const PER_AREA = Number(process.env.FUZZ_COUNT ?? 1_000);
/** Hang guard: no single input may take longer than this to grade statically (speed itself: npm run bench). */
const MAX_INPUT_MS = 5_000;

/** mulberry32: a tiny, fast, deterministic PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Area {
  name: string;
  file: string;
  base: string;
  checks: StaticCriterion[];
  tokens: string[];
}

const COMMON_TOKENS = ['\t', '\r', '\r\n', '\u0000', '\u001b[31m', '\ufeff', '\u202e', '\u2028', 'é', '’', '😀', '\\', '"', "'", '`', '${', '$(', '}', ']', '[', '{', '#', '::error::', '%', '\u00a0', '\ud800'];

const AREAS: Area[] = [
  {
    name: 'Dockerfile',
    file: 'starter/Dockerfile',
    base: reference.dockerfile,
    checks: staticCriteriaIn('dockerfile'),
    tokens: [
      'FROM ', 'FROM python:latest', 'FROM scratch AS x', 'FROM x', 'RUN ', 'RUN <<EOF\n', 'EOF\n', 'COPY ', 'COPY --from=x / /', 'ADD ', 'CMD ', 'CMD []', 'CMD ["uvicorn"',
      'ENTRYPOINT ["sh", "-c"]', 'ARG ', 'ARG X=${Y:-z}', 'ENV ', 'ENV A=1 B', 'WORKDIR ', 'WORKDIR $HOME', 'USER ', 'USER 0:0', 'EXPOSE ', 'EXPOSE 8000/udp', 'HEALTHCHECK ', 'HEALTHCHECK NONE',
      'ONBUILD ', 'SHELL ["/bin/sh"]', 'STOPSIGNAL ', '# escape=`\n', '# syntax=docker/dockerfile:1\n', '\\\n', '${X}', '${X:+y}', '$X', '--no-cache-dir', '-r requirements.txt', '&&', '0.0.0.0', ':8000',
    ],
  },
  {
    name: 'compose',
    file: 'docker-compose.yml',
    base: reference.compose,
    checks: staticCriteriaIn('compose'),
    tokens: [
      '&a ', '*a', '<<: *a\n', '<<: [*a, *b]\n', '- ', ': ', ':', '{', '}', '[', ']', '!!binary ', '!!str ', '!custom ', '? ', '|\n', '>-\n', '---\n', '...\n', '%YAML 1.2\n', 'version: "3"\n',
      'services:\n', 'api:\n', 'db:\n', '  build: ./starter\n', '    ports: ["8000"]\n', 'volumes:\n', 'x-anchor: &a {a: 1}\n', '${VAR:?err}', '$$', 'condition: service_healthy', 'null', '~', 'true', '0x1F',
      '1e99', '-.inf', '"\\x00"', '  ', '    ', '        ',
    ],
  },
  {
    name: 'report',
    file: 'REPORT.md',
    base: reference.report,
    checks: staticCriteriaIn('report'),
    tokens: [
      '# ', '### ', '### 2.a ', '### Q9.z', '```', '```bash\n', '~~~', '> ', '>', '- ', '1. ', '![x](', '![](captures/docker ps.png)', '![a](/captures/', '<img src="', '">', '[ref]: captures/x.png\n', '![a][ref]',
      '<!--', '-->', '<pre>', '</pre>', '|---|', '| a |', '***', '_Votre réponse ici._', '    ', '\\', '](', '<', '>', '&amp;', '&#0;', '%20', '%E2%80%99', '../', 'captures/',
    ],
  },
];

type Mutation = (text: string, random: () => number, tokens: string[]) => string;

const pick = <T,>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const lineOps = (f: (lines: string[], random: () => number) => void): Mutation => (text, random) => {
  const lines = text.split('\n');
  f(lines, random);
  return lines.join('\n');
};
const at = (lines: string[], random: () => number) => Math.floor(random() * lines.length);

const MUTATIONS: Mutation[] = [
  lineOps((lines, random) => void lines.splice(at(lines, random), 1 + Math.floor(random() * 3))),
  lineOps((lines, random) => {
    const i = at(lines, random);
    lines.splice(i, 0, ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => lines[i]!));
  }),
  lineOps((lines, random) => {
    const i = at(lines, random);
    const j = at(lines, random);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }),
  lineOps((lines, random) => {
    const i = at(lines, random);
    lines[i] = ' '.repeat(Math.floor(random() * 9)) + lines[i]!.trimStart();
  }),
  // Insert a token of the area's language, or a troublesome character.
  (text, random, tokens) => {
    const i = Math.floor(random() * (text.length + 1));
    return text.slice(0, i) + pick(random() < 0.7 ? tokens : COMMON_TOKENS, random) + text.slice(i);
  },
  // Replace a span with random code points (any plane, controls included).
  (text, random) => {
    const i = Math.floor(random() * (text.length + 1));
    const chars = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
      const cp = random() < 0.5 ? Math.floor(random() * 0x80) : Math.floor(random() * 0x10ffff);
      return cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
    });
    return text.slice(0, i) + chars.join('') + text.slice(i + Math.floor(random() * 4));
  },
  // Truncate.
  (text, random) => text.slice(0, Math.floor(random() * text.length)),
  // Repeat a chunk many times (long lines, many blocks).
  (text, random) => {
    const i = Math.floor(random() * text.length);
    const chunk = text.slice(i, i + 1 + Math.floor(random() * 80));
    return text.slice(0, i) + chunk.repeat(2 + Math.floor(random() * 300)) + text.slice(i);
  },
  // Line endings and BOM.
  (text, random) => (random() < 0.5 ? text.replaceAll('\n', random() < 0.5 ? '\r\n' : '\r') : `\ufeff${text}`),
  // Splice a piece of another area's file in.
  (text, random) => {
    const other = pick(AREAS, random).base;
    const i = Math.floor(random() * text.length);
    const j = Math.floor(random() * other.length);
    return text.slice(0, i) + other.slice(j, j + Math.floor(random() * 400)) + text.slice(i);
  },
];

/** The input as bytes, sometimes damaged below the text level (invalid UTF-8, cut sequences). */
function mutate(area: Area, random: () => number): Buffer {
  let text = area.base;
  const count = 1 + Math.floor(random() * 4);
  for (let n = 0; n < count; n++) text = pick(MUTATIONS, random)(text, random, area.tokens);
  let bytes = Buffer.from(text, 'utf8');
  const roll = random();
  if (roll < 0.08) {
    const i = Math.floor(random() * (bytes.length + 1));
    const noise = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256)));
    bytes = Buffer.concat([bytes.subarray(0, i), noise, bytes.subarray(i)]);
  } else if (roll < 0.12) {
    bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
  }
  return bytes;
}

function lineCount(bytes: Buffer): number {
  return bytes.toString('utf8').split(/\r\n|\r|\n/).length;
}

/** What is wrong with a finding, or undefined when it is well-formed. */
function problemOf(finding: unknown, file: string, lines: number): string | undefined {
  const f = finding as Finding;
  if (f === null || typeof f !== 'object') return 'not an object';
  if (!['pass', 'fail', 'skip'].includes(f.status)) return `status ${String(f.status)}: ${String(f.message)}`;
  if (typeof f.message !== 'string') return 'message is not a string';
  if (f.status !== 'pass' && f.message.trim() === '') return 'empty message on a non-pass';
  if (f.line !== undefined) {
    if (!Number.isInteger(f.line) || f.line < 1) return `line ${f.line} is not a positive integer`;
    if ((f.file === undefined || f.file === file) && f.line > lines) return `line ${f.line} beyond the ${lines} lines of ${file}`;
  }
  if (f.fraction !== undefined && !(f.fraction >= 0 && f.fraction <= 1)) return `fraction ${f.fraction}`;
  return undefined;
}

let dir: string;
let cleanup: () => Promise<void>;
let settings: RubricSettings;
beforeAll(async () => {
  ({ dir, cleanup } = await makeSubmission());
  settings = (await loadRubric()).settings;
});
afterAll(() => cleanup());

describe('static checks survive mutated inputs', { timeout: 300_000 }, () => {
  test.each(AREAS.map((area, index) => [area.name, index] as const))('%s: every mutated input gets a well-formed verdict', async (_, index) => {
    const area = AREAS[index]!;
    const random = prng(SEED + index);
    const submission = await Submission.open(dir);
    const started = Date.now();
    let slowest = 0;
    const statuses = new Map<string, number>();
    try {
      for (let iteration = 0; iteration < PER_AREA; iteration++) {
        const bytes = mutate(area, random);
        await writeFile(join(dir, area.file), bytes);
        const ctx = createStaticContext(submission, settings, TP1);
        const lines = lineCount(bytes);
        const inputStart = Date.now();
        for (const check of area.checks) {
          let problem: string | undefined;
          try {
            const finding = await check.judge(ctx);
            problem = problemOf(finding, area.file, lines);
            statuses.set(finding.status, (statuses.get(finding.status) ?? 0) + 1);
          } catch (error) {
            problem = `exception: ${(error as Error).stack ?? String(error)}`;
          }
          if (problem) {
            const saved = join(tmpdir(), `fuzz-${area.name}-${SEED}-${iteration}`);
            await writeFile(saved, bytes);
            expect.fail(`${check.id} on input ${iteration} (seed ${SEED}, saved to ${saved}): ${problem}`);
          }
        }
        slowest = Math.max(slowest, Date.now() - inputStart);
        if (slowest > MAX_INPUT_MS) expect.fail(`input ${iteration} (seed ${SEED}) took ${slowest} ms to grade`);
      }
    } finally {
      await writeFile(join(dir, area.file), area.base);
    }
    // The fuzzer reaches both verdicts: it is not only grading broken (or only intact) files.
    expect(statuses.get('fail') ?? 0).toBeGreaterThan(0);
    expect(statuses.get('pass') ?? 0).toBeGreaterThan(0);
    process.stdout.write(`fuzz ${area.name}: ${PER_AREA} inputs in ${Date.now() - started} ms (slowest ${slowest} ms), ${JSON.stringify(Object.fromEntries(statuses))}\n`);
  });
});
