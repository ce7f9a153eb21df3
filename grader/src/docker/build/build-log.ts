/**
 * Reads BuildKit's progress as `docker buildx build --progress=rawjson` prints it (one
 * `SolveStatus` JSON object after another: vertexes, statuses, logs), plus the CLI's own lines
 * (`ERROR: failed to solve: …`), into what the grader needs: a log in the words of
 * `docker build --progress=plain` (`#5 [2/4] RUN …`), the step that failed or was running, and the
 * base image of every stage as the builder resolved it.
 */

/** One instruction of a stage, as BuildKit names its vertex: `[stage 2/5] RUN …` or `[2/5] RUN …`. */
export interface BuildStep {
  /** Stage name (`builder`, `stage-1`), absent when BuildKit prints none. */
  stage?: string;
  index: number;
  total: number;
  instruction: string;
}

export interface BuildLog {
  /** Text the build printed, in order (student-controlled), bounded. */
  lines: string[];
  /** The step whose vertex failed, else the last step started and not finished, else the last one started. */
  lastStep?: BuildStep;
  /** The CLI's error (`failed to solve: …`), else a failed vertex's. */
  error?: string;
  /** Base image reference of each stage's `FROM`, as the builder resolved it (after ARG substitution). */
  stageBases: Map<string, string>;
  vertexes: Map<string, VertexState>;
  /** Vertexes started so far (orders them). */
  starts: number;
  /** Line of the Dockerfile the CLI pointed at with its error (`Dockerfile:5` above the excerpt), when it printed one. */
  sourceLine?: number;
}

interface VertexState {
  number: number;
  name: string;
  started: boolean;
  /** Order in which vertexes started: BuildKit lists a chain's vertexes before they run, last first. */
  startOrder: number;
  completed: boolean;
  error?: string;
  step?: BuildStep;
}

interface Vertex {
  digest?: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}

/** One object of BuildKit's rawjson progress. */
export interface SolveStatus {
  vertexes?: Vertex[];
  /** Progress inside a vertex (a layer being downloaded or extracted): bytes `current` of `total`. */
  statuses?: Array<{ id?: string; vertex?: string; name?: string; total?: number; current?: number; completed?: string }>;
  logs?: Array<{ vertex?: string; data?: string }>;
}

const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] ([\s\S]*)$/;
const FROM = /^FROM\s+(\S+)/i;
const MAX_LINES = 2_000;
/** A longer line (a build printing megabytes without a newline) is cut: the log stays bounded in memory. */
const MAX_LINE_CHARS = 4_000;
/** Errors of vertexes stopped because another one failed or the build was cancelled. */
const CANCELLED = /context canceled|canceled/i;

export function createBuildLog(): BuildLog {
  return { lines: [], stageBases: new Map(), vertexes: new Map(), starts: 0 };
}

export function parseStep(name: string): BuildStep | undefined {
  const match = STEP.exec(name);
  if (!match) return undefined;
  return { ...(match[1] ? { stage: match[1] } : {}), index: Number(match[2]), total: Number(match[3]), instruction: match[4]!.trim() };
}

/** Folds one `SolveStatus` object into the log. */
export function addSolveStatus(log: BuildLog, status: SolveStatus): void {
  for (const vertex of status.vertexes ?? []) {
    if (!vertex.digest || !vertex.name) continue;
    let state = log.vertexes.get(vertex.digest);
    if (!state) {
      const step = parseStep(vertex.name);
      state = { number: log.vertexes.size + 1, name: vertex.name, started: false, startOrder: 0, completed: false, ...(step ? { step } : {}) };
      log.vertexes.set(vertex.digest, state);
      if (step) {
        const from = FROM.exec(step.instruction);
        if (from && step.index === 1) log.stageBases.set(step.stage ?? '', from[1]!);
      }
    }
    if (vertex.started && !state.started) {
      state.started = true;
      state.startOrder = ++log.starts;
      pushLine(log, `#${state.number} ${vertex.name}`);
    }
    if (vertex.completed && !state.completed && vertex.cached) pushLine(log, `#${state.number} CACHED`);
    // The latest update holds: BuildKit 0.13 may report a vertex completed, then running again.
    if (vertex.started) state.completed = Boolean(vertex.completed);
    if (vertex.error && !state.error) {
      state.error = vertex.error;
      pushLine(log, `#${state.number} ERROR: ${vertex.error}`);
    }
  }
  for (const entry of status.logs ?? []) {
    const state = entry.vertex ? log.vertexes.get(entry.vertex) : undefined;
    const text = Buffer.from(entry.data ?? '', 'base64').toString('utf8');
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r/g, '');
      if (line.trim() !== '') pushLine(log, state ? `#${state.number} ${line}` : line);
    }
  }
  log.lastStep = stepOfInterest(log);
}

