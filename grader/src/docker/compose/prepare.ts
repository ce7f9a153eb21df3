import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { composeConfig } from './config.ts';
import { hostFileProblems, hostSafetyProblems, type HostSafetyProblem } from './host-safety.ts';
import type { ComposeModel } from './model.ts';
import { sanitizeModel } from './sanitize.ts';
import { ComposeStack } from './stack.ts';

/** Who runs the stack: the Compose project name, the run's labels, and the image built once for it. */
export interface StackRun {
  project: string;
  labels: Record<string, string>;
  image: string;
  /** Folder of the submission the image was built from, relative to it; services building it use the image. */
  imageContext: string;
}

export type PreparedStack =
  | { state: 'unparsable'; error: string }
  | { state: 'refused'; problems: HostSafetyProblem[] }
  | { state: 'config-failed'; error: string }
  | { state: 'ready'; services: string[]; stack: ComposeStack };

const CONFIG_TIMEOUT_MS = 30_000;

/**
 * A submission's `docker-compose.yml` made ready to run under the grader's rules, nothing started:
 * the host files it makes Compose read are checked first (`docker compose config` would already read
 * them), then Compose normalises it, anything unsafe for the host is refused, and the model is
 * rewritten so that the run owns everything it starts (`sanitizeModel`).
 */
export async function prepareStack(submissionRoot: string, run: StackRun, signal?: AbortSignal): Promise<PreparedStack> {
  const hostFiles = await readHostFileProblems(submissionRoot);
  if (!Array.isArray(hostFiles)) return hostFiles;
  if (hostFiles.length > 0) return { state: 'refused', problems: hostFiles };
  const config = await composeConfig(submissionRoot, { project: run.project, timeoutMs: CONFIG_TIMEOUT_MS, signal });
  if (config.state === 'timeout') return { state: 'config-failed', error: 'docker compose config did not answer within 30 s' };
  if (config.state !== 'ok') return { state: 'config-failed', error: config.state === 'invalid' ? config.stderr.trim() : config.reason };
  const model = config.config as ComposeModel;
  const problems = hostSafetyProblems(model, submissionRoot);
  if (problems.length > 0) return { state: 'refused', problems };
  const services = Object.keys(model.services ?? {});
  const safe = sanitizeModel(model, { ...run, submissionRoot });
  return { state: 'ready', services, stack: new ComposeStack(run.project, safe) };
}

/**
 * Host files the compose file makes Compose read (see `hostFileProblems`). A file this check cannot
 * read is refused, not let through: Compose's YAML parser might accept what ours rejects, and the
 * host files it names would then go unchecked.
 */
async function readHostFileProblems(submissionRoot: string): Promise<HostSafetyProblem[] | { state: 'unparsable'; error: string }> {
  let document: unknown;
  try {
    const text = await readFile(join(submissionRoot, 'docker-compose.yml'), 'utf8');
    document = parse(text, { maxAliasCount: 100, merge: true });
  } catch (error) {
    return { state: 'unparsable', error: (error as Error).message.split('\n')[0] ?? '' };
  }
  return hostFileProblems(document, submissionRoot);
}
