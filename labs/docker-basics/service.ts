// The HTTP service of the lab « Docker_basics »: a Flask application served by gunicorn on port
// 5000, `GET /health` answering {"status": "ok"}.
import type { HttpServiceContract } from '../../grader/src/lab/lab.ts';
import { isJsonObject } from '../../grader/src/lab/json-body.ts';

const PORT = 5000;

/** gunicorn on a process's command line: its script (`…/bin/gunicorn …`), `python -m gunicorn`, or its process title (`gunicorn: master […]`). */
const GUNICORN = /(?:^|[\s/])gunicorn(?::|\s|$)/;

/**
 * Flask's development server: `flask run` (or `python -m flask run`), or a Python script run
 * directly, which can only serve HTTP with `app.run()` in this lab.
 */
const FLASK_DEVELOPMENT = /(?:^|[\s/])flask\s+(?:--?\S+\s+)*run\b|(?:^|\s)-m\s+flask\b|(?:^|[\s/])python[\d.]*\s+(?:-\S+\s+)*\S*\.py\b/;

/**
 * Gunicorn's start-up line when every address it listens on is a loopback one, or Flask's
 * development server listening on 127.0.0.1 only (it names « all addresses » when it does not):
 * the published port then reaches nothing.
 */
const LOOPBACK_ONLY = /Listening at: (?:https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?,?)+ \(|^(?![\s\S]*Running on all addresses)[\s\S]*Running on https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/;

export const SERVICE: HttpServiceContract = {
  port: PORT,
  health: {
    path: '/health',
    accepts: (status, body) => status === 200 && isJsonObject(body, { status: 'ok' }),
    unreachableLog: LOOPBACK_ONLY,
    wording: {
      noPort: `aucun port publié pour ${PORT}`,
      answered: (status) => `réponse ${status}`,
      unreachable: 'le serveur écoute sur 127.0.0.1',
      noAnswer: (reason) => `pas de réponse (${reason})`,
    },
  },
  launch: {
    program: 'gunicorn',
    bindAll: `--bind 0.0.0.0:${PORT}`,
    cmd: `CMD ["gunicorn", "--bind", "0.0.0.0:${PORT}", "app:app"]`,
  },
  server: {
    name: 'gunicorn',
    process: GUNICORN,
    instead: [
      {
        name: 'le serveur de développement de Flask',
        process: FLASK_DEVELOPMENT,
        why: 'Flask prévient lui-même au démarrage que ce serveur ne doit pas servir en production (« WARNING: This is a development server »), il n’est fait ni pour la charge ni pour la sécurité',
      },
    ],
  },
};
