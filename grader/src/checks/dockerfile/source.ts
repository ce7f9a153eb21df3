import { DockerfileParser, From, type Heredoc, type Instruction } from 'dockerfile-ast';
import { fail, type Finding } from '../../model/result.ts';
import type { Loader } from '../check.ts';
import { dockerWords, expandVariables, resolveImagePath, type Lookup } from './shell.ts';
import { readStudentText } from '../student-text.ts';
import { dockerfileOf } from '../../lab/lab.ts';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** One instruction, with what the checks need already worked out. */
export interface Step {
  keyword: string;
  /** 1-based line where the instruction starts. */
  line: number;
  /** Arguments as Docker joins them (line continuations removed, flags excluded). */
  raw: string;
  /** Leading `--name=value` flags, values expanded. */
  flags: Map<string, string>;
  /** The arguments, or for here-documents their first line without the `<<EOF` markers. */
  head: string;
  /** Words of `head`, unquoted and ARG/ENV-expanded. */
  words: string[];
  /** Variables the words or flags use without a value (they expand to the empty string). */
  unresolved: string[];
  /** The JSON array of the exec form (RUN, CMD, ENTRYPOINT, COPY…), or null for the shell form. */
  exec: string[] | null;
  /** Bodies of the here-documents (`RUN <<EOF … EOF`). */
  heredocs: string[];
  /** ARG and ENV values visible to this instruction (what a RUN sees in its environment). */
  vars: ReadonlyMap<string, string>;
  /** ENV values only: what the container's process sees at run time. */
  env: ReadonlyMap<string, string>;
  /** Working directory this instruction runs in (before its own effect, for a WORKDIR). */
  workdir: string;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased. */
  name: string | null;
  from: Step;
  /** Image reference after ARG expansion. */
  image: string;
  /** The earlier stage this one starts from (`FROM builder`), if any. */
  parent: Stage | null;
  steps: Step[];
}

export interface Problem {
  line: number;
  message: string;
}

export interface DockerfileModel {
  steps: Step[];
  stages: Stage[];
  final: Stage | null;
  /** Instructions that make the final image: the final stage's ancestors' then its own, FROM excluded. */
  chain: Step[];
  /** Lines Docker would refuse (unknown instruction, missing arguments, instruction before FROM). */
  problems: Problem[];
  /** 1-based lines of the comments that start with `TODO`. */
  todoLines: number[];
  /** ENV values at the end of the final stage: the environment of the container's process. */
  finalEnv: ReadonlyMap<string, string>;
}

/** `file`: the Dockerfile's path in the repository (the lab's image context, « starter/Dockerfile »). */
export type DockerfileSource = ({ ok: true; model: DockerfileModel } | { ok: false; missing: boolean; message: string }) & { file: string };

/** The lab's Dockerfile (`starter/Dockerfile`), read and parsed once per grading run. */
export const dockerfileSource: Loader<DockerfileSource> = {
  name: 'dockerfile',
  async run(ctx) {
    const file = dockerfileOf(ctx.lab);
    const read = await readStudentText(ctx.submission, file);
    if (!read.ok) return { ...read, file };
    try {
      return { ok: true, model: parseDockerfile(read.text), file };
    } catch {
      return { ok: false, missing: false, message: `${file} n’a pas pu être analysé : vérifiez sa syntaxe.`, file };
    }
  },
};

/** The finding every check but `dockerfile.present` gives when the Dockerfile cannot be read. */
export function unavailable(source: Extract<DockerfileSource, { ok: false }>): Finding {
  return fail(`${source.message} Ce critère ne peut pas être vérifié (voir dockerfile.present).`, { file: source.file });
}

export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split('\n');
  const escape = dockerfile.getEscapeCharacter();
  const steps: Step[] = [];
  const stages: Stage[] = [];
  const problems: Problem[] = [];
  const globalArgs = new Map<string, string | undefined>();
  let stage: Stage | null = null;
  let args = new Map<string, string | undefined>();
  let env = new Map<string, string>();
  let workdir = '/';
  const stageEnv = new Map<Stage, { env: Map<string, string>; workdir: string }>();

  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const line = instruction.getRange().start.line + 1;
    const visible = new Map<string, string>();
    const scopes = stage === null || keyword === 'FROM' ? [globalArgs] : [args, env];
    for (const scope of scopes) for (const [name, value] of scope) if (value !== undefined) visible.set(name, value);
    const lookup: Lookup = (name) => visible.get(name);
    const step = makeStep(instruction, keyword, line, escape, visible, env, workdir, lines);
    steps.push(step);

    if (!KEYWORDS.has(keyword)) {
      problems.push({ line, message: `instruction inconnue « ${instruction.getKeyword()} »` });
      continue;
    }
    if (step.raw.trim() === '' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT') {
      problems.push({ line, message: `${keyword} sans argument` });
      continue;
    }
    if ((keyword === 'COPY' || keyword === 'ADD') && step.exec === null && step.heredocs.length === 0 && step.words.length < 2) {
      problems.push({ line, message: `${keyword} demande une source et une destination` });
    }

    if (keyword === 'FROM') {
      // The image stays ours: dockerfile-ast does not expand ARG values in it.
      const image = step.words[0] ?? '';
      const named = instruction instanceof From ? (instruction.getBuildStage()?.toLowerCase() ?? null) : null;
      const parent = stages.find((s) => s.name !== null && s.name === image.toLowerCase()) ?? null;
      stage = { index: stages.length, name: named, from: step, image, parent, steps: [] };
      stages.push(stage);
      const inherited = parent ? stageEnv.get(parent) : undefined;
      env = new Map(inherited?.env ?? []);
      workdir = inherited?.workdir ?? '/';
      args = new Map();
      stageEnv.set(stage, { env, workdir });
      continue;
    }
    if (stage === null) {
      if (keyword === 'ARG') for (const [name, value] of properties(instruction)) globalArgs.set(name, value === null ? undefined : expandVariables(value, lookup).value);
      else problems.push({ line, message: `${keyword} avant le premier FROM` });
      continue;
    }
    stage.steps.push(step);
    if (keyword === 'ARG') {
      for (const [name, value] of properties(instruction)) {
        args.set(name, value === null ? globalArgs.get(name) : expandVariables(value, lookup).value);
      }
    } else if (keyword === 'ENV') {
      for (const [name, value] of properties(instruction)) env.set(name, expandVariables(value ?? '', lookup).value);
    } else if (keyword === 'WORKDIR' && step.words[0] !== undefined) {
      workdir = resolveImagePath(workdir, step.words[0]);
    }
    stageEnv.set(stage, { env, workdir });
  }

  const final = stages[stages.length - 1] ?? null;
  const todoLines = dockerfile
    .getComments()
    .filter((comment) => /^TODO\b/i.test(comment.getContent()))
    .map((comment) => comment.getRange().start.line + 1);
  const finalEnv = new Map(final ? stageEnv.get(final)?.env : undefined);
  return { steps, stages, final, chain: lineageOf(final).flatMap((s) => s.steps), problems, todoLines, finalEnv };
}

