// This lab's report data judged by the grader's real report code, given this lab.
//
// What it proves: the notions and vocabulary accept correct answers of every shape (answers.ts),
// the reference report and the real report of this course (../shared/real-reports/docker-basic-1.md)
// where its author wrote words; they reject filler, echoes of the prompt, keyword bags and answers
// moved to another question; and the static criteria of every mutant (mutants.ts) lose exactly
// what the corpus says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

import { GRADER_ROOT } from '../../grader/src/location.ts';
import { loadFrench, french } from '../../grader/src/text/french.ts';
import type { StaticCriterion } from '../../grader/src/checks/criterion.ts';
import type { StaticContext } from '../../grader/src/checks/check.ts';
import { gradeGroup, judgeAnswer, judgeGroup, type QuestionVerdict } from '../../grader/src/checks/report/answers.ts';
import { notionsTouched, notionText } from '../../grader/src/checks/report/relevance.ts';
import { parseReport } from '../../grader/src/checks/report/source/sections.ts';
import { FILLER_ANSWERS, withContext } from '../../grader/src/checks/report/testing.ts';
import type { Overlay } from '../../grader/src/submission/testing.ts';
import { criterion as dockerfilePresent } from '../../grader/src/checks/dockerfile/present.ts';
import { criterion as dockerfileBaseImage } from '../../grader/src/checks/dockerfile/base-image.ts';
import { criterion as dockerfileWorkdir } from '../../grader/src/checks/dockerfile/workdir.ts';
import { criterion as dockerfileNonRoot } from '../../grader/src/checks/dockerfile/non-root.ts';
import { criterion as reportPresent } from '../../grader/src/checks/report/present.ts';
import { criterion as reportScreenshots } from '../../grader/src/checks/report/screenshots.ts';
import { criterion as reportEncoding } from '../../grader/src/checks/report/encoding.ts';
import type { Question } from '../../grader/src/lab/lab.ts';
import { lab } from './lab.ts';
import { CORRECT_ANSWERS } from './testing.ts';
import { MUTANTS, reference, type LabCriterionId } from './mutants.ts';
import { NOTIONS } from './notions.ts';
import { QUESTIONS, REPORT_GROUPS } from './questions.ts';
import { VOCABULARY } from './vocabulary.ts';

const LAB_DIR = new URL('.', import.meta.url).pathname;
const REFERENCE_DIR = join(LAB_DIR, 'reference');
const REAL_REPORT = join(GRADER_ROOT, '..', 'shared', 'real-reports', 'docker-basic-1.md');
const MIN = 12;
const EXPLANATIONS = QUESTIONS.filter((q) => q.type === 'explication');
const GROUP_IDS = Object.keys(REPORT_GROUPS) as (keyof typeof REPORT_GROUPS)[];

beforeAll(async () => {
  await loadFrench();
});

function answerTo(q: Question, body: string) {
  return parseReport(`### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${body}\n`, lab.report).sections.get(q.id)?.answer;
}
const judge = (q: Question, body: string) => judgeAnswer(q, answerTo(q, body), MIN);

/** Fillers written for one question: its commands restated, its prompt echoed or paraphrased (as the grader's relevance suite writes them). */
function questionFillers(q: Question): string[] {
  const commands = [...q.prompt.matchAll(/`([^`]+)`/g)].map((m) => `\`${m[1]}\``);
  const listed = commands.length > 0 ? commands.join(', ') : 'les commandes demandées';
  const bare = q.prompt.replace(/`/g, '');
  return [
    `J'ai lancé ${listed} comme demandé et j'ai bien regardé le résultat, tout a marché.`,
    `I typed ${listed} in my terminal and looked carefully at what happened, all good.`,
    `Voici ce que j'ai fait pour cette question : ${bare.charAt(0).toLowerCase()}${bare.slice(1)} C'était facile.`,
    `Pour répondre à « ${q.title} », il faut bien réfléchir et comprendre la question posée dans l'énoncé.`,
    `${q.title} : j'ai fait ce qui était demandé, voir la capture. ${listed} fonctionne parfaitement chez moi.`,
  ];
}

