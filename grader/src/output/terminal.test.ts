import { Writable } from 'node:stream';
import { WriteStream } from 'node:tty';
import { describe, expect, test, vi } from 'vitest';
import { renderTerminal } from './terminal.ts';
import { notEvaluated, skipReason, totalLine, withLeftOut } from './total.ts';
import { testVerdict } from './groups.ts';
import { RUBRIC, sampleReport } from './testing.ts';

describe('the French terminal report', () => {
  const text = renderTerminal(sampleReport(), RUBRIC);
  const lines = text.split('\n');

  test('one line per criterion: status, title, points, id; the French message under those not passed', () => {
    expect(lines).toContain('Exercice 3 — Dockerfile — 2/5');
    expect(lines.find((l) => l.includes('dockerfile.present'))).toMatch(/^ {2}✓ Dockerfile présent +2\/2 {2}dockerfile\.present$/);
    const base = lines.findIndex((l) => l.includes('dockerfile.base-image'));
    expect(lines[base]).toMatch(/^ {2}✗ Image de base +0\/3 {2}dockerfile\.base-image$/);
    expect(lines[base + 1]).toBe("      starter/Dockerfile:2 — FROM `python:latest` n'a pas de version : écrivez `FROM python:3.13-slim`.");
  });

  test('advice not followed is skipped with its advice, never ✓ nor ✗; a skip shows its reason and no points', () => {
    const advice = lines.findIndex((l) => l.includes('dockerfile.non-root'));
    expect(lines[advice]).toMatch(/^ {2}– Conseil : non root +conseil {2}dockerfile\.non-root$/);
    expect(lines[advice + 1]).toBe('      starter/Dockerfile:9 — conseil : Ajoutez `USER`.');
    const skipped = lines.findIndex((l) => l.includes('container.health'));
    expect(lines[skipped]).toMatch(/^ {2}– GET \/health +–\/5 {2}container\.health$/);
  });

  test('no stack, no code frame, no diff; the excerpt is plain text; ends with the total', () => {
    expect(text).not.toMatch(/\x1b|expected|received|❯|at .*\.ts:\d+/i);
    expect(text).toContain('      │ Step 3/5 : RUN echo');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Note : 2/16 — 5 points non évalués (Image non construite : critère non évalué)');
  });

  test('with the states of the tests that ran: a missing test is shown as not run', () => {
    const shown = new Map([['dockerfile.present', 'passed' as const]]);
    const partial = renderTerminal(sampleReport(), RUBRIC, { shown }).split('\n');
    expect(partial.find((l) => l.includes('dockerfile.base-image'))).toMatch(/^ {2}· Image de base +–\/3/);
  });
});

describe('colours', () => {
  /** A stream that says it is a terminal, with the colour depth the environment gives a real one. */
  function terminalStream(): Writable {
    return Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: true, getColorDepth: WriteStream.prototype.getColorDepth });
  }
  const red = '\x1b[31m✗\x1b[39m';

  test('marks are coloured on a terminal that takes colours, not when NO_COLOR is set, not in a pipe or a log', () => {
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm-256color');
    // Under CI=true (and no CI system Node knows by name), Node gives even a terminal 2 colours: none.
    vi.stubEnv('CI', undefined);
    try {
      expect(renderTerminal(sampleReport(), RUBRIC, { stream: terminalStream() })).toContain(`  ${red} Image de base`);
      const pipe = new Writable({ write: (_chunk, _encoding, done) => done() });
      expect(renderTerminal(sampleReport(), RUBRIC, { stream: pipe })).not.toMatch(/\x1b/);
      expect(renderTerminal(sampleReport(), RUBRIC)).not.toMatch(/\x1b/);
      vi.stubEnv('NO_COLOR', '1');
      expect(renderTerminal(sampleReport(), RUBRIC, { stream: terminalStream() })).not.toMatch(/\x1b/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('verdicts and totals', () => {
  test('a graded criterion passes with all its points only; advice never fails', () => {
    const [present, base, advice, build, health, encoding] = sampleReport().criteria;
    expect(testVerdict(present!).state).toBe('passed');
    expect(testVerdict(base!).state).toBe('failed');
    expect(testVerdict({ ...present!, points: 1 }).state).toBe('failed');
    expect(testVerdict(advice!)).toEqual({ state: 'skipped', note: 'conseil : Ajoutez `USER`.' });
    expect(testVerdict(build!).state).toBe('failed');
    expect(testVerdict(health!).state).toBe('skipped');
    expect(testVerdict(encoding!).state).toBe('skipped'); // an error on advice does not fail the run
  });

  test('the total says how many points were not evaluated and why', () => {
    const engine = 'Non vérifié : Docker ne répond pas sur cette machine. Démarrez Docker Desktop.';
    expect(skipReason(engine)).toBe('Docker ne répond pas sur cette machine');
    const report = { score: 44, maxScore: 100, criteria: [{ status: 'skip', maxPoints: 6, message: engine }, { status: 'skip', maxPoints: 22, message: engine }, { status: 'skip', maxPoints: 0, message: engine }] } as never;
    expect(notEvaluated(report)).toEqual({ points: 28, reasons: ['Docker ne répond pas sur cette machine'] });
    expect(totalLine(report)).toBe('Note : 44/100 — 28 points non évalués (Docker ne répond pas sur cette machine)');
    expect(totalLine({ score: 3, maxScore: 3, criteria: [] })).toBe('Note : 3/3');
  });

  test('a static-only report gets the criteria it left out as skipped, in rubric order, counted in the maximum', () => {
    const report = sampleReport();
    report.criteria = report.criteria.filter((c) => c.group !== 'image');
    report.maxScore = 5;
    const full = withLeftOut(report, RUBRIC, 'Non vérifié : mode statique.');
    expect(full.criteria.map((c) => c.id)).toEqual([...RUBRIC.criteria.keys()]);
    expect(full.maxScore).toBe(18);
    expect(full.criteria.find((c) => c.id === 'image.build')).toMatchObject({ status: 'skip', points: 0, maxPoints: 6, group: 'image' });
    expect(totalLine(full)).toBe('Note : 2/18 — 13 points non évalués (mode statique)'); // dockerfile.workdir too
  });
});
