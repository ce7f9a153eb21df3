import type { Loader } from '../check.ts';
import { readStudentText } from '../student-text.ts';

export const REQUIREMENTS = 'starter/requirements.txt';

export interface Requirement {
  /** 1-based line where the requirement starts. */
  line: number;
  /** The requirement as written, comment removed. */
  text: string;
  name: string;
  /** Version specifier, e.g. `==0.115.11` or `>=0.100`; empty when none. */
  specifier: string;
  /** A direct reference (`name @ https://…`). */
  url: boolean;
}

export type RequirementsSource =
  | { ok: true; requirements: Requirement[] }
  | { ok: false; missing: boolean; message: string };

/** `starter/requirements.txt`, read and parsed once per grading run. */
export const requirementsSource: Loader<RequirementsSource> = {
  name: 'requirements',
  async run(ctx) {
    const read = await readStudentText(ctx.submission, REQUIREMENTS);
    return read.ok ? { ok: true, requirements: parseRequirements(read.text) } : read;
  },
};

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;

/**
 * pip's requirements-file format, as far as pinning goes: `\` joins lines, ` #` starts a comment,
 * option lines (`-r`, `--index-url`…) are not requirements, `; marker` is an environment marker.
 */
export function parseRequirements(text: string): Requirement[] {
  const requirements: Requirement[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let logical = lines[i]!;
    while (logical.endsWith('\\') && i + 1 < lines.length) logical = logical.slice(0, -1) + lines[++i]!;
    const content = logical.replace(/(^|\s)#.*$/, '').trim();
    if (content === '' || content.startsWith('-')) continue;
    const match = REQUIREMENT.exec(content);
    if (!match) continue;
    const rest = (match[3] ?? '').split(';')[0]!.replace(/\s+--?[A-Za-z][\s\S]*$/, '').trim();
    const url = rest.startsWith('@');
    requirements.push({ line, text: content, name: match[1]!, specifier: url ? '' : rest.replace(/\s+/g, ''), url });
  }
  return requirements;
}
