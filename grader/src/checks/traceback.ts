/**
 * Where a Python traceback in container logs points in the student's code: the innermost frame
 * that is not in the standard library, site-packages or importlib, mapped from the container's
 * path (e.g. /app/app.py) to the submission's `starter/` folder, plus the exception line.
 */
import type { Finding } from '../model/result.ts';

export interface TracebackLocation {
  file: string;
  line: number;
  error?: string;
}

const FRAME = /File "([^"]+)", line (\d+)/g;
const LIBRARY = /(site-packages|dist-packages|<frozen|\/usr\/lib\/python|\/usr\/local\/lib\/python)/;
const ERROR_LINE = /^([A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b.*)$/m;

export function locateTraceback(logs: string): TracebackLocation | undefined {
  let found: { path: string; line: number } | undefined;
  for (const match of logs.matchAll(FRAME)) {
    const path = match[1]!;
    if (!LIBRARY.test(path) && path.endsWith('.py')) found = { path, line: Number(match[2]) };
  }
  if (!found) return undefined;
  const name = found.path.split('/').pop()!;
  const errors = [...logs.matchAll(new RegExp(ERROR_LINE.source, 'gm'))];
  const error = errors.at(-1)?.[1]?.trim();
  return { file: `starter/${name}`, line: found.line, ...(error ? { error: error.slice(0, 200) } : {}) };
}

/**
 * The verdict for an app that stopped before answering: where its traceback points (file:line and
 * the exception) when the logs hold one, else a pointer to the logs command and to `codeFile`, the
 * lab's file of the app's code.
 */
export function crashFinding(what: string, logs: string, logsCommand: string, codeFile = 'starter/app.py'): Finding {
  const place = locateTraceback(logs);
  if (place) {
    return {
      status: 'fail',
      file: place.file,
      line: place.line,
      message: `${what} Python s'est arrêté sur ${place.file}:${place.line}${place.error ? ` avec « ${place.error} »` : ''}. Corrigez cette ligne (la trace complète est dans ${logsCommand}), reconstruisez et relancez.`,
      excerpt: logs,
    };
  }
  return {
    status: 'fail',
    file: codeFile,
    message: `${what} Lisez la fin de ses journaux ci-dessous (${logsCommand}) : une trace Python indique le fichier et la ligne en cause.`,
    excerpt: logs,
  };
}
