import type { HttpReadiness } from '../../grader/src/docker/wait/health.ts';

/** The lab's API as the subject asks for it (exercises 3–4): uvicorn on port 8000, `GET /health`. */
export const LAB_API = { port: 8000 } as const;

/** Whether a body is the JSON object {"status": "ok"} (key order and spacing free, nothing else). */
export function isHealthyBody(body: string): boolean {
  try {
    const value = JSON.parse(body) as unknown;
    return (
      typeof value === 'object' && value !== null && !Array.isArray(value) &&
      Object.keys(value).length === 1 && (value as Record<string, unknown>).status === 'ok'
    );
  } catch {
    return false;
  }
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
