// This lab's report data judged by the grader's real report code, given this lab.
//
// What it proves: the notions and vocabulary accept correct answers of every shape (answers.ts),
// the reference report and the real report of this course (../shared/real-reports/docker-basics.md)
// where its author wrote words; they reject filler, echoes of the prompt, keyword bags and answers
// moved to another question; and the static criteria of every mutant (mutants.ts) lose exactly
// what the corpus says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { GRADER_ROOT } from '../../grader/src/location.ts';
import { loadFrench } from '../../grader/src/text/french.ts';
import { describeLabReport, expectLabRubric, expectRealReport, realReportAsTemplate } from '../../grader/src/checks/report/suite/testing.ts';
import { lab } from './lab.ts';
import { CORRECT_ANSWERS } from './testing.ts';
import { MUTANTS, reference, type LabCriterionId } from './mutants.ts';
import { QUESTIONS, REPORT_GROUPS } from './questions.ts';

const LAB_DIR = new URL('.', import.meta.url).pathname;
const REFERENCE_DIR = join(LAB_DIR, 'reference');
const REAL_REPORT = join(GRADER_ROOT, '..', 'shared', 'real-reports', 'docker-basics.md');

beforeAll(async () => {
  await loadFrench();
});

describe('the lab as data', () => {
  it('numbers its questions by exercise, 1–6 (the course’s Étapes 1–6), with unique ids, and its groups cover every exercise once', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) expect(q.id.startsWith(`${q.exercise}.`), q.id).toBe(true);
    expect(Object.values(REPORT_GROUPS).flat().sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lab.report.questions).toBe(QUESTIONS);
  });

  it('adapts the prompts to this repository (starter/, docker-basics:1.0.0, port 5000) and asks nothing of the other labs', () => {
    const text = QUESTIONS.map((q) => q.prompt).join('\n');
    expect(text).toContain('starter/app.py');
    expect(text).toContain('docker build -t docker-basics:1.0.0 ./starter');
    expect(text).toContain('-p 5000:5000');
    expect(text).not.toMatch(/compose|fastapi|postgres|uvicorn|welcome|8000/i);
  });

  it('its service is gunicorn on port 5000, ready on {"status": "ok"}, and names Flask’s development server', () => {
    const service = lab.service!;
    expect(service.port).toBe(5000);
    expect(service.launch.cmd).toBe('CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]');
    expect(service.health.accepts(200, '{"status": "ok"}')).toBe(true);
    expect(service.health.accepts(200, '{"status":"ok","x":1}')).toBe(false);
    expect(service.health.accepts(500, '{"status": "ok"}')).toBe(false);
    const server = service.server!;
    for (const cmd of ['/usr/local/bin/python3.12 /usr/local/bin/gunicorn --bind 0.0.0.0:5000 app:app', 'python -m gunicorn app:app', 'gunicorn: worker [app:app]']) expect(server.process.test(cmd), cmd).toBe(true);
    for (const cmd of ['/usr/local/bin/python3.12 /usr/local/bin/flask run --host 0.0.0.0', 'python3 -m flask --app app run', 'python app.py', '/usr/local/bin/python3 -u /app/app.py']) {
      expect(server.process.test(cmd), cmd).toBe(false);
      expect(server.instead![0]!.process.test(cmd), cmd).toBe(true);
    }
  });

  it('tells a server on the loopback only from its start-up lines, and only then', () => {
    const loopback = lab.service!.health.unreachableLog!;
    for (const log of [
      '[2025-10-14 08:12:03 +0000] [1] [INFO] Starting gunicorn 23.0.0\n[2025-10-14 08:12:03 +0000] [1] [INFO] Listening at: http://127.0.0.1:5000 (1)',
      '[INFO] Listening at: http://127.0.0.1:5000,http://[::1]:5000 (1)',
      // Recorded: `flask run` without --host.
      ' * Debug mode: off\n\x1b[31m\x1b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\x1b[0m\n * Running on http://127.0.0.1:5000\n\x1b[33mPress CTRL+C to quit\x1b[0m',
    ]) expect(loopback.test(log), log).toBe(true);
    for (const log of [
      '[INFO] Listening at: http://0.0.0.0:5000 (1)',
      '[INFO] Listening at: http://127.0.0.1:9000,http://0.0.0.0:5000 (1)',
      // Recorded: `python app.py` with app.run(host="0.0.0.0", port=5000).
      ' * Serving Flask app \'app\'\n * Debug mode: off\n\x1b[31m\x1b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\x1b[0m\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\n\x1b[33mPress CTRL+C to quit\x1b[0m',
    ]) expect(loopback.test(log), log).toBe(false);
  });

  it('its rubric grades exactly the criteria of the mutants’ type, points summing to 100', () => {
    const ids: LabCriterionId[] = [
      'dockerfile.present', 'dockerfile.base-image', 'dockerfile.workdir', 'dockerfile.layer-order', 'dockerfile.pip-no-cache', 'dockerfile.exec-form', 'dockerfile.expose', 'dockerignore.present', 'dockerfile.non-root', 'requirements.pinned',
      'image.build', 'image.size', 'container.health', 'container.server', 'container.graceful-stop',
      'report.present', 'report.ex1-2', 'report.ex3-4', 'report.ex5-6', 'report.screenshots', 'report.encoding',
    ];
    expectLabRubric(lab, readFileSync(join(LAB_DIR, 'rubric.yml'), 'utf8'), ids);
  });
});

