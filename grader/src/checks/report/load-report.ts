// The report loader: REPORT.md read and decoded (source/file.ts), parsed as Markdown
// (source/markdown.ts) and cut into one answer per question heading (source/sections.ts,
// source/answer.ts, source/images.ts). Every report.* check reads it through `ctx.load(reportLoader)`.
import type { Loader } from '../check.ts';
import { readReport, type ReportEncoding } from './source/file.ts';
import { parseReport, type ParsedReport } from './source/sections.ts';

export type LoadedReport =
  | { state: 'unavailable'; message: string }
  | ({ state: 'ok'; encoding: ReportEncoding } & ParsedReport);

export const reportLoader: Loader<LoadedReport> = {
  name: 'REPORT.md, décodé et découpé par question',
  async run(ctx) {
    const report = await readReport(ctx.submission);
    if (report.state === 'unavailable') return report;
    return { state: 'ok', encoding: report.encoding, ...parseReport(report.text) };
  },
};
