import { describe, expect, it } from 'vitest';
import { makeSubmission } from '../../submission/testing.ts';
import { createStaticContext } from '../check.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import { decodeReport, parseReport, questionIdOf, reportLoader, type LoadedReport } from './load-report.ts';
import { REFERENCE_REPORT, toUtf16, toWindows1252 } from './testing.ts';

async function load(overlay: Parameters<typeof makeSubmission>[0]): Promise<LoadedReport> {
  const { dir, cleanup } = await makeSubmission(overlay);
  try {
    return await createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS).load(reportLoader);
  } finally {
    await cleanup();
  }
}

describe('decodeReport', () => {
  const text = '### 2.a — Image\n\nUne image n’est pas un conteneur, c’est déjà ça.\n';
  it('reads UTF-8, with or without BOM', () => {
    expect(decodeReport(Buffer.from(text))).toEqual({ kind: 'text', encoding: 'utf-8', text });
    expect(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ kind: 'text', encoding: 'utf-8-bom', text });
  });
  it('recognises UTF-16 by BOM or by its NUL bytes', () => {
    expect(decodeReport(toUtf16(text, 'le'))).toEqual({ kind: 'text', encoding: 'utf-16le', text });
    expect(decodeReport(toUtf16(text, 'be'))).toEqual({ kind: 'text', encoding: 'utf-16be', text });
    expect(decodeReport(toUtf16(text, 'le', false))).toEqual({ kind: 'text', encoding: 'utf-16le', text });
    expect(decodeReport(toUtf16(text, 'be', false))).toEqual({ kind: 'text', encoding: 'utf-16be', text });
  });
  it('decodes invalid UTF-8 as Windows-1252', () => {
    expect(decodeReport(toWindows1252(text))).toEqual({ kind: 'text', encoding: 'windows-1252', text });
  });
  it('calls other NUL-bearing files binary', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008020000', 'hex');
    expect(decodeReport(png)).toEqual({ kind: 'binary' });
  });
});

describe('questionIdOf', () => {
  it.each([
    ['2.a', '2.a'], ['2-a', '2.a'], ['2a', '2.a'], ['2.A', '2.a'], ['Question 2-a', '2.a'], ['question 2.a :', '2.a'],
    ['Q2.a', '2.a'], ['Q 2.a', '2.a'], ['2.a — Image ou conteneur', '2.a'], ['2.a) Image', '2.a'], ['(7.e) Ménage', '7.e'],
    ['Exercice 6.b', '6.b'], ['8.b. Pourquoi Compose', '8.b'],
  ])('%s → %s', (heading, id) => expect(questionIdOf(heading)).toBe(id));

  it.each(['Exercice 2 — Images et conteneurs', 'Exercice 8 — Réflexion', '2 — Bilan', '9.a', '2.f', 'Annexe', '2.ab'])(
    '%s is not a question',
    (heading) => expect(questionIdOf(heading)).toBeNull(),
  );
});