/** Every counted question of every report group, judged as report.ex* judges it. */
async function allVerdicts(ctx: StaticContext): Promise<QuestionVerdict[]> {
  const all: QuestionVerdict[] = [];
  for (const group of GROUP_IDS) {
    const verdicts = await judgeGroup(ctx, group as never);
    if (typeof verdicts === 'string') throw new Error(verdicts);
    all.push(...verdicts);
  }
  return all;
}
const onReference = <T>(body: (ctx: StaticContext) => Promise<T>, overlay: Overlay = {}) => withContext(body, overlay, REFERENCE_DIR, lab);

describe('the lab as data', () => {
  it('numbers its questions by exercise, 1–7, with unique ids, and its groups cover every exercise once', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) expect(q.id.startsWith(`${q.exercise}.`), q.id).toBe(true);
    expect(Object.values(REPORT_GROUPS).flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lab.report.questions).toBe(QUESTIONS);
    expect(Object.keys(VOCABULARY).sort()).toEqual(EXPLANATIONS.map((q) => q.id).sort());
  });

  it('adapts the prompts to this repository (starter/, welcome:1.0.0) and asks nothing of the other labs', () => {
    const text = QUESTIONS.map((q) => q.prompt).join('\n');
    expect(text).toContain('starter/welcome.py');
    expect(text).toContain('docker build -t welcome:1.0.0 ./starter');
    expect(text).not.toMatch(/compose|fastapi|postgres|uvicorn/i);
  });

  it('its rubric grades exactly the criteria of the mutants’ type, points summing to 100', () => {
    const rubric = parse(readFileSync(join(LAB_DIR, 'rubric.yml'), 'utf8')) as { lab: string; groups: Record<string, string>; criteria: Record<string, { group: string; points: number }> };
    expect(rubric.lab).toBe(lab.id);
    const ids: LabCriterionId[] = ['dockerfile.present', 'dockerfile.base-image', 'dockerfile.workdir', 'dockerfile.non-root', 'image.build', 'image.size', 'program.output', 'program.env', 'program.command-override', 'report.present', 'report.ex1-2', 'report.ex3-4', 'report.ex5-6', 'report.ex7', 'report.screenshots', 'report.encoding'];
    expect(Object.keys(rubric.criteria).sort()).toEqual([...ids].sort());
    expect(Object.values(rubric.criteria).reduce((sum, c) => sum + c.points, 0)).toBe(100);
    for (const c of Object.values(rubric.criteria)) expect(Object.keys(rubric.groups)).toContain(c.group);
    expect(Object.keys(REPORT_GROUPS).every((id) => id in rubric.criteria)).toBe(true);
  });
});

describe('notions', () => {
  it('every explication question has notions and an "about" hint', () => {
    for (const q of EXPLANATIONS) {
      expect(NOTIONS[q.id]?.notions.length, q.id).toBeGreaterThan(0);
      expect(NOTIONS[q.id]!.about.length, q.id).toBeGreaterThan(10);
    }
  });

  it('no notion matches its own question’s prompt', () => {
    for (const q of EXPLANATIONS) {
      const prompt = ` ${notionText(q.prompt)} `;
      expect(NOTIONS[q.id]!.notions.filter((n) => n.pattern.test(prompt)).map((n) => n.name), q.id).toEqual([]);
    }
  });

  it('an echo of the question’s title or prompt inside an answer touches nothing', () => {
    for (const q of EXPLANATIONS) expect(notionsTouched(q, `Pour « ${q.title} » : ${q.prompt}`), q.id).toEqual([]);
  });

  it('the vocabulary holds no stop word', () => {
    for (const [id, words] of Object.entries(VOCABULARY)) expect(french().words(words).filter((w) => french().isStopWord(w)), id).toEqual([]);
  });
});

describe('relevance: correct answers of every shape are answered', () => {
  for (const q of EXPLANATIONS) {
    it(`${q.id}: ${CORRECT_ANSWERS[q.id]?.length ?? 0} different correct answers`, () => {
      const answers = CORRECT_ANSWERS[q.id] ?? [];
      expect(answers.length).toBeGreaterThanOrEqual(5);
      for (const body of answers) expect(judge(q, body), body).toEqual({ answered: true });
    });
  }
});

