import { posix } from 'node:path';

/** Paths a student owns (README, « Ce que vous rendez »): the only ones graded, and the only ones a regrade copies. */
export const STUDENT_OWNED = ['starter/', 'docker-compose.yml', 'REPORT.md', 'captures/'] as const;

/** Normalises a repository-relative path (POSIX separators, no leading `./`); null when it leaves the root. */
export function normalizeRelative(rel: string): string | null {
  if (rel.includes('\0')) return null;
  const clean = posix.normalize(rel.replaceAll('\\', '/')).replace(/^(\.\/)+/, '');
  if (clean === '..' || clean.startsWith('../') || posix.isAbsolute(clean)) return null;
  return clean === '.' ? '' : clean.replace(/\/$/, '');
}

export function isStudentOwned(rel: string): boolean {
  const clean = normalizeRelative(rel);
  if (clean === null) return false;
  return STUDENT_OWNED.some((owned) => (owned.endsWith('/') ? clean.startsWith(owned) || clean === owned.slice(0, -1) : clean === owned));
}