/**
 * The real report of this course, cut at its own steps and placed under this template's headings as
 * its author would have: each question gets the part of the report that answers it (the numbered
 * line restating a quiz question stays out, as the template's heading and prompt replace it).
 */
function asTemplate(text: string): string {
  // Under the template's `### 4.a` headings, the author's own `### COPY (Dockerfile)` would be one level down.
  const oneLevelDown = (line: string) => line.replace(/^### /, '#### ');
  return realReportAsTemplate(lab, text, ({ lines, at, cut }) => {
    const step = (n: number) => at(`## Etape ${n}`);
    cut('1.a', at('#### Docker version') + 1, at('#### Docker Info'));
    cut('1.b', at('#### Docker Info') + 1, at('#### docker ps'));
    cut('1.c', at('#### docker ps') + 1, at('#### docker image ls'));
    cut('1.e', at('#### docker image ls') + 1, step(2));
    cut('2.c', at('### Justification du Dockerfile') + 1, at('### Présence et taille image'));
    cut('2.d', at('### Présence et taille image') + 1, step(3));
    cut('3.a', at('1) start', step(3)) + 1, at('2) stop', step(3)));
    cut('3.b', at('2) stop', step(3)) + 1, at('3) inspecte', step(3)));
    cut('3.c', at('3) inspecte', step(3)) + 1, at('stop: arrête proprement'));
    cut('3.d', at('stop: arrête proprement'), step(4));
    cut('4.a', step(4) + 1, step(5));
    cut('5.a', at('1)', step(5)) + 1, at('2) Intérêt des tags multiples'));
    cut('5.b', at('2) Intérêt des tags multiples') + 1, at('3) Inspection des couches'));
    cut('5.d', at('3) Inspection des couches') + 1, at('## Etape 6'));
    cut('6.a', at('1) Différence entre ENTRYPOINT et CMD') + 1, at('2) Inspecter les variables'));
    cut('6.b', at('2) Inspecter les variables') + 1, at('3) Diagnostiquer un build'));
    cut('6.c', at('3) Diagnostiquer un build') + 1, at('4) Voir l’espace disque'));
    cut('6.d', at('4) Voir l’espace disque') + 1, at('5) Pourquoi `--rm`'));
    cut('6.e', at('5) Pourquoi `--rm`') + 1, lines.length);
  }, oneLevelDown);
}

describe.skipIf(!existsSync(REAL_REPORT))('the real report of this course (docker-basics.md)', () => {
  it('keeps its points where its author wrote words, lists and captures, and loses them where there is nothing', async () => {
    // 1.d, 4.b and 5.c: not answered (no explanation of the two lists, no run with -v, no history output).
    await expectRealReport({ lab, referenceDir: REFERENCE_DIR }, asTemplate(readFileSync(REAL_REPORT, 'utf8')), ['1.d', '4.b', '5.c']);
  });
});


// Some of this lab's questions overlap by design (2.c and 5.d both speak of layers, the cache and
// the image's size; 3.d and 6.e both remove containers): an answer moved between those is partly on
// topic and keeps its points. These shifts pair every answer with a question it does not answer.
describeLabReport({
  lab,
  referenceDir: REFERENCE_DIR,
  referenceReport: reference.report,
  correctAnswers: CORRECT_ANSWERS,
  shifts: [1, 5, 9],
  mutants: MUTANTS,
});
