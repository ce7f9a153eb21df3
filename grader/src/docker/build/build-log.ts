/** Reads the JSON event stream of a classic `POST /build` into what the grader needs. */

export interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string };
  status?: string;
}

export interface BuildLog {
  /** Text the build printed, in order (student-controlled). */
  lines: string[];
  /** The last `Step N/M : INSTRUCTION` seen, i.e. the step running when the build stopped. */
  lastStep?: { index: number; total: number; instruction: string };
  /** The engine's error, when the build failed (dockerode reports a failed build as a successful stream). */
  error?: string;
  /** Id of the final stage's base image (the ` ---> id` right after its FROM step). */
  baseImageId?: string;
  /** Id of the built image. */
  imageId?: string;
  /** True between a FROM step and the id the engine prints for it. */
  awaitingBase?: boolean;
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const ARROW = /^ ---> ([0-9a-f]{12,64})$/;
const MAX_LINES = 2_000;
/** A longer line (a build printing megabytes without a newline) is cut: the log stays bounded in memory. */
const MAX_LINE_CHARS = 4_000;

export function createBuildLog(): BuildLog {
  return { lines: [] };
}

/** Folds one event into the log. */
export function addBuildEvent(log: BuildLog, event: BuildEvent): void {
  if (event.errorDetail || event.error) {
    log.error = event.errorDetail?.message ?? event.error ?? 'unknown build error';
    pushLine(log, log.error);
    return;
  }
  if (event.aux?.ID) log.imageId = event.aux.ID;
  const text = event.stream ?? event.status;
  if (!text) return;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r/g, '');
    if (line.trim() === '') continue;
    pushLine(log, line);
    const step = STEP.exec(line);
    if (step) {
      log.lastStep = { index: Number(step[1]), total: Number(step[2]), instruction: step[3] ?? '' };
      log.awaitingBase = /^FROM\s/i.test(log.lastStep.instruction);
      continue;
    }
    const arrow = ARROW.exec(line);
    if (arrow && log.awaitingBase) {
      log.baseImageId = arrow[1];
      log.awaitingBase = false;
    }
    const built = /^Successfully built ([0-9a-f]{12,64})$/.exec(line);
    if (built && !log.imageId) log.imageId = built[1];
  }
}

function pushLine(log: BuildLog, line: string): void {
  // Copied, not sliced: a slice would keep the engine's whole chunk alive in memory.
  log.lines.push(line.length > MAX_LINE_CHARS ? `${Buffer.from(line.slice(0, MAX_LINE_CHARS)).toString()} […]` : Buffer.from(line).toString());
  if (log.lines.length > MAX_LINES) log.lines.splice(0, log.lines.length - MAX_LINES);
}

/** The last `count` lines, for a failure message. */
export function tail(lines: string[], count = 15): string {
  return lines.slice(-count).join('\n');
}
