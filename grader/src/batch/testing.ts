import type { Gradebook, GradebookRow } from './gradebook.ts';
import { type Question } from '../lab/lab.ts';
import { QUESTIONS } from '../../../labs/csc8613-tp1/questions.ts';
import { CORRECT_ANSWERS, REFERENCE_REPORT, templateWith } from '../checks/report/testing.ts';
import { parseReport } from '../checks/report/source/sections.ts';
import { answerPrint } from '../checks/report/own-text.ts';
import type { AnswerPrint } from '../model/result.ts';
import { lab as TP1 } from '../../../labs/csc8613-tp1/lab.ts';

/** Test support: a small gradebook with a full marks row, a tampered row, a formula-like name and an error row. */
const row = (over: Partial<GradebookRow>): GradebookRow => ({
  name: 'x', file: 'x', status: 'graded', score: 0, maxScore: 10, points: {}, statuses: {}, tampered: [], gradedAt: '2026-11-01T10:00:00.000Z', durationMs: 1, ...over,
});

export const BOOK: Gradebook = {
  schema: 'docker-lab-gradebook/v1',
  generatedAt: '2026-11-01T10:00:00.000Z',
  staticOnly: false,
  criteria: [
    { id: 'dockerfile.present', title: 'Dockerfile', group: 'dockerfile', maxPoints: 4 },
    { id: 'report.present', title: 'Rapport', group: 'report', maxPoints: 6 },
  ],
  rows: [
    row({ name: 'alice', file: 'alice', score: 10, points: { 'dockerfile.present': 4, 'report.present': 6 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'pass' }, commit: 'a'.repeat(40), committedAt: '2026-10-01T12:00:00+02:00' }),
    row({ name: 'bob, "the builder"', file: 'bob_the_builder_', score: 4, points: { 'dockerfile.present': 4, 'report.present': 0 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'fail' }, tampered: ['tests/report.test.ts', '=cmd|x'],
      review: [
        { question: '2.c', answer: 'Le conteneur <b>Exited</b> a fini son travail.', reason: 'aucun mot de la question ni des notions attendues ; à relire' },
        { question: '7.d', answer: 'les logs montrent la cause', reason: 'réponse très courte ; à relire' },
      ] }),
    row({ name: '=HYPERLINK("http://evil")', file: 'HYPERLINK_http_evil_', score: 0, points: { 'dockerfile.present': 0, 'report.present': 0 }, statuses: { 'dockerfile.present': 'fail', 'report.present': 'fail' } }),
    row({ name: 'dave', file: 'dave', status: 'error', score: null, error: 'délai dépassé\nligne 2' }),
  ],
};

// Test support for the class comparison: students' reports built from the reference and from the
// corpus of independent correct answers, and a light edit of a report (what a student who copies
// does: sentences swapped, a few words and the punctuation changed).

const SWAPS: Array<[RegExp, string]> = [
  [/\bdonc\b/g, 'alors'],
  [/\bmais\b/g, 'cependant'],
  [/\baussi\b/g, 'également'],
  [/\bIci\b/g, 'Dans ce cas'],
  [/\bpuis\b/g, 'ensuite'],
  [/\bmontre\b/g, 'affiche'],
  [/ : /g, ', '],
  [/ ; /g, '. '],
];

