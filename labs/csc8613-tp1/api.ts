import type { HttpReadiness } from '../../grader/src/docker/wait/health.ts';
import { isJsonObject } from '../../grader/src/lab/json-body.ts';
import type { ServerLaunch } from '../../grader/src/lab/lab.ts';

/** The lab's API as the subject asks for it (exercises 3–4): uvicorn on port 8000, `GET /health`. */
export const LAB_API = { port: 8000 } as const;

/** How exercise 3 starts the API: uvicorn in an exec-form CMD, listening on every interface. */
export const LAB_LAUNCH: ServerLaunch = {
  program: 'uvicorn',
  bindAll: '--host 0.0.0.0',
  cmd: 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]',
};

/** Whether a body is the JSON object {"status": "ok"} (key order and spacing free, nothing else). */
export function isHealthyBody(body: string): boolean {
  return isJsonObject(body, { status: 'ok' });
}

/**
 * Ready: `GET /health` answers 200 with {"status":"ok"}. Uvicorn's start-up line tells when it
 * listens on 127.0.0.1 only, inside the container, where no published port reaches it.
 */
export const LAB_HEALTH: HttpReadiness = {
  path: '/health',
  accepts: (status, body) => status === 200 && isHealthyBody(body),
  unreachableLog: /Uvicorn running on https?:\/\/(127\.0\.0\.1|localhost)[:/]/,
  wording: {
    noPort: `aucun port publié pour ${LAB_API.port}`,
    answered: (status) => `réponse ${status}`,
    unreachable: 'uvicorn écoute sur 127.0.0.1',
    noAnswer: (reason) => `pas de réponse (${reason})`,
  },
};
