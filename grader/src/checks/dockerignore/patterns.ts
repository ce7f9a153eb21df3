// Docker's .dockerignore semantics: one pattern a line, `#` comments at line start, `!` re-includes,
// patterns cleaned like Go's filepath.Clean and relative to the context root, `*` and `?` never
// cross `/`, `**` spans any number of directories, a pattern that matches a directory excludes
// everything under it, and the last matching pattern wins.

export interface IgnorePattern {
  /** 1-based line in the file. */
  line: number;
  text: string;
  exclusion: boolean;
  regexp: RegExp;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.split('\n').forEach((rawLine, index) => {
    if (rawLine.startsWith('#')) return;
    let pattern = rawLine.trim();
    if (pattern === '') return;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    const regexp = compile(pattern);
    if (regexp) patterns.push({ line: index + 1, text: rawLine.trim(), exclusion, regexp });
  });
  return patterns;
}

/** Whether a context-relative path is left out of the build context. */
export function isExcluded(patterns: IgnorePattern[], path: string): boolean {
  const decisive = lastMatch(patterns, path);
  return decisive !== null && !decisive.exclusion;
}

/** The pattern that decides a path's fate (the last one matching it or one of its parents), if any. */
export function lastMatch(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  const parents = path.split('/').slice(0, -1);
  let decisive: IgnorePattern | null = null;
  for (const pattern of patterns) {
    let match = pattern.regexp.test(path);
    for (let i = 1; !match && i <= parents.length; i++) match = pattern.regexp.test(parents.slice(0, i).join('/'));
    if (match) decisive = pattern;
  }
  return decisive;
}

/** Go's filepath.Clean for slash-separated paths. */
function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !rooted) parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Translates a cleaned pattern to an anchored regular expression; null when it is invalid. */
function compile(pattern: string): RegExp | null {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return null;
      let set = pattern.slice(i + 1, close);
      if (set.startsWith('^') || set.startsWith('!')) set = `^${set.slice(1)}`;
      source += `[${set.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (ch === '\\') {
      const next = pattern[i + 1];
      source += next === undefined ? '\\\\' : escapeRegExp(next);
      i++;
    } else {
      source += escapeRegExp(ch);
    }
  }
  try {
    return new RegExp(`${source}$`, 'u');
  } catch {
    return null;
  }
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
