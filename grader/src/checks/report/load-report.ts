// The report loader: REPORT.md read and decoded (source/file.ts), parsed as Markdown
// (source/markdown.ts) and cut into one answer per question heading (source/sections.ts,
// source/answer.ts, source/images.ts), prose written in code blocks read as prose (source/fenced-prose.ts). Every report.* check reads it through `ctx.load(reportLoader)`.
import type { Loader } from '../check.ts';
import { loadFrench } from '../../text/french.ts';
import { readReport, type ReportEncoding } from './source/file.ts';
import { parseReport, type ParsedReport } from './source/sections.ts';
import { withFencedProse } from './source/fenced-prose.ts';

export type LoadedReport =
  | { state: 'unavailable'; message: string }
  | ({ state: 'ok'; encoding: ReportEncoding } & ParsedReport);

export const reportLoader: Loader<LoadedReport> = {
  name: 'REPORT.md, décodé et découpé par question',
  async run(ctx) {
    const [report, french] = await Promise.all([readReport(ctx.submission), loadFrench()]);
    if (report.state === 'unavailable') return report;
    const parsed = parseReport(report.text);
    for (const section of parsed.sections.values()) section.answer = withFencedProse(section.answer, french);
    return { state: 'ok', encoding: report.encoding, ...parsed };
  },
};
