import type { Finding } from '../model/result.ts';
import type { EngineAbsence } from '../docker/engine.ts';

/** Whether the grader runs in CI, where a missing engine is the grader's error, not the student's. */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI && env.CI !== 'false') || env.GITHUB_ACTIONS === 'true';
}

/** Where the grader looked for the engine, in the student's words: the address and what chose it. */
function where(absence: EngineAbsence): string {
  if (absence.kind === 'bad-context') return `le contexte Docker${absence.context ? ` \`${absence.context}\`` : ''} est illisible`;
  const { endpoint } = absence;
  const chosenBy = {
    DOCKER_HOST: 'donnée par la variable `DOCKER_HOST`',
    DOCKER_CONTEXT: `du contexte \`${endpoint.context}\` choisi par la variable \`DOCKER_CONTEXT\``,
    config: `du contexte courant \`${endpoint.context}\` (\`docker context use\`)`,
    default: "par défaut, sans contexte ni `DOCKER_HOST`",
  }[endpoint.source];
  return `adresse \`${endpoint.host}\`, ${chosenBy}`;
}

/** The verdict of a dynamic criterion when no Docker engine (or one of its plugins) is usable. */
export function engineAbsentFinding(absence: EngineAbsence, env: NodeJS.ProcessEnv = process.env): Finding {
  if (inCI(env)) {
    return { status: 'error', message: `Aucun moteur Docker utilisable sur la machine d'intégration continue (${absence.reason} ; ${where(absence)}) : le correcteur ne peut pas juger ce critère.` };
  }
  switch (absence.kind) {
    case 'no-compose':
      return { status: 'skip', message: `Non vérifié : Docker répond (${where(absence)}) mais le plugin Docker Compose v2 (\`docker compose\`) n'est pas installé. Installez-le (il est fourni avec Docker Desktop), vérifiez avec \`docker compose version\`, puis relancez \`npm test\`.` };
    case 'no-buildx':
      return { status: 'skip', message: `Non vérifié : Docker répond (${where(absence)}) mais le plugin buildx (\`docker buildx\`), qui construit les images avec BuildKit comme \`docker build\`, n'est pas installé. Installez-le (il est fourni avec Docker Desktop et Docker CE), vérifiez avec \`docker buildx version\`, puis relancez \`npm test\`.` };
    case 'bad-context':
      return { status: 'skip', message: `Non vérifié : ${where(absence)} (${absence.reason}). Listez vos contextes avec \`docker context ls\`, choisissez-en un qui existe avec \`docker context use NOM\`, vérifiez avec \`docker info\`, puis relancez \`npm test\`.` };
    case 'no-engine':
      return {
        status: 'skip',
        message: `Non vérifié : Docker ne répond pas (${where(absence)}). Démarrez Docker Desktop (ou \`sudo systemctl start docker\` sous Linux), vérifiez le contexte utilisé avec \`docker context ls\` puis \`docker info\`, et relancez \`npm test\`.`,
      };
  }
}
