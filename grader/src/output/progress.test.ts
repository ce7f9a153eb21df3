import { describe, expect, test } from 'vitest';
import type { ProgressEvent } from '../model/progress.ts';
import { formatElapsed, progressMode, ProgressRenderer, type ProgressMode } from './progress.ts';

/** A renderer on a fake clock; `at(ms, event)` moves the clock, then hands the event (or ticks). */
function harness(mode: ProgressMode, columns = 200) {
  let now = 1_000_000;
  let out = '';
  const renderer = new ProgressRenderer({ mode, write: (text) => (out += text), now: () => now, columns });
  return {
    at(ms: number, event?: ProgressEvent) {
      now = 1_000_000 + ms;
      if (event) renderer.onEvent(event);
      else renderer.tick();
    },
    get out() {
      return out;
    },
  };
}

const phase = (name: Extract<ProgressEvent, { kind: 'phase' }>['phase'], event: 'start' | 'end' = 'start'): ProgressEvent => ({ kind: 'phase', phase: name, event });
const pull = (currentBytes: number, layersDone = 0): ProgressEvent => ({ kind: 'pull', image: 'python:3.13-slim', currentBytes, totalBytes: 30_000_000, layers: 4, layersDone });

/** A first run: files, engine, a download, two steps (one with a multi-line heredoc), the stack, the end. */
function firstRun(h: ReturnType<typeof harness>) {
  h.at(0, phase('static'));
  h.at(100, phase('engine'));
  h.at(150, phase('static', 'end'));
  h.at(300, phase('engine', 'end'));
  h.at(400, phase('build'));
  h.at(1_000, { kind: 'build-step', index: 1, total: 3, instruction: 'FROM python:3.13-slim' });
  h.at(2_000, pull(3_000_000));
  h.at(3_000, pull(4_000_000));
  h.at(9_000, pull(16_000_000, 2));
  h.at(12_000, pull(30_000_000, 4));
  h.at(13_000, { kind: 'build-step', index: 3, total: 3, instruction: 'RUN <<EOF\n::notice::Points 100/100\nEOF' });
  for (let t = 14_000; t <= 30_000; t += 1_000) h.at(t);
  h.at(31_000, phase('build', 'end'));
  h.at(31_100, phase('container'));
  h.at(31_100, phase('stack-up'));
  for (let t = 32_000; t <= 41_000; t += 1_000) h.at(t);
  h.at(40_000, phase('container', 'end'));
  h.at(42_000, phase('stack-up', 'end'));
  h.at(42_500, phase('cleanup'));
  h.at(44_000, phase('cleanup', 'end'));
  h.at(44_000, { kind: 'done' });
}

describe('progress in plain lines (GitHub Actions, a pipe)', () => {
  test('a line per phase start, each step, each tenth of the download; then the end, in French, with the time elapsed', () => {
    const h = harness('lines');
    firstRun(h);
    expect(h.out).not.toMatch(/[\r\x1b]/);
    expect(h.out.split('\n').filter(Boolean)).toEqual([
      '[0 s] Lecture de vos fichiers (Dockerfile, rapport…)…',
      '[0 s] Connexion au moteur Docker…',
      "[0 s] Construction de l'image de starter/ (la première fois, Docker télécharge l'image de base : quelques minutes)…",
      '[1 s]   étape 1/3 : FROM python:3.13-slim',
      '[2 s]   téléchargement de python:3.13-slim : 10 % (3,0 Mo sur 30,0 Mo, 0/4 couches)',
      '[9 s]   téléchargement de python:3.13-slim : 53 % (16,0 Mo sur 30,0 Mo, 2/4 couches)',
      '[12 s]   téléchargement de python:3.13-slim : 100 % (30,0 Mo sur 30,0 Mo, 4/4 couches)',
      '[13 s]   étape 3/3 : RUN <<EOF',
      "[18 s] … toujours en cours : construction de l'image — étape 3/3 : RUN <<EOF (depuis 17 s)",
      "[23 s] … toujours en cours : construction de l'image — étape 3/3 : RUN <<EOF (depuis 22 s)",
      "[28 s] … toujours en cours : construction de l'image — étape 3/3 : RUN <<EOF (depuis 27 s)",
      "[31 s] Démarrage d'un conteneur de l'image et attente de sa réponse HTTP…",
      '[31 s] Démarrage de la pile Compose (docker compose up, PostgreSQL compris)…',
      '[37 s] … toujours en cours : démarrage de la pile Compose (depuis 5 s)',
      '[42 s] Nettoyage des conteneurs, volumes et réseaux de la correction…',
      '[44 s] Correction terminée : voici le résultat.',
    ]);
  });

  test('never silent for more than the heartbeat while a phase runs; silent when nothing runs', () => {
    const h = harness('lines');
    h.at(0, phase('stack-up'));
    for (let t = 0; t <= 59_000; t += 1_000) h.at(t);
    h.at(59_000, phase('stack-up', 'end'));
    const times = h.out.split('\n').filter(Boolean).map((line) => Number(/^\[(\d+) s\]/.exec(line)?.[1]));
    expect(times).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);
    const before = h.out;
    for (let t = 61_000; t <= 80_000; t += 1_000) h.at(t);
    expect(h.out).toBe(before);
  });
});

describe('progress on a terminal', () => {
  test('phase lines stay; one live line below them, redrawn in place with the step or the download percent', () => {
    const h = harness('live', 60);
    firstRun(h);
    const out = h.out;
    const draws = out.split('\r\x1b[2K');
    // What stays on screen: the lines written between two clears; the rest is the live line, redrawn.
    const permanent = draws.filter((d) => d.endsWith('\n')).map((d) => d.trimEnd());
    expect(permanent[0]).toBe('[0 s] Lecture de vos fichiers (Dockerfile, rapport…)…');
    expect(permanent.at(-1)).toBe('[44 s] Correction terminée : voici le résultat.');
    expect(permanent.some((line) => line.includes('étape') || line.includes('toujours'))).toBe(false); // steps are live only
    const live = draws.filter((d) => d !== '' && !d.endsWith('\n'));
    expect(live).toContain('[2 s] téléchargement de python:3.13-slim : 10 % (3,0 Mo su…');
    expect(live.some((d) => d.startsWith("[20 s] construction de l'image — étape 3/3 : RUN <<EOF"))).toBe(true);
    expect(live).toContain('[37 s] démarrage de la pile Compose (depuis 5 s)');
    for (const draw of live) expect(draw.length).toBeLessThanOrEqual(59);
    expect(out.endsWith('\n')).toBe(true); // the live line is cleared before the report
    expect(out).not.toContain('::notice'); // a heredoc's later lines are not shown
  });
});

describe('mode and formats', () => {
  test('a terminal is live; Actions, CI and a pipe get lines; --json alone is silent', () => {
    expect(progressMode({ isTTY: true }, {})).toBe('live');
    expect(progressMode({ isTTY: true }, { GITHUB_ACTIONS: 'true' })).toBe('lines');
    expect(progressMode({ isTTY: false }, {})).toBe('lines');
    expect(progressMode({ isTTY: true }, {}, { silent: true })).toBe('silent');
    const h = harness('silent');
    firstRun(h);
    expect(h.out).toBe('');
  });

  test('elapsed time', () => {
    expect(formatElapsed(999)).toBe('0 s');
    expect(formatElapsed(59_999)).toBe('59 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
  });
});
