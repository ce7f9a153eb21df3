// Test support for the compose checks: grade a compose file given as a string, in a real temp folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createStaticContext } from '../check.ts';
import type { StaticCriterion } from '../criterion.ts';
import type { Finding } from '../../model/result.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

/** Runs `check` on a submission made of `compose` as docker-compose.yml plus `extra` files. */
export async function judge(check: StaticCriterion, compose: string | Buffer | null, extra: Record<string, string> = {}): Promise<Finding> {
  const dir = await mkdtemp(join(tmpdir(), 'compose-check-'));
  try {
    const files: Record<string, string | Buffer> = { ...extra };
    if (compose !== null) files['docker-compose.yml'] = compose;
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), content);
    }
    const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, TP1);
    return await check.judge(ctx);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Strips the common indentation of a template literal, so YAML can be written indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}

/** A complete compose file that passes every compose check (the lab's expected answer). */
export const GOOD_COMPOSE = yaml`
  services:
    api:
      build: ./starter
      ports:
        - "8000:8000"
      depends_on:
        db:
          condition: service_healthy
    db:
      image: postgres:17
      environment:
        POSTGRES_USER: demo
        POSTGRES_PASSWORD: demo
        POSTGRES_DB: demo
      volumes:
        - pgdata:/var/lib/postgresql/data
      healthcheck:
        test: ["CMD-SHELL", "pg_isready -U demo -d demo"]
        interval: 5s
        retries: 10
  volumes:
    pgdata: {}
`;

/** GOOD_COMPOSE with `from` replaced by `to`; throws when `from` is not in it, so a test never mutates nothing. */
export function mutate(from: string, to: string, base = GOOD_COMPOSE): string {
  if (!base.includes(from)) throw new Error(`mutate: ${JSON.stringify(from)} not found`);
  return base.replace(from, to);
}

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOfText(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`lineOfText: ${JSON.stringify(needle)} not found`);
  return text.slice(0, index).split('\n').length;
}
