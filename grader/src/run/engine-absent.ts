import type { Finding } from '../model/result.ts';

/** Whether the grader runs in CI, where a missing engine is the grader's error, not the student's. */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI && env.CI !== 'false') || env.GITHUB_ACTIONS === 'true';
}

/** The verdict of a dynamic criterion when no Docker engine answers. */
export function engineAbsentFinding(reason: string, env: NodeJS.ProcessEnv = process.env): Finding {
  if (inCI(env)) {
    return { status: 'error', message: `Aucun moteur Docker utilisable sur la machine d'intégration continue (${reason}) : le correcteur ne peut pas juger ce critère.` };
  }
  return {
    status: 'skip',
    message: 'Non vérifié : Docker ne répond pas sur cette machine. Démarrez Docker Desktop (ou `sudo systemctl start docker` sous Linux), vérifiez avec `docker info`, puis relancez `npm test`.',
  };
}