describe('relevance: content-free answers are not', () => {
  for (const q of EXPLANATIONS) {
    it(`${q.id}: generic filler, its commands restated, its prompt echoed`, () => {
      for (const body of [...FILLER_ANSWERS, ...questionFillers(q)]) expect(judge(q, body), body).toMatchObject({ answered: false });
    });
  }

  it('keyword stuffing: a bag of the question’s own vocabulary, no sentence', () => {
    for (const q of EXPLANATIONS) {
      const bag = VOCABULARY[q.id]!.split(' ').slice(0, 14);
      for (const body of [bag.join(' '), bag.join(', '), bag.map((w) => `- ${w}`).join('\n'), `Réponse : ${bag.join(' ')}`]) {
        expect(judge(q, body), `${q.id}: ${body}`).toMatchObject({ answered: false, reason: expect.stringContaining('mots-clés') });
      }
    }
  });

  // Some of this lab's questions overlap by design (7.a sums up 4.d; 7.b names the commands of 2.e,
  // 6.c and 6.e): an answer moved between those is partly on topic and keeps its points. These
  // shifts pair every answer with a question it does not answer.
  it.each([1, 5, 9])('answers moved under other questions (the reference’s, each %i questions on) are off topic', async (shift) => {
    const parsed = parseReport(reference.report, lab.report);
    const ids = EXPLANATIONS.map((q) => q.id);
    let text = reference.report;
    ids.forEach((id, i) => {
      text = withAnswerText(ids[(i + shift) % ids.length]!, parsed.sections.get(id)!.answer.text, text);
    });
    const moved = (await onReference(allVerdicts, { 'REPORT.md': text })).filter((v) => v.question.type === 'explication');
    expect(moved).toHaveLength(ids.length);
    expect(moved.filter((v) => v.verdict.answered).map((v) => v.question.id)).toEqual([]);
    expect(moved.filter((v) => !v.verdict.answered && v.verdict.reason.includes('semble répondre à la question')).length).toBeGreaterThan(ids.length / 2);
  });
});

/** Replaces the answer under `id` (heading and prompt kept). */
function withAnswerText(id: string, answer: string, report: string): string {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${id} `));
  let end = start + 3;
  while (end < lines.length && !/^#{2,3} /.test(lines[end]!)) end++;
  return [...lines.slice(0, start + 3), '', ...answer.split('\n'), '', ...lines.slice(end)].join('\n');
}

describe('the reference report', () => {
  it('answers every question, with nothing on the review list, and passes every report criterion', async () => {
    const verdicts = await onReference(allVerdicts);
    expect(verdicts.filter((v) => !v.verdict.answered || v.verdict.review).map((v) => `${v.question.id}: ${JSON.stringify(v.verdict)}`)).toEqual([]);
    const findings = await onReference(async (ctx) => [
      ...(await Promise.all(GROUP_IDS.map((group) => gradeGroup(ctx, group as never)))),
      await reportPresent.judge(ctx),
      await reportScreenshots.judge(ctx),
      await reportEncoding.judge(ctx),
    ]);
    expect(findings.map((f) => f.status)).toEqual(findings.map(() => 'pass'));
  });
});

/**
 * The real report of this course, cut at its own steps and placed under this template's headings as
 * its author would have: each question gets the part of the report that answers it.
 */
function realReportAsTemplate(text: string): string {
  const lines = text.split('\n');
  const at = (marker: string, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && line.includes(marker));
    if (index === -1) throw new Error(`real report: no line with ${marker}`);
    return index;
  };
  const parts: [string, number, number][] = [];
  const cut = (id: string, start: number, end: number) => parts.push([id, start, end]);
  const version = at('sudo docker version') - 1;
  const info = at('sudo docker info') - 1;
  cut('1.a', version, at('- Différences entre la partie Client'));
  cut('1.b', at('- Différences entre la partie Client'), info);
  cut('1.c', info, at('- Storage Driver'));
  cut('1.d', at('- Storage Driver'), at('## Étape 1'));
  cut('2.a', at('sudo docker run hello-world') - 1, at('- Le client contacte'));
  cut('2.b', at('- Le client contacte'), at('### Shell éphémère'));
  cut('2.c', at('### Shell éphémère') + 1, at('sudo docker ps -a') - 2);
  cut('2.e', at('sudo docker ps -a') - 1, at('# Étape 2'));
  cut('3.b', at('Vérifie l’exécution locale'), at('# Étape 3'));
  cut('4.b', at('2. Construis l’image'), at('3. Exécute et compare'));
  cut('4.c', at('3. Exécute et compare'), at('| Élément | Exécution locale'));
  cut('4.d', at('| Élément | Exécution locale'), at('# Étape 4'));
  cut('5.b', at('1. Passe un message'), at('2. Surcharge'));
  cut('5.c', at('2. Surcharge'), at('➜ Explique'));
  cut('5.d', at('| Élément | Explication'), at('# Étape 5'));
  cut('6.a', at('1. Lance le conteneur en arrière-plan'), at('2. Observe'));
  cut('6.b', at('2. Observe'), at('sudo docker logs welcome_app') - 1);
  cut('6.c', at('sudo docker logs welcome_app') - 1, at('3. Stoppe et supprime'));
  cut('6.d', at('3. Stoppe et supprime'), at('| Action | Objet ciblé'));
  cut('6.e', at('| Action | Objet ciblé'), at('# Bilan du TP'));
  cut('7.a', at('- Ce qui change entre'), at('- Les commandes Docker nouvelles'));
  cut('7.b', at('- Les commandes Docker nouvelles'), at('- Les difficultés'));
  cut('7.c', at('- Les difficultés'), lines.length);
  const byId = new Map(parts.map(([id, start, end]) => [id, lines.slice(start, end).join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd()]));
  return QUESTIONS.map((q) => `### ${q.id} — ${q.title}\n\n> ${q.prompt}\n\n${byId.get(q.id) ?? '_Votre réponse ici._'}\n`).join('\n');
}

