/**
 * The production part of an npm lockfile (v2/v3 `packages` map): what `npm install --omit=dev`
 * would keep for a package.json without devDependencies. Written here rather than run through npm
 * (`npm install --package-lock-only`) because the export and the manifest must derive the same
 * bytes offline, whatever npm version the instructor has; the format is npm's documented one.
 */

export interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

export class LockfileError extends Error {}

/** Where Node's resolution finds `name` required from the package installed at `from` ('' = root). */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

interface Edge {
  name: string;
  optional: boolean;
  peer: boolean;
}

function edges(entry: LockEntry, withDev: boolean): Edge[] {
  const out: Edge[] = [];
  for (const name of Object.keys(entry.dependencies ?? {})) out.push({ name, optional: false, peer: false });
  for (const name of Object.keys(entry.optionalDependencies ?? {})) out.push({ name, optional: true, peer: false });
  if (withDev) for (const name of Object.keys(entry.devDependencies ?? {})) out.push({ name, optional: false, peer: false });
  // Optional peers are never installed for their own sake (npm only links them when present).
  for (const name of Object.keys(entry.peerDependencies ?? {})) {
    if (!entry.peerDependenciesMeta?.[name]?.optional) out.push({ name, optional: false, peer: true });
  }
  return out;
}

/**
 * The lockfile `lock` as npm writes it for the root package `root` (its name, version, engines and
 * dependencies replace those of the lockfile's root entry; no devDependencies): only the packages
 * the runtime dependencies reach, with npm's `optional` / `peer` flags recomputed and no `dev` ones.
 * Idempotent. A required dependency that the lockfile does not hold is an error.
 */
export function productionLockfile(lock: Lockfile, root: { name?: string; version?: string; engines?: unknown; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }): Lockfile {
  if (!lock || typeof lock.packages !== 'object' || lock.packages === null || !('' in lock.packages)) throw new LockfileError('package-lock.json has no "packages" map with a root entry (lockfile v2 or v3 expected)');
  const packages = lock.packages;
  const rootEntry: LockEntry = { ...packages[''] };
  for (const key of ['dependencies', 'optionalDependencies', 'devDependencies', 'engines'] as const) delete rootEntry[key];
  if (root.name !== undefined) rootEntry.name = root.name;
  if (root.version !== undefined) rootEntry.version = root.version;
  if (root.dependencies) rootEntry.dependencies = root.dependencies;
  if (root.optionalDependencies) rootEntry.optionalDependencies = root.optionalDependencies;
  if (root.engines !== undefined) rootEntry.engines = root.engines;

  // Breadth-first over (path, reached through an optional edge, reached through a peer edge): a
  // package is optional when no path to it is required, peer when every path goes through a peer.
  const required = new Set<string>();
  const nonPeer = new Set<string>();
  const reached = new Set<string>();
  const queue: Array<{ path: string; optional: boolean; peer: boolean }> = [];
  const visit = (from: string, entry: LockEntry, optional: boolean, peer: boolean) => {
    for (const edge of edges(entry, false)) {
      const path = resolve(packages, from, edge.name);
      if (path === undefined) {
        if (edge.optional || optional) continue;
        throw new LockfileError(`package-lock.json lacks ${edge.name}, required by ${from || 'the root package'}: run npm install`);
      }
      const next = { path, optional: optional || edge.optional, peer: peer || edge.peer };
      const seen = reached.has(path) && (next.optional || required.has(path)) && (next.peer || nonPeer.has(path));
      if (seen) continue;
      reached.add(path);
      if (!next.optional) required.add(path);
      if (!next.peer) nonPeer.add(path);
      queue.push(next);
    }
  };
  visit('', rootEntry, false, false);
  while (queue.length > 0) {
    const { path, optional, peer } = queue.shift()!;
    visit(path, packages[path]!, optional, peer);
  }

  const kept: Record<string, LockEntry> = { '': rootEntry };
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || !reached.has(path)) continue;
    // npm's flags, recomputed; the other keys keep their order.
    const flags: Partial<LockEntry> = { ...(required.has(path) ? {} : { optional: true }), ...(nonPeer.has(path) ? {} : { peer: true }) };
    const copy: LockEntry = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'dev' || key === 'devOptional') continue;
      if (key === 'optional' || key === 'peer') {
        if (flags[key]) copy[key] = true;
      } else copy[key] = value;
    }
    kept[path] = { ...copy, ...flags };
  }
  const out: Lockfile = { ...lock, packages: kept };
  if (root.name !== undefined) out.name = root.name;
  if (root.version !== undefined) out.version = root.version;
  return out;
}

/** Every package path of a lockfile but the root. */
export function lockedPaths(lock: Lockfile): string[] {
  return Object.keys(lock.packages).filter((path) => path !== '');
}
