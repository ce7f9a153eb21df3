// report.encoding (advice): the report is UTF-8 and shows no mojibake (`Ã©`, `â€™`, `√©`…), the mark
// of a UTF-8 text decoded as Windows-1252 or Mac Roman and saved again.
import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { reportLoader } from './load-report.ts';
import { isUtf8, REPORT_FILE } from './source/file.ts';
import { resaveAdvice } from './present.ts';

/**
 * Sequences that a French accent becomes once its UTF-8 bytes are read as Windows-1252 (`Ã©` for é,
 * `Ã ` for à, `â€™` for ’, `Â ` for a no-break space) or as Mac Roman (`√©` for é, `‚Äô` for ’), and
 * U+FFFD, left where a converter met a byte it could not read.
 */
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122 ]|â€.?|Â[\u00A0-\u00BF]|√[©®†ß∞¢£§•¶™´¨≠ÆØ±≤≥¥µ∂∑∏π∫ªºΩæøÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü°]|‚Ä[ôòúùîìêë¶¢ì]|\uFFFD/u;

export const criterion: StaticCriterion = {
  id: 'report.encoding',
  kind: 'static',
  async judge(ctx) {
    const report = await ctx.load(reportLoader);
    if (report.state !== 'ok') return fail(`Encodage non vérifié, voir « report.present » : ${report.message}`, { file: REPORT_FILE });
    if (!isUtf8(report.encoding)) return fail(resaveAdvice(report.encoding), { file: REPORT_FILE });
    const index = report.lines.findIndex((text) => MOJIBAKE.test(text));
    if (index === -1) return pass();
    const seen = MOJIBAKE.exec(report.lines[index]!)![0];
    const count = report.lines.filter((text) => MOJIBAKE.test(text)).length;
    return fail(
      `Caractères mal convertis ligne ${index + 1} (« ${seen.trim() || seen} »${count > 1 ? `, ${count} lignes touchées` : ''}) : le texte a été réenregistré avec un mauvais encodage, et « Ã© » s'affiche au lieu de « é ». ` +
        'Corrigez ces caractères (rechercher-remplacer) et enregistrez REPORT.md en UTF-8.',
      { file: REPORT_FILE, line: index + 1 },
    );
  },
};