/** The stages that build the final image, root first. */
export function lineageOf(final: Stage | null): Stage[] {
  const stages: Stage[] = [];
  for (let s = final; s !== null && !stages.includes(s); s = s.parent) stages.unshift(s);
  return stages;
}

/** The stage whose FROM names a real image: the final stage, or the one it starts from. */
export function rootStage(model: DockerfileModel): Stage | null {
  return lineageOf(model.final)[0] ?? null;
}

function properties(instruction: Instruction): Array<[string, string | null]> {
  const withProperties = instruction as unknown as { getProperties?: () => Array<{ getName(): string; getValue(): string | null }> };
  return (withProperties.getProperties?.() ?? []).map((p) => [p.getName(), p.getValue()]);
}

function makeStep(
  instruction: Instruction,
  keyword: string,
  line: number,
  escape: string,
  vars: Map<string, string>,
  env: Map<string, string>,
  workdir: string,
  lines: string[],
): Step {
  const lookup: Lookup = (name) => vars.get(name);
  const raw = instruction.getArgumentsContent() ?? '';
  const unresolved: string[] = [];
  const note = (names: string[]): void => {
    for (const name of names) if (!unresolved.includes(name)) unresolved.push(name);
  };
  const flags = new Map<string, string>();
  const withFlags = instruction as unknown as { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> };
  for (const flag of withFlags.getFlags?.() ?? []) {
    const value = expandVariables(flag.getValue() ?? '', lookup);
    note(value.unresolved);
    flags.set(flag.getName().toLowerCase(), value.value);
  }
  const { head, heredocs } = ['RUN', 'COPY', 'ADD'].includes(keyword) ? splitHeredocs(instruction, raw, lines) : { head: raw, heredocs: [] };
  const words = dockerWords(head, escape, lookup).map((word) => {
    note(word.unresolved);
    return word.value;
  });
  return {
    keyword,
    line,
    raw,
    head,
    flags,
    words,
    unresolved,
    exec: heredocs.length > 0 ? null : parseExecForm(raw),
    heredocs,
    vars,
    env: new Map(env),
    workdir,
  };
}

/** Docker's rule: a JSON array of strings is the exec form, anything else the shell form. */
export function parseExecForm(raw: string): string[] | null {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** The here-documents dockerfile-ast found in a RUN, COPY or ADD (its API is public on RUN and COPY only). */
function heredocsOf(instruction: Instruction): Heredoc[] {
  const withHeredocs = instruction as unknown as { getHeredocs?: () => Heredoc[] };
  return withHeredocs.getHeredocs?.() ?? [];
}

/** The text of a range of the Dockerfile, '' for none. */
function textOf(lines: string[], range: ReturnType<Heredoc['getStartRange']> | null): string {
  if (!range) return '';
  const out: string[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const text = lines[line] ?? '';
    out.push(text.slice(line === range.start.line ? range.start.character : 0, line === range.end.line ? range.end.character : text.length));
  }
  return out.join('\n');
}

/** Separates the here-documents (`<<EOF`, `<<-EOF`: leading tabs stripped) from the instruction's first line. */
function splitHeredocs(instruction: Instruction, raw: string, lines: string[]): { head: string; heredocs: string[] } {
  const docs = heredocsOf(instruction);
  if (docs.length === 0) return { head: raw, heredocs: [] };
  let head = raw.split('\n')[0] ?? '';
  const heredocs = docs.map((doc) => {
    const marker = textOf(lines, doc.getStartRange());
    head = head.replace(marker, ' ');
    const body = textOf(lines, doc.getContentRange());
    return marker.startsWith('<<-') ? body.replace(/^\t+/gm, '') : body;
  });
  return { head: head.trim(), heredocs };
}
