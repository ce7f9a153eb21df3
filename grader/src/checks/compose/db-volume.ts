import { posix } from 'node:path';
import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { asDict, COMPOSE_PATH, composeLoader, missingService, serviceOf, unusable, type ComposeFile } from './compose-file.ts';
import { serviceEnvironment } from './environment.ts';
import { interpolate } from './interpolate.ts';

const DEFAULT_PGDATA = '/var/lib/postgresql/data';
const FIX = 'Montez un volume nommé : volumes: ["pgdata:/var/lib/postgresql/data"] dans db, et déclarez pgdata: sous volumes: au premier niveau du fichier.';
const at = (file: ComposeFile, ...path: Array<string | number>) => ({ file: COMPOSE_PATH, line: file.lineOf(['services', 'db', ...path]) });

export const criterion: StaticCriterion = {
  id: 'compose.db-volume',
  kind: 'static',
  async judge(ctx) {
    const load = await ctx.load(composeLoader);
    if (load.state === 'bad') return unusable(load);
    const { file } = load;
    const db = serviceOf(file, 'db');
    if (!db) return missingService(file, 'db', 'avec un volume nommé sur /var/lib/postgresql/data');

    // PostgreSQL writes to PGDATA; a mount on PGDATA or on one of its parents keeps the data.
    const pgdata = (await serviceEnvironment(ctx, file, 'db')).vars.get('PGDATA');
    const custom = pgdata?.value !== undefined && pgdata.unresolved.length === 0 ? clean(pgdata.value) : undefined;
    const dataDir = custom ?? DEFAULT_PGDATA;
    const covers = (target: string) => target === dataDir || (custom !== undefined && dataDir.startsWith(`${target}/`));

    const entries = Array.isArray(db.volumes) ? db.volumes : [];
    const index = entries.findIndex((entry) => {
      const mount = parseMount(entry);
      return mount !== undefined && covers(mount.target);
    });
    const mount = index < 0 ? undefined : parseMount(entries[index]);
    if (!mount) {
      return fail(
        `Le service db ne monte aucun volume sur ${dataDir} : les données restent dans le conteneur et sont perdues dès que docker compose down le supprime. ${FIX}`,
        at(file, ...(db.volumes === undefined ? [] : ['volumes'])),
      );
    }
    const where = at(file, 'volumes', index);
    switch (mount.kind) {
      case 'volume': {
        if (mount.source in (asDict(file.data.volumes) ?? {})) return pass();
        return fail(
          `Le volume « ${mount.source} » est monté dans db mais n'est pas déclaré sous volumes: au premier niveau : Compose refuse alors de démarrer. Ajoutez en fin de fichier volumes: puis, indenté, ${mount.source}:.`,
          where,
        );
      }
      case 'anonymous':
        return fail(
          `Le volume monté sur ${mount.target} est anonyme : après docker compose down puis up, PostgreSQL repart d'un volume neuf et vide, les données sont perdues. Donnez-lui un nom (pgdata:${mount.target}) et déclarez pgdata: sous volumes: au premier niveau.`,
          where,
        );
      case 'bind':
        return fail(
          `${mount.target} est un montage de dossier (bind mount « ${mount.source} ») et non un volume nommé : les fichiers de PostgreSQL atterrissent dans votre dépôt et échappent à Compose (down garde un volume nommé, down -v l'efface : c'est ce que le TP fait observer). ${FIX}`,
          where,
        );
      case 'tmpfs':
        return fail(`${mount.target} est monté en tmpfs (en mémoire) : les données disparaissent à chaque arrêt du conteneur. ${FIX}`, where);
      default:
        return fail(`${mount.target} est monté avec un type inattendu pour des données PostgreSQL. ${FIX}`, where);
    }
  },
};

type Mount =
  | { kind: 'volume'; source: string; target: string }
  | { kind: 'bind' | 'anonymous' | 'tmpfs' | 'other'; source?: string; target: string };

const clean = (path: string): string => posix.normalize(path).replace(/(.)\/+$/, '$1');

/** One `volumes:` entry of a service (short `source:target[:mode]` or long form). Exported for tests. */
export function parseMount(entry: unknown): Mount | undefined {
  const long = asDict(entry);
  if (long) {
    if (typeof long.target !== 'string') return undefined;
    const target = clean(interpolate(long.target).value);
    const source = typeof long.source === 'string' ? interpolate(long.source).value : undefined;
    if (long.type === 'volume') return source ? { kind: 'volume', source, target } : { kind: 'anonymous', target };
    if (long.type === 'bind' || long.type === 'tmpfs') return { kind: long.type, target, ...(source ? { source } : {}) };
    return { kind: 'other', target };
  }
  if (typeof entry !== 'string') return undefined;
  const parts = interpolate(entry).value.split(':');
  if (parts.length === 1) return { kind: 'anonymous', target: clean(parts[0]!) };
  const [source = '', target = ''] = parts;
  if (!target.startsWith('/')) return undefined;
  // Compose reads a source that looks like a path as a bind mount, anything else as a volume name.
  const kind = /^[./~]/.test(source) ? 'bind' : 'volume';
  return { kind, source, target: clean(target) };
}