describe('parseReport', () => {
  it('parses GitHub Flavored Markdown: text in table cells and task list items is answer text; a lone check box is not', () => {
    const md = [
      '### 4.c',
      '| Nom | Image | Port |\n|---|---|---|\n| `upbeat_curie` | simple-api | 0.0.0.0:8000->8000/tcp |\n| ![ps](captures/ps.png) | ~~latest~~ | &eacute;t&eacute; |',
      '### 1.a',
      '- [x] Docker Desktop installé avec le moteur WSL2',
      '### 5.a',
      '- [x]',
      '### 7.b',
      '☑',
    ].join('\n\n');
    const report = parseReport(md);
    const text = report.sections.get('4.c')!.answer.text;
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Nom', 'Image', 'Port', 'upbeat_curie', 'simple-api', '0.0.0.0:8000->8000/tcp', 'latest', 'été']));
    expect(text).not.toContain('|');
    expect(report.sections.get('4.c')!.answer.images).toEqual([{ target: 'captures/ps.png', line: 6, form: 'markdown' }]);
    expect(report.sections.get('1.a')!.answer.text).toBe('Docker Desktop installé avec le moteur WSL2');
    expect(report.sections.get('5.a')!.answer.text).toBe('');
    expect(report.sections.get('7.b')!.answer.text).toBe('');
  });

  it('finds lenient question headings of levels 2 to 4, and emphasis around the id', () => {
    const md = ['## 1.a', 'Installé Docker Desktop.', '#### Q1.b', '```text\nHello from Docker!\n```', '### **1-c** — Liste', 'Texte.', '### Question 2-a', 'Une image.'].join('\n\n');
    const report = parseReport(md);
    expect([...report.sections.keys()]).toEqual(['1.a', '1.b', '1.c', '2.a']);
    expect(report.sections.get('1.a')).toMatchObject({ line: 1, answer: { text: 'Installé Docker Desktop.' } });
    expect(report.sections.get('1.b')!.answer.codeBlocks).toEqual(['Hello from Docker!']);
    expect(report.sections.get('1.c')!.line).toBe(11);
  });

  it('drops the prompt blockquote and the placeholder, keeps sub-headings’ content, stops at the next heading', () => {
    const md = [
      '### 2.a — Image ou conteneur',
      '> Expliquez en quelques phrases la différence entre une image Docker et un conteneur.',
      '_Votre réponse ici._',
      '#### Réponse',
      'Une image est un modèle figé.',
      '## Exercice 3',
      'Hors question.',
    ].join('\n\n');
    const answer = parseReport(md).sections.get('2.a')!.answer;
    expect(answer.text).toBe('Une image est un modèle figé.');
    expect(answer.hadPlaceholder).toBe(true);
  });

  it('keeps a blockquote written by the student', () => {
    const md = '### 2.a\n\n> Une image est un modèle en lecture seule ; un conteneur en est une instance qui tourne.\n';
    expect(parseReport(md).sections.get('2.a')!.answer.text).toContain('lecture seule');
  });

  it('reports duplicated headings and merges their answers', () => {
    const report = parseReport('### 2.a\n\npremière partie\n\n### 2.b\n\nx\n\n### 2.a\n\nseconde partie\n');
    expect(report.duplicates.get('2.a')).toEqual([1, 9]);
    expect(report.sections.get('2.a')!.answer.text).toBe('première partie\nseconde partie');
  });

  it('collects every image form with its line, excluding alt text from the answer', () => {
    const md = [
      '### 1.b',
      '![alt text here](captures/a.png "titre")',
      '![b](<captures/docker ps.png>) et ![c][ref] et <img src="captures/d.png" width="200">',
      '<p>\n<img src=\'/captures/e.png\'>\n</p>',
      '[ref]: ./captures/c.png',
    ].join('\n\n');
    const report = parseReport(md);
    expect(report.images).toEqual([
      { target: 'captures/a.png', line: 3, form: 'markdown' },
      { target: 'captures/docker ps.png', line: 5, form: 'markdown' },
      { target: './captures/c.png', line: 5, form: 'reference' },
      { target: 'captures/d.png', line: 5, form: 'html' },
      { target: '/captures/e.png', line: 8, form: 'html' },
    ]);
    expect(report.sections.get('1.b')!.answer.images).toHaveLength(5);
    expect(report.sections.get('1.b')!.answer.text).not.toContain('alt text');
  });

  it('does not take headings inside code blocks or HTML comments for questions', () => {
    const md = '### 2.a\n\n```bash\n# 2.b\necho\n```\n\n<!--\n### 2.c\n-->\n\ntexte\n';
    const report = parseReport(md);
    expect([...report.sections.keys()]).toEqual(['2.a']);
    expect(report.sections.get('2.a')!.answer.codeBlocks).toEqual(['# 2.b\necho']);
  });

  it('parses the reference report: 30 questions, no duplicates', () => {
    const report = parseReport(REFERENCE_REPORT);
    expect(report.sections.size).toBe(30);
    expect(report.duplicates.size).toBe(0);
    expect(report.images).toHaveLength(9);
  });
});

describe('reportLoader', () => {
  it('loads the reference report from a real folder', async () => {
    const report = await load({});
    expect(report.state).toBe('ok');
    if (report.state === 'ok') expect(report.encoding).toBe('utf-8');
  });

  it.each([
    ['missing', { 'REPORT.md': null }, /introuvable/],
    ['binary', { 'REPORT.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0x41, 0x42]) }, /octets nuls/],
    ['a symlink out of the repository', { 'REPORT.md': { symlink: '/etc/hostname' } }, /hors du dépôt/],
    ['too large', { 'REPORT.md': 'a'.repeat(2 * 1024 * 1024 + 10) }, /Ko/],
  ] as const)('says why a %s report cannot be graded', async (_, overlay, message) => {
    const report = await load(overlay);
    expect(report.state).toBe('unavailable');
    if (report.state === 'unavailable') expect(report.message).toMatch(message);
  });

  // A hang guard, not a speed measure (speed is `npm run bench`'s job): the test's own timeout fails a
  // parse that goes pathological on a large or adversarial report.
  it('parses a 2 MB report and a 60,000-heading report into the 30 questions', async () => {
    let big = REFERENCE_REPORT;
    while (big.length < 1_950_000) big += `\n${REFERENCE_REPORT}`;
    const stress = `${REFERENCE_REPORT}\n${'> q\n\ntexte\n\n### 2.a x\n\n'.repeat(60_000)}`;
    for (const text of [big, stress]) {
      const { dir, cleanup } = await makeSubmission({ 'REPORT.md': text });
      try {
        const ctx = createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS);
        const report = await ctx.load(reportLoader);
        expect(report.state === 'ok' && report.sections.size).toBe(30);
      } finally {
        await cleanup();
      }
    }
  });
});
