// Test helpers for the static checks of starter/: run a check on file contents given as strings,
// or on a real submission folder written by makeSubmission.
import { createStaticContext } from '../check.ts';
import type { StaticCriterion } from '../criterion.ts';
import type { Finding } from '../../model/result.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission, type FileRead } from '../../submission/submission.ts';
import { makeSubmission, type Overlay } from '../../submission/testing.ts';

/** Runs a check against in-memory files (path → content); absent paths read as missing. */
export async function runOn(check: StaticCriterion, files: Record<string, string | Buffer>): Promise<Finding> {
  const submission = {
    async read(rel: string): Promise<FileRead> {
      const content = files[rel];
      if (content === undefined) return { state: 'missing', path: rel };
      return { state: 'ok', path: rel, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') };
    },
  } as unknown as Submission;
  return check.judge(createStaticContext(submission, DEFAULT_SETTINGS));
}

/** Runs a check against `starter/Dockerfile` given as a string. */
export function runOnDockerfile(check: StaticCriterion, dockerfile: string): Promise<Finding> {
  return runOn(check, { 'starter/Dockerfile': dockerfile });
}

/** Grades a real folder: the reference solution (or `base`) with `overlay` applied. */
export async function runOnFolder(check: StaticCriterion, overlay: Overlay = {}, base?: string): Promise<Finding> {
  const { dir, cleanup } = await makeSubmission(overlay, base);
  try {
    return await check.judge(createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS));
  } finally {
    await cleanup();
  }
}

/** A Dockerfile that satisfies every criterion, for tests to vary one line at a time. */
export const GOOD = `FROM python:3.13-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
RUN useradd --create-home appuser
USER appuser
EXPOSE 8000
HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"]
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`;