/** A light edit of a report: in each answer paragraph the first two sentences swapped, some words and punctuation changed. */
export function lightEdit(report: string): string {
  return report
    .split('\n')
    .map((line) => {
      if (line === '' || /^(?:#|>|```|\||!\[|<img|\[|- \*\*)/.test(line)) return line;
      const sentences = line.split(/(?<=\.) (?=[A-ZÀ-Ý`])/);
      if (sentences.length > 2) [sentences[0], sentences[1]] = [sentences[1]!, sentences[0]!];
      let text = sentences.join(' ');
      for (const [from, to] of SWAPS) text = text.replace(from, to);
      return text;
    })
    .join('\n');
}

/** A report whose explanations are the corpus's `index`-th correct answer for each question (independent of the others). */
export function corpusReport(index: number, prefix: (q: Question) => string = () => ''): string {
  const answers: Record<string, string> = {};
  for (const q of QUESTIONS) {
    const options = CORRECT_ANSWERS[q.id];
    if (options) answers[q.id] = `${prefix(q)}${options[index % options.length]!}`;
  }
  return templateWith(answers);
}

/** The answer prints of a report's text, as the batch computes them from a submission. */
export function printsOf(report: string): AnswerPrint[] {
  const parsed = parseReport(report, TP1.report);
  const prints: AnswerPrint[] = [];
  for (const q of QUESTIONS) {
    const section = parsed.sections.get(q.id);
    if (q.type !== 'code' && section) prints.push(answerPrint(q, section.answer));
  }
  return prints.filter((p) => p.words > 0);
}

// A synthetic class for the class comparison: one pair who copied (a report and its light edit),
// a pair who each pasted the course's handout into three answers, a pair who each wrote the same
// standard one-line definitions, and students with their own answers. Only the first pair copied.

/** Passages of the handout a course gives its students, by the question they answer. */
export const HANDOUT_PASSAGES: Readonly<Record<string, string>> = {
  '2.a': "Une image Docker est un modèle figé en lecture seule, construit couche par couche à partir d'un Dockerfile ; un conteneur est une instance vivante de cette image, avec sa propre couche inscriptible, ses processus et son réseau.",
  '2.c': "Un conteneur ne vit que le temps de son processus principal : quand la commande lancée se termine, le conteneur s'arrête et Docker le garde dans la liste avec le statut Exited et son code de sortie.",
  '4.a': "L'option -p relie un port de la machine hôte à un port du conteneur : les requêtes envoyées sur le port de l'hôte sont transmises au processus qui écoute dans le conteneur, qui resterait sinon injoignable depuis l'extérieur.",
};

/** The handout itself, as the instructor passes it as base text. */
export const HANDOUT = [
  '# TP Docker — polycopié du cours',
  '',
  ...Object.values(HANDOUT_PASSAGES).flatMap((passage, i) => [`## Notion ${i + 1}`, '', passage, '']),
  '## Pour aller plus loin',
  '',
  'La documentation officielle de Docker décrit chaque commande et ses options.',
  '',
].join('\n');

/** Standard one-line definitions every course gives and many students write word for word. */
export const STANDARD_DEFINITIONS: Readonly<Record<string, string>> = {
  '2.a': "Une image est un modèle en lecture seule qui sert à créer des conteneurs, et un conteneur est une instance de cette image en cours d'exécution.",
  '4.d': 'La commande docker ps montre seulement les conteneurs qui tournent, alors que docker ps -a montre tous les conteneurs, même ceux qui sont arrêtés.',
};

/** Each student's REPORT.md, by name: exactly `camille` and `dominique` copied. */
export function syntheticClass(): Record<string, string> {
  // The handout pasted, then a sentence of the student's own.
  const handout = (own: readonly string[]) => Object.fromEntries(Object.entries(HANDOUT_PASSAGES).map(([id, passage], i) => [id, `${passage} ${own[i]}`]));
  const withAnswers = (report: string, answers: Readonly<Record<string, string>>) => {
    let text = report;
    for (const [id, answer] of Object.entries(answers)) {
      const at = text.indexOf(`### ${id} `);
      const next = text.indexOf('\n### ', at + 1);
      const section = text.slice(at, next < 0 ? undefined : next);
      const quote = section.split('\n').find((line) => line.startsWith('> '))!;
      text = text.slice(0, at) + `${section.slice(0, section.indexOf(quote) + quote.length)}\n\n${answer}\n` + (next < 0 ? '' : text.slice(next));
    }
    return text;
  };
  return {
    camille: REFERENCE_REPORT,
    dominique: lightEdit(REFERENCE_REPORT),
    hana: withAnswers(corpusReport(1), handout(["C'est ce que j'ai retenu du cours.", 'Ici la commande était echo.', "J'ai utilisé le port 8000."])),
    ilan: withAnswers(corpusReport(2), handout(['La comparaison avec une classe aide.', 'Dans notre cas echo finit tout de suite.', 'Sans cette option curl échoue.'])),
    jo: withAnswers(corpusReport(3), STANDARD_DEFINITIONS),
    kim: withAnswers(corpusReport(4), STANDARD_DEFINITIONS),
    lou: corpusReport(5),
    max: corpusReport(0),
  };
}
