// The report loader: REPORT.md read and decoded (source/file.ts), parsed as Markdown
// (source/markdown.ts) and cut into one answer per question heading (source/sections.ts,
// source/answer.ts, source/images.ts), broken accents repaired first (source/mojibake.ts), prose written in code blocks read as prose
// (source/fenced-prose.ts). Every report.* check reads it through `ctx.load(reportLoader)`.
import type { Loader } from '../check.ts';
import { loadFrench } from '../../text/french.ts';
import { readReport, type ReportEncoding } from './source/file.ts';
import { parseReport, type ParsedReport } from './source/sections.ts';
import { withFencedProse } from './source/fenced-prose.ts';
import { repairMojibake } from './source/mojibake.ts';

export type LoadedReport =
  | { state: 'unavailable'; message: string }
  | ({ state: 'ok'; encoding: ReportEncoding } & ParsedReport);

export const reportLoader: Loader<LoadedReport> = {
  name: 'REPORT.md, décodé et découpé par question',
  async run(ctx) {
    const [report, french] = await Promise.all([readReport(ctx.submission), loadFrench()]);
    if (report.state === 'unavailable') return report;
    // Broken accents are repaired before the answers are judged; `lines` keeps the text as written
    // (report.encoding quotes it).
    const parsed = parseReport(repairMojibake(report.text).text, ctx.lab.report);
    parsed.lines = report.text.split(/\r\n|\r|\n/);
    for (const section of parsed.sections.values()) section.answer = withFencedProse(section.answer, french);
    return { state: 'ok', encoding: report.encoding, ...parsed };
  },
};
