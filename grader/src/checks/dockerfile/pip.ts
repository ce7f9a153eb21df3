// What the RUN instructions do with pip: every `pip install` they run, with its options, the
// requirement files it reads and whether pip's download cache can end up in the layer.
import { baseName, expandWord, resolveImagePath, tokenize } from './shell.ts';
import type { Step } from './source.ts';

export interface PipInstall {
  step: Step;
  /** Absolute paths of the `-r` files, resolved against the working directory of the command. */
  requirements: string[];
  /** Packages named on the command line (`pip install fastapi uvicorn`). */
  packages: string[];
  /** pip keeps no cache in the layer: `--no-cache-dir`, `PIP_NO_CACHE_DIR`, a cache mount or a purge. */
  noCache: boolean;
  /** Run through `uv pip`, whose option is `--no-cache`. */
  uv: boolean;
}

/** Values pip's strtobool accepts. pip disables its cache for any of them, even "0"/"false" (legacy quirk). */
const PIP_BOOL = new Set(['y', 'yes', 't', 'true', 'on', '1', 'n', 'no', 'f', 'false', 'off', '0']);
const WRAPPERS = new Set(['sudo', 'exec', 'command', 'time', 'nohup', 'env', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{']);
const SHELLS = /^(sh|bash|dash|ash|zsh)$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;
const PIP = /^pip(\d+(\.\d+)*)?$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

/** Every pip install run by a RUN instruction (shell form, exec form or here-document). */
export function pipInstalls(step: Step): PipInstall[] {
  if (step.keyword !== 'RUN') return [];
  const state: ScriptState = { env: new Map(step.vars), cwd: step.workdir, found: [], purged: false };
  if (step.exec) runCommand(step.exec, state, step, 0);
  else for (const script of scriptsOf(step)) runScript(script, state, step, 0);
  const cacheMount = cacheMounted(step);
  return state.found.map((found) => ({ ...found, noCache: found.noCache || cacheMount || state.purged }));
}

interface ScriptState {
  env: Map<string, string>;
  cwd: string;
  found: PipInstall[];
  purged: boolean;
}

/** The shell scripts a RUN executes: its arguments, or the bodies of its here-documents. */
function scriptsOf(step: Step): string[] {
  if (step.heredocs.length === 0) return [step.raw];
  const head = step.words;
  if (head.length === 0 || SHELLS.test(baseName(head[0] ?? ''))) return step.heredocs;
  // `RUN python3 <<EOF`: the body is another program's input, only the first line is shell.
  return [step.head];
}

function runScript(script: string, state: ScriptState, step: Step, depth: number): void {
  for (const rawWords of tokenize(script, '\\', true)) {
    const words = rawWords.map((raw) => expandWord(raw, (name) => state.env.get(name)).value);
    runCommand(words, state, step, depth);
  }
}

function runCommand(argv: string[], state: ScriptState, step: Step, depth: number): void {
  const inline = new Map<string, string>();
  let words = argv;
  for (;;) {
    const first = words[0];
    if (first === undefined) return;
    const assignment = ASSIGNMENT.exec(first);
    if (assignment) inline.set(assignment[1]!, assignment[2]!);
    else if (!WRAPPERS.has(first)) break;
    words = words.slice(1);
  }
  if (words.length === 0) {
    for (const [name, value] of inline) state.env.set(name, value);
    return;
  }
  const program = baseName(words[0]!);
  const rest = words.slice(1);
  if (program === 'cd') {
    state.cwd = resolveImagePath(state.cwd, rest[0] ?? '/root');
  } else if (program === 'export') {
    for (const word of rest) {
      const assignment = ASSIGNMENT.exec(word);
      if (assignment) state.env.set(assignment[1]!, assignment[2]!);
    }
  } else if (SHELLS.test(program) && rest[0] === '-c' && rest[1] !== undefined && depth < 3) {
    runScript(rest[1], state, step, depth + 1);
  } else if (program === 'rm' && rest.some((path) => /(^|\/)\.cache(\/pip|\/uv)?\/?$/.test(path))) {
    state.purged = true;
  } else {
    const pipArgs = pipArguments(program, rest);
    if (pipArgs && pipArgs[0] === 'cache' && pipArgs[1] === 'purge') state.purged = true;
    if (pipArgs) recordInstall(pipArgs, new Map([...state.env, ...inline]), state, step, program === 'uv');
  }
}

/** The arguments after `pip` in `pip …`, `pip3 …`, `python -m pip …`, `uv pip …`; null for other programs. */
function pipArguments(program: string, rest: string[]): string[] | null {
  if (PIP.test(program)) return rest;
  if (program === 'uv') return rest[0] === 'pip' ? rest.slice(1) : null;
  if (!PYTHON.test(program)) return null;
  const module = rest.indexOf('-m');
  return module >= 0 && rest[module + 1] === 'pip' ? rest.slice(module + 2) : null;
}

function recordInstall(args: string[], env: Map<string, string>, state: ScriptState, step: Step, uv: boolean): void {
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command !== 'install') return;
  const requirements: string[] = [];
  const packages: string[] = [];
  // uv has its own spelling: --no-cache / UV_NO_CACHE.
  const flag = uv ? ['--no-cache', '-n'] : ['--no-cache-dir'];
  let noCache = uv
    ? /^(1|true|yes|on)$/i.test(env.get('UV_NO_CACHE') ?? '')
    : PIP_BOOL.has((env.get('PIP_NO_CACHE_DIR') ?? '').trim().toLowerCase());
  const afterInstall = args.slice(args.indexOf('install') + 1);
  for (const arg of args.slice(0, args.indexOf('install'))) if (flag.includes(arg)) noCache = true;
  for (let i = 0; i < afterInstall.length; i++) {
    const arg = afterInstall[i]!;
    let file: string | undefined;
    if (flag.includes(arg)) noCache = true;
    else if (arg === '-r' || arg === '--requirement') file = afterInstall[++i];
    else if (arg.startsWith('--requirement=')) file = arg.slice('--requirement='.length);
    else if (/^-r./.test(arg)) file = arg.slice(2);
    else if (['-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--only-binary', '--no-binary'].includes(arg)) i++;
    else if (!arg.startsWith('-')) packages.push(arg);
    if (file !== undefined) requirements.push(resolveImagePath(state.cwd, file));
  }
  state.found.push({ step, requirements, packages, noCache, uv });
}

/** `RUN --mount=type=cache,target=/root/.cache/pip`: the cache lives outside the layer. */
function cacheMounted(step: Step): boolean {
  const mount = step.flags.get('mount');
  if (mount === undefined) return false;
  const options = new Map(mount.split(',').map((part) => part.split('=') as [string, string?]).map(([k, v]) => [k.trim(), v ?? '']));
  const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
  return options.get('type') === 'cache' && /\.cache(\/pip|\/uv)?\/?$/.test(target);
}

/** A `--mount=type=bind` that brings requirements.txt in without a COPY: its target path, if any. */
export function boundRequirements(step: Step): string | null {
  const mount = step.flags.get('mount');
  if (mount === undefined) return null;
  const options = new Map(mount.split(',').map((part) => part.split('=') as [string, string?]).map(([k, v]) => [k.trim(), v ?? '']));
  const source = options.get('source') ?? options.get('src') ?? '';
  const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
  if ((options.get('type') ?? 'bind') !== 'bind' || options.has('from') || baseName(source) !== 'requirements.txt') return null;
  return resolveImagePath(step.workdir, target);
}
