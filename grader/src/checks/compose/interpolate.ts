/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, `$$` for a literal `$`), evaluated as if
 * no variable were set: the grader never reads the shell environment nor the `.env` file, which is
 * not a student-owned path. Defaults therefore apply; anything else is reported as unresolved.
 */
export interface Interpolated {
  /** The value Compose would compute with no variable set (unset variables become empty). */
  value: string;
  /** Variables whose value would come from the environment (no default to fall back on). */
  unresolved: string[];
  /** True when the text is not valid interpolation syntax (Compose refuses the file). */
  invalid: boolean;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

export function interpolate(text: string, depth = 0): Interpolated {
  const result: Interpolated = { value: '', unresolved: [], invalid: false };
  if (depth > 10) return { value: text, unresolved: [], invalid: true };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== '$') {
      result.value += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      result.value += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) return { ...result, value: result.value + text.slice(i), invalid: true };
      const inner = braced(text.slice(i + 2, end), depth);
      result.value += inner.value;
      result.unresolved.push(...inner.unresolved);
      result.invalid ||= inner.invalid;
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (name) {
        result.unresolved.push(name);
        i += 1 + name.length;
      } else {
        result.value += '$';
        i += 1;
      }
    }
  }
  return result;
}

/** Index of the `}` closing a `${` whose body starts at `from`, honouring nested `${…}`; -1 when none. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth += 1;
      i += 1;
    } else if (text[i] === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function braced(body: string, depth: number): Interpolated {
  const name = NAME.exec(body)?.[0];
  if (!name) return { value: '', unresolved: [], invalid: true };
  const rest = body.slice(name.length);
  if (rest === '') return { value: '', unresolved: [name], invalid: false };
  const operator = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!operator) return { value: '', unresolved: [], invalid: true };
  const argument = rest.slice(operator.length);
  // The variable is unset: `-` and `:-` fall back on the default, `+` and `:+` give nothing,
  // `?` and `:?` make Compose stop with an error unless the variable is set.
  if (operator.endsWith('-')) return interpolate(argument, depth + 1);
  if (operator.endsWith('+')) return { value: '', unresolved: [], invalid: false };
  return { value: '', unresolved: [name], invalid: false };
}
