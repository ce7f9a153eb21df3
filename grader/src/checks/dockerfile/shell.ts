// Small word lexer shared by the Dockerfile checks: Docker's own word rules (quotes, escape
// character, $VAR / ${VAR:-default} expansion) and just enough POSIX shell to split a RUN script
// into simple commands. It never throws: odd input gives odd words, not an exception.

/** Value of a variable, or undefined when it has none. */
export type Lookup = (name: string) => string | undefined;

export interface Expanded {
  value: string;
  /** Variables referenced without a value (expanded to the empty string, as Docker does). */
  unresolved: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Splits text into commands of raw words (quotes kept, for `expandWord`). In shell mode, `;`, `&&`,
 * `||`, `|`, `&`, parentheses and newlines end a command and `#` starts a comment.
 */
export function tokenize(text: string, escape = '\\', shell = false): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === escape) {
      const next = text[i + 1];
      if (next === '\n') {
        i++;
        continue;
      }
      word += next === undefined ? ch : ch + next;
      inWord = true;
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += ch === '"' && text[j] === escape ? 2 : 1;
      word += text.slice(i, j + 1);
      inWord = true;
      i = j;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (shell && ch === '\n') endCommand();
      else endWord();
      continue;
    }
    if (shell) {
      if (ch === '#' && !inWord) {
        while (i + 1 < text.length && text[i + 1] !== '\n') i++;
        continue;
      }
      const redirect = ch === '&' && (word.endsWith('>') || word.endsWith('<') || text[i + 1] === '>');
      if (';&|()'.includes(ch) && !redirect) {
        endCommand();
        continue;
      }
    }
    word += ch;
    inWord = true;
  }
  endCommand();
  return commands;
}

/** Splits Docker instruction arguments into words (no operators) and expands them. */
export function dockerWords(text: string, escape: string, lookup: Lookup): Expanded[] {
  return (tokenize(text, escape, false)[0] ?? []).map((raw) => expandWord(raw, lookup, escape));
}

/** Removes quotes and escapes from a raw word and expands its variables. */
export function expandWord(raw: string, lookup: Lookup, escape = '\\'): Expanded {
  const unresolved: string[] = [];
  let value = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else value += ch;
      continue;
    }
    if (ch === escape && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      if (quote === '"' && !['"', '$', escape].includes(next)) value += ch;
      value += next;
      i++;
      continue;
    }
    if (ch === '"') {
      quote = quote === '"' ? null : '"';
      continue;
    }
    if (ch === "'" && quote === null) {
      quote = "'";
      continue;
    }
    if (ch === '$') {
      const variable = readVariable(raw, i, lookup, unresolved);
      if (variable) {
        value += variable.value;
        i = variable.end - 1;
        continue;
      }
    }
    value += ch;
  }
  return { value, unresolved };
}

/** Expands variables in an already unquoted value (e.g. an ENV value returned by the parser). */
export function expandVariables(text: string, lookup: Lookup): Expanded {
  const unresolved: string[] = [];
  let value = '';
  for (let i = 0; i < text.length; i++) {
    const variable = text[i] === '$' ? readVariable(text, i, lookup, unresolved) : null;
    if (variable) {
      value += variable.value;
      i = variable.end - 1;
    } else {
      value += text[i];
    }
  }
  return { value, unresolved };
}

/** Reads `$NAME` or `${NAME…}` at `start`; null when the `$` is literal. */
function readVariable(
  text: string,
  start: number,
  lookup: Lookup,
  unresolved: string[],
): { value: string; end: number } | null {
  const resolve = (name: string): string | undefined => {
    const found = lookup(name);
    if (found === undefined && !unresolved.includes(name)) unresolved.push(name);
    return found;
  };
  if (NAME_START.test(text[start + 1] ?? '')) {
    let end = start + 1;
    while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
    return { value: resolve(text.slice(start + 1, end)) ?? '', end };
  }
  if (text[start + 1] !== '{') return null;
  let depth = 0;
  let close = -1;
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close < 0) return null;
  const inner = text.slice(start + 2, close);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(inner);
  if (!match) {
    unresolved.push(inner);
    return { value: '', end: close + 1 };
  }
  const [, name = '', op, word = ''] = match;
  const found = lookup(name);
  const set = found !== undefined && (found !== '' || !op?.startsWith(':'));
  const alternative = (): string => expandVariables(word, lookup).value;
  let value: string;
  if (op === ':-' || op === '-') value = set ? found! : alternative();
  else if (op === ':+' || op === '+') value = set ? alternative() : '';
  else value = resolve(name) ?? '';
  if (op === ':-' || op === '-') {
    const nested = expandVariables(word, lookup).unresolved;
    if (!set) for (const n of nested) if (!unresolved.includes(n)) unresolved.push(n);
  }
  return { value, end: close + 1 };
}

/** POSIX path join/normalisation for paths inside the image. */
export function resolveImagePath(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${base}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Last path component, ignoring trailing slashes. */
export function baseName(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return parts[parts.length - 1] ?? '';
}
