// A CommonJS module typed as an ES one: its exports' `default` is the factory, for Node and tsc alike.
import dockerignore from '@balena/dockerignore';
import type { Ignore } from '@balena/dockerignore';

// Docker's .dockerignore semantics come from @balena/dockerignore (a port of Moby's matcher, the one
// dockerode uses to pack a build context). This module only keeps each line apart, so that a
// criterion can name the line that decides a path's fate.

export interface IgnorePattern {
  /** 1-based line in the file. */
  line: number;
  text: string;
  exclusion: boolean;
  /** The line's pattern without its `!`: whether it matches a path or one of its parent folders. */
  matcher: Ignore;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (rawLine.startsWith('#') || line === '') return;
    const exclusion = line.startsWith('!');
    const pattern = quoteMeta(exclusion ? line.slice(1).trim() : line);
    if (pattern === '') return;
    // Linux builders match case-sensitively (the package's default is Windows' case-insensitive match).
    const matcher = dockerignore.default({ ignorecase: false }).add(pattern);
    patterns.push({ line: index + 1, text: line, exclusion, matcher });
  });
  return patterns;
}

/**
 * Escapes `.+()|{}$` the way Docker's current matcher (moby/patternmatcher) does: the package,
 * ported from Moby 19.03, hands `+()|{}` to the regular expression as they are.
 */
function quoteMeta(pattern: string): string {
  return pattern.replace(/\\.|[+()|{}]/g, (ch) => (ch.length === 2 ? ch : `\\${ch}`));
}

/** Whether a context-relative path is left out of the build context. */
export function isExcluded(patterns: IgnorePattern[], path: string): boolean {
  const decisive = lastMatch(patterns, path);
  return decisive !== null && !decisive.exclusion;
}

/** The pattern that decides a path's fate (the last one matching it or one of its parents), if any. */
export function lastMatch(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  return patterns.findLast((pattern) => pattern.matcher.ignores(path)) ?? null;
}
