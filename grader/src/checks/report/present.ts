// report.present: REPORT.md exists, is saved as UTF-8, and keeps one heading per question of the template.
import type { StaticCriterion } from '../criterion.ts';
import { fail, pass } from '../../model/result.ts';
import { reportLoader } from './load-report.ts';
import type { QuestionSection } from './source/sections.ts';
import { ENCODING_NAMES, isUtf8, REPORT_FILE, type ReportEncoding } from './source/file.ts';

/** How to re-save the report as UTF-8, for a report in another encoding. */
export function resaveAdvice(encoding: ReportEncoding): string {
  return (
    `REPORT.md est enregistré en ${ENCODING_NAMES[encoding]}, pas en UTF-8 : GitHub risque d'afficher mal les accents. ` +
    `Dans VS Code, cliquez sur « ${encoding.startsWith('utf-16') ? 'UTF-16' : 'Windows 1252'} » dans la barre du bas, choisissez « Enregistrer avec l'encodage » puis « UTF-8 », et poussez à nouveau.`
  );
}

/** Advice for headings found by the question's wording: the answer counts, the template's heading should come back. */
function byWordingAdvice(sections: ReadonlyMap<string, QuestionSection>): string {
  const found = [...sections.values()].filter((section) => section.byWording);
  if (found.length === 0) return '';
  const list = found.map((s) => `${s.question.id} (ligne ${s.line})`).join(', ');
  const first = found[0]!.question;
  return `Conseil : ${list} ${found.length > 1 ? 'ont été retrouvées' : 'a été retrouvée'} grâce à l'intitulé de la question, sans son numéro ; la réponse compte. Remettez le titre du modèle (par exemple « ### ${first.id} — ${first.title} ») pour que le correcteur la retrouve à coup sûr.`;
}

export const criterion: StaticCriterion = {
  id: 'report.present',
  kind: 'static',
  async judge(ctx) {
    const report = await ctx.load(reportLoader);
    if (report.state !== 'ok') return fail(report.message, { file: REPORT_FILE });
    const problems: string[] = [];
    let line: number | undefined;
    if (!isUtf8(report.encoding)) problems.push(resaveAdvice(report.encoding));
    const missing = ctx.lab.report.questions.filter((q) => !report.sections.has(q.id)).map((q) => q.id);
    if (missing.length > 0) {
      problems.push(
        `Titres manquants : ${missing.join(', ')}. Remettez pour chacun le titre du modèle (par exemple « ### ${missing[0]} — … ») au-dessus de votre réponse : le correcteur retrouve les réponses grâce à ces titres.`,
      );
    }
    if (report.duplicates.size > 0) {
      const list = [...report.duplicates].map(([id, lines]) => `${id} (lignes ${lines.join(', ')})`);
      line = [...report.duplicates.values()][0]![1];
      problems.push(`Titres en double : ${list.join(', ')}. Gardez un seul titre par question et regroupez la réponse dessous.`);
    }
    const advice = byWordingAdvice(report.sections);
    if (problems.length === 0) return pass(advice);
    if (advice) problems.push(advice);
    return fail(problems.join(' '), { file: REPORT_FILE, ...(line ? { line } : {}) });
  },
};
