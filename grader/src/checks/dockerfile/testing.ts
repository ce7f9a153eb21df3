// Test helpers for the checks of starter/Dockerfile: a check run on the Dockerfile given as a string,
// and a Dockerfile that satisfies every criterion. The runners shared by every static check are in
// ../testing.ts, re-exported here.
import type { StaticCriterion } from '../criterion.ts';
import type { Finding } from '../../model/result.ts';
import type { Lab } from '../../lab/lab.ts';
import { runOn } from '../testing.ts';

export { runOn, runOnFolder } from '../testing.ts';

/** Runs a check against `starter/Dockerfile` given as a string, for `lab` (the root's by default), with `files` beside it. */
export function runOnDockerfile(check: StaticCriterion, dockerfile: string, lab?: Lab, files: Record<string, string> = {}): Promise<Finding> {
  return runOn(check, { ...files, 'starter/Dockerfile': dockerfile }, lab);
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
