import { posix } from 'node:path';
import type { StaticCriterion } from '../criterion.ts';
import { fail, pass, type Finding } from '../../model/result.ts';
import { normalizeRelative } from '../../submission/paths.ts';
import { asDict, COMPOSE_PATH, composeLoader, missingService, serviceOf, unusable, type ComposeFile } from './compose-file.ts';
import { interpolate } from './interpolate.ts';

const API_PORT = 8000;
const at = (file: ComposeFile, ...path: Array<string | number>) => ({ file: COMPOSE_PATH, line: file.lineOf(['services', 'api', ...path]) });

export const criterion: StaticCriterion = {
  id: 'compose.api',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    const { file } = load;
    const api = serviceOf(file, 'api');
    if (!api) return missingService(file, 'api', 'construit depuis ./starter, port 8000');
    return checkBuild(file, api) ?? checkPorts(file, api) ?? pass();
  },
};

function checkBuild(file: ComposeFile, api: Record<string, unknown>): Finding | undefined {
  const build = api.build;
  if (build === undefined || build === null) {
    if (api.image !== undefined) {
      return fail(
        `Le service api utilise seulement image: « ${String(api.image)} » : Compose ne construira pas votre code. Ajoutez build: ./starter pour construire l'image depuis votre Dockerfile.`,
        at(file, 'image'),
      );
    }
    return fail(`Le service api n'a pas de build: : ajoutez build: ./starter pour construire l'image depuis starter/Dockerfile.`, at(file));
  }
  const long = asDict(build);
  if (typeof build !== 'string' && !long) return fail(`build: du service api doit être un chemin (build: ./starter).`, at(file, 'build'));
  const rawContext = typeof build === 'string' ? build : long?.context === undefined ? '.' : String(long.context);
  const contextLine = typeof build === 'string' || long?.context === undefined ? at(file, 'build') : at(file, 'build', 'context');
  const context = interpolate(rawContext);
  if (context.unresolved.length > 0) {
    return fail(
      `Le contexte de build « ${rawContext} » dépend de la variable ${context.unresolved[0]}, que le correcteur ne connaît pas (il ne lit pas .env) : écrivez build: ./starter.`,
      contextLine,
    );
  }
  const dir = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context.value) ? null : normalizeRelative(context.value);
  if (dir !== 'starter') {
    return fail(
      `Le service api est construit depuis « ${rawContext} » au lieu du dossier starter/ : écrivez build: ./starter (le dossier qui contient app.py et le Dockerfile).`,
      contextLine,
    );
  }
  if (long?.dockerfile_inline !== undefined) {
    return fail(`dockerfile_inline remplace votre starter/Dockerfile : supprimez-le pour construire avec starter/Dockerfile.`, at(file, 'build', 'dockerfile_inline'));
  }
  if (long?.dockerfile !== undefined) {
    const dockerfile = interpolate(String(long.dockerfile)).value;
    const resolved = posix.isAbsolute(dockerfile) ? dockerfile : posix.normalize(posix.join(dir, dockerfile));
    if (resolved !== 'starter/Dockerfile') {
      return fail(
        `build.dockerfile « ${String(long.dockerfile)} » ne désigne pas starter/Dockerfile : retirez cette ligne ou écrivez dockerfile: Dockerfile (chemin relatif au contexte).`,
        at(file, 'build', 'dockerfile'),
      );
    }
  }
  return undefined;
}

function checkPorts(file: ComposeFile, api: Record<string, unknown>): Finding | undefined {
  const ports = Array.isArray(api.ports) ? api.ports : [];
  if (ports.length === 0) {
    const exposeOnly = api.expose !== undefined ? ' (expose: ne rend le port accessible qu’aux autres conteneurs, pas à votre machine)' : '';
    return fail(
      `Le service api ne publie aucun port${exposeOnly} : ajoutez ports: ["8000:8000"] pour joindre l'API sur http://localhost:8000.`,
      api.ports === undefined ? at(file) : at(file, 'ports'),
    );
  }
  const seen: string[] = [];
  for (const entry of ports) {
    const port = containerPorts(entry);
    if (!port) continue;
    if (port.protocol === 'tcp' && port.start <= API_PORT && API_PORT <= port.end) return undefined;
    seen.push(`${port.start === port.end ? port.start : `${port.start}-${port.end}`}/${port.protocol}`);
  }
  const found = seen.length > 0 ? `il publie seulement le(s) port(s) conteneur ${seen.join(', ')}` : 'aucune entrée de ports: n’est lisible';
  return fail(
    `Le service api ne publie pas le port 8000 du conteneur (celui où écoute uvicorn) : ${found}. Écrivez ports: ["8000:8000"] (hôte:conteneur).`,
    at(file, 'ports'),
  );
}

interface ContainerPorts {
  start: number;
  end: number;
  protocol: string;
}

/** The container side of one `ports:` entry (short string, number, or long form). Exported for tests. */
export function containerPorts(entry: unknown): ContainerPorts | undefined {
  if (typeof entry === 'number') return Number.isInteger(entry) ? { start: entry, end: entry, protocol: 'tcp' } : undefined;
  const long = asDict(entry);
  if (long) {
    const target = Number(interpolate(String(long.target ?? '')).value);
    const protocol = long.protocol === undefined ? 'tcp' : String(long.protocol).toLowerCase();
    return Number.isInteger(target) && target > 0 ? { start: target, end: target, protocol } : undefined;
  }
  if (typeof entry !== 'string') return undefined;
  const [spec = '', protocol = 'tcp', ...extra] = interpolate(entry).value.trim().split('/');
  if (extra.length > 0) return undefined;
  // [[host_ip:]host_port:]container_port, host_ip possibly an IPv6 address (bracketed or not).
  const withoutIp = spec.startsWith('[') ? spec.slice(spec.indexOf(']') + 1).replace(/^:/, '') : spec;
  const container = withoutIp.split(':').at(-1) ?? '';
  const range = /^(\d+)(?:-(\d+))?$/.exec(container);
  if (!range) return undefined;
  const start = Number(range[1]);
  return { start, end: range[2] === undefined ? start : Number(range[2]), protocol: protocol.toLowerCase() };
}