describe.skipIf(!existsSync(REAL_REPORT))('the real report of this course (docker-basic-1.md)', () => {
  it('keeps its points where its author wrote words, tables and terse lists, and loses them where there is only output or nothing', async () => {
    const text = realReportAsTemplate(readFileSync(REAL_REPORT, 'utf8'));
    const verdicts = await onReference(allVerdicts, { 'REPORT.md': text });
    const summary = Object.fromEntries(verdicts.map((v) => [v.question.id, v.verdict.answered ? (v.verdict.review ? 'review' : 'answered') : v.verdict.reason]));
    // 2.d: not answered; 2.e and 6.c: pasted output only, no explanation.
    const unanswered = ['2.d', '2.e', '6.c'];
    for (const [id, verdict] of Object.entries(summary)) {
      if (unanswered.includes(id)) expect(verdict, id).not.toMatch(/^(?:answered|review)$/);
      else expect(verdict, id).toBe('answered');
    }
  });
});

/** The static criteria of this lab, by id: the engine-free part of every mutant's verdict. */
const STATIC: Partial<Record<LabCriterionId, StaticCriterion | string>> = {
  'dockerfile.present': dockerfilePresent,
  'dockerfile.base-image': dockerfileBaseImage,
  'dockerfile.workdir': dockerfileWorkdir,
  'dockerfile.non-root': dockerfileNonRoot,
  'report.present': reportPresent,
  'report.ex1-2': 'report.ex1-2',
  'report.ex3-4': 'report.ex3-4',
  'report.ex5-6': 'report.ex5-6',
  'report.ex7': 'report.ex7',
  'report.screenshots': reportScreenshots,
  'report.encoding': reportEncoding,
};

describe('mutants: the static criteria lose exactly what the corpus says', () => {
  for (const mutant of MUTANTS) {
    it(mutant.name, async () => {
      const failing = await onReference(async (ctx) => {
        const lost: string[] = [];
        for (const [id, check] of Object.entries(STATIC)) {
          const finding = typeof check === 'string' ? await gradeGroup(ctx, check as never) : await check.judge(ctx);
          if (finding.status !== 'pass') lost.push(id);
        }
        return lost;
      }, mutant.files as Overlay);
      expect(failing.sort()).toEqual(mutant.loses.filter((id) => id in STATIC).sort());
    });
  }
});
