// Test support for the report checks: grade a real submission folder built from the reference
// solution (selftest/reference) with REPORT.md or other files replaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSubmission, REFERENCE_DIR, TEMPLATE_DIR, type Overlay } from '../../submission/testing.ts';
import { createStaticContext, type StaticCheck } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import type { Finding } from '../../model/result.ts';
import { QUESTION_BY_ID } from '../../lab/questions.ts';

export const REFERENCE_REPORT = readFileSync(join(REFERENCE_DIR, 'REPORT.md'), 'utf8');
export const TEMPLATE_REPORT = readFileSync(join(TEMPLATE_DIR, 'REPORT.md'), 'utf8');

/** The template's REPORT.md with the placeholder under each question of `answers` replaced by its answer. */
export function templateWith(answers: Readonly<Record<string, string>>): string {
  let text = TEMPLATE_REPORT;
  for (const [id, answer] of Object.entries(answers)) {
    const heading = new RegExp(`(### ${id.replace('.', '\\.')} [^\\n]*\\n(?:[^#\\n][^\\n]*\\n|\\n)*?)_Votre réponse ici\\._`);
    if (!heading.test(text)) throw new Error(`no placeholder under ${id}`);
    text = text.replace(heading, (_, before: string) => `${before}${answer}`);
  }
  return text;
}

/** Grades `checks` on a folder = base (reference by default) + overlay; the folder is removed after. */
export async function gradeWith(checks: StaticCheck[], overlay: Overlay = {}, base?: string): Promise<Finding[]> {
  const { dir, cleanup } = await makeSubmission(overlay, base);
  try {
    const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS);
    const findings: Finding[] = [];
    for (const check of checks) findings.push(await check.run(ctx));
    return findings;
  } finally {
    await cleanup();
  }
}

/** Grades one check on the reference with REPORT.md replaced by `report` (a string or raw bytes). */
export async function gradeReport(check: StaticCheck, report: string | Buffer, overlay: Overlay = {}): Promise<Finding> {
  return (await gradeWith([check], { 'REPORT.md': report, ...overlay }))[0]!;
}

/** The reference report with the answer under question `id` replaced by `answer` (heading and prompt kept). */
export function withAnswer(id: string, answer: string, report = REFERENCE_REPORT): string {
  const question = QUESTION_BY_ID.get(id)!;
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${id} `));
  if (start === -1) throw new Error(`no heading for ${id}`);
  let end = start + 1;
  while (end < lines.length && !/^#{2,3} |^\[psql\]:/.test(lines[end]!)) end++;
  const body = ['', `> ${question.prompt}`, '', ...answer.split('\n'), ''];
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

/** Encodes text as Windows-1252 (what "Save as ANSI" produces); throws on characters it cannot hold. */
export function toWindows1252(text: string): Buffer {
  const high = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const special = high.indexOf(char);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (special !== -1) bytes.push(0x80 + special);
    else throw new Error(`not encodable in Windows-1252: ${char}`);
  }
  return Buffer.from(bytes);
}

/** Encodes text as UTF-16 with a byte order mark. */
export function toUtf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}