/** A line the CLI printed outside the JSON objects (its final `ERROR: …`, warnings). */
export function addCliLine(log: BuildLog, line: string): void {
  const text = line.replace(/\r/g, '');
  if (text.trim() === '') return;
  pushLine(log, text);
  const error = /^ERROR:\s*(.*)$/.exec(text);
  if (error && !log.error) log.error = error[1];
  const source = /^Dockerfile:(\d+)$/.exec(text.trim());
  if (source && log.sourceLine === undefined) log.sourceLine = Number(source[1]);
}

/**
 * The step to name to the student: the first one that failed on its own; else the one the deadline
 * cancelled (its error says `canceled`); else the last one started that is still running; else the
 * last one started.
 */
function stepOfInterest(log: BuildLog): BuildStep | undefined {
  const steps = [...log.vertexes.values()].filter((state) => state.step && state.started).sort((a, b) => a.startOrder - b.startOrder);
  const failed = steps.find((state) => state.error && !CANCELLED.test(state.error));
  const cancelled = steps.filter((state) => state.error && CANCELLED.test(state.error)).at(-1);
  const running = steps.filter((state) => !state.completed).at(-1);
  return (failed ?? cancelled ?? running ?? steps.at(-1))?.step;
}

/** Names of the vertexes that failed on their own. */
export function failedVertexNames(log: BuildLog): string[] {
  return [...log.vertexes.values()].filter((state) => state.error && !CANCELLED.test(state.error)).map((state) => state.name);
}

/** The error of the first vertex that failed on its own (not cancelled), for when the CLI said nothing. */
export function vertexError(log: BuildLog): string | undefined {
  for (const state of log.vertexes.values()) if (state.error && !CANCELLED.test(state.error)) return state.error;
  return undefined;
}

function pushLine(log: BuildLog, line: string): void {
  // Copied, not sliced: a slice would keep the engine's whole chunk alive in memory.
  log.lines.push(line.length > MAX_LINE_CHARS ? `${Buffer.from(line.slice(0, MAX_LINE_CHARS)).toString()} […]` : Buffer.from(line).toString());
  if (log.lines.length > MAX_LINES) log.lines.splice(0, log.lines.length - MAX_LINES);
}

/** Longest JSON object kept from the progress stream; BuildKit sends output in small chunks. */
const MAX_OBJECT_CHARS = 1024 * 1024;

/**
 * Splits the CLI's stderr into rawjson objects (an indented object opens with `{` and closes with `}`
 * alone on a line) and plain lines, holding at most one object in memory. `onStatus` sees each object
 * (progress output).
 */
export function progressReader(log: BuildLog, onStatus?: (status: SolveStatus) => void): { write: (chunk: string) => void; end: () => void } {
  let pending = '';
  let object: string[] | undefined;
  let objectChars = 0;
  let skipping = false;
  const handle = (line: string) => {
    if (object === undefined && !skipping) {
      if (line === '{') {
        object = ['{'];
        objectChars = 1;
      } else {
        addCliLine(log, line);
      }
      return;
    }
    if (line === '}') {
      if (object && !skipping) {
        object.push('}');
        try {
          const status = JSON.parse(object.join('\n')) as SolveStatus;
          addSolveStatus(log, status);
          onStatus?.(status);
        } catch {
          // A cut object: ignored.
        }
      }
      object = undefined;
      skipping = false;
      return;
    }
    if (skipping) return;
    objectChars += line.length;
    if (objectChars > MAX_OBJECT_CHARS) {
      object = undefined;
      skipping = true;
      return;
    }
    object!.push(line);
  };
  return {
    write(chunk) {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        handle(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
      if (pending.length > MAX_OBJECT_CHARS) pending = '';
    },
    end() {
      if (pending) handle(pending);
      pending = '';
    },
  };
}

/** The last `count` lines, for a failure message. */
export function tail(lines: string[], count = 15): string {
  return lines.slice(-count).join('\n');
}
