// The mutant corpus of the lab « Premiers pas avec Docker »: the reference solution (reference/)
// plus one small change each, with the criteria it must lose. `loses` lists every criterion of this
// lab's rubric whose verdict is not a pass (advice criteria included, though they cost 0 point);
// every other criterion is expected to pass. `staticOnly` mutants need a base image a machine
// without a registry does not have, so only their static criteria are graded there.
//
// Dynamic verdicts follow what `docker run` really does with each image (checked on an engine):
// - program.output runs `docker run --rm welcome:1.0.0` (no -i: stdin is empty), program.env adds
//   `-e WELCOME_NAME=Alice`, program.command-override gives `python -c "print('Commande override')"`
//   after the image name; each run must print its lines and exit with code 0.
// - The override command never imports welcome.py: a script that crashes, hangs or prints the wrong
//   text still passes program.command-override; only how the image starts its command matters there.
import { readFileSync } from 'node:fs';
import { replaceOnce, reportEdits, type LabMutantOf } from '../../grader/src/lab/testing.ts';

/** The criteria of this lab's rubric (rubric.yml). */
export type LabCriterionId =
  | 'dockerfile.present'
  | 'dockerfile.base-image'
  | 'dockerfile.workdir'
  | 'dockerfile.non-root'
  | 'image.build'
  | 'image.size'
  | 'program.output'
  | 'program.env'
  | 'program.command-override'
  | 'report.present'
  | 'report.ex1-2'
  | 'report.ex3-4'
  | 'report.ex5-6'
  | 'report.ex7'
  | 'report.screenshots'
  | 'report.encoding';

/** The student-owned files this lab's mutants replace. */
export type LabPath = 'starter/welcome.py' | 'starter/Dockerfile' | 'REPORT.md';

export type LabMutant = LabMutantOf<LabCriterionId, LabPath>;
export type LabFiles = LabMutant['files'];

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The reference solution's files, as text. */
export const reference = {
  welcome: read('./reference/starter/welcome.py'),
  dockerfile: read('./reference/starter/Dockerfile'),
  report: read('./reference/REPORT.md'),
  starterWelcome: read('./starter/welcome.py'),
  starterDockerfile: read('./starter/Dockerfile'),
};

/** The reference report with answers removed or replaced (heading and prompt kept). */
export const { withoutAnswers, withAnswer } = reportEdits(reference.report);

const dockerfile = (from: string | RegExp, to: string): LabFiles => ({ 'starter/Dockerfile': replaceOnce(reference.dockerfile, from, to) });
const welcome = (from: string | RegExp, to: string): LabFiles => ({ 'starter/welcome.py': replaceOnce(reference.welcome, from, to) });
const report = (text: string): LabFiles => ({ 'REPORT.md': text });

const DOCKERFILE_ALL: LabCriterionId[] = ['dockerfile.present', 'dockerfile.base-image', 'dockerfile.workdir', 'dockerfile.non-root'];
const PROGRAM_ALL: LabCriterionId[] = ['program.output', 'program.env', 'program.command-override'];
const DYNAMIC_ALL: LabCriterionId[] = ['image.build', 'image.size', ...PROGRAM_ALL];
/** The script's own runs fail; the override command, which never imports it, still passes. */
const SCRIPT_RUNS: LabCriterionId[] = ['program.output', 'program.env'];
const REPORT_GROUPS: LabCriterionId[] = ['report.ex1-2', 'report.ex3-4', 'report.ex5-6', 'report.ex7'];

const dockerfileMutants: LabMutant[] = [
  {
    name: 'Dockerfile missing',
    description: 'No starter/Dockerfile: nothing to read, nothing to build, nothing to run.',
    files: { 'starter/Dockerfile': null },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'untouched starter Dockerfile',
    description: 'The skeleton holds TODO comments only: no instruction, so no FROM, no image.',
    files: { 'starter/Dockerfile': reference.starterDockerfile },
    loses: [...DOCKERFILE_ALL, ...DYNAMIC_ALL],
  },
  {
    name: 'the script is copied under another name (build error)',
    description: 'COPY welcom.py: the file does not exist in the build context, the build stops at that COPY.',
    files: dockerfile('COPY welcome.py .', 'COPY welcom.py .'),
    loses: [...DYNAMIC_ALL],
  },
  {
    name: 'ENTRYPOINT instead of CMD',
    description:
      'ENTRYPOINT ["python", "welcome.py"]: the script still prints and reads WELCOME_NAME, but a command given to docker run is appended to the entry point (python welcome.py python -c …), so the greeting is printed instead of « Commande override ».',
    files: dockerfile(/^CMD \[.*\]$/m, 'ENTRYPOINT ["python", "welcome.py"]'),
    loses: ['program.command-override'],
  },
  {
    name: 'ENTRYPOINT ["python"] with CMD ["welcome.py"]',
    description:
      'The plain and env runs start python welcome.py, but the override runs python python -c …: python looks for a script named « python » in /app and exits with code 2.',
    files: dockerfile(/^CMD \[.*\]$/m, 'ENTRYPOINT ["python"]\nCMD ["welcome.py"]'),
    loses: ['program.command-override'],
  },
  {
    name: 'valid: shell-form CMD',
    description:
      'CMD python welcome.py runs /bin/sh -c "python welcome.py": it still prints with WELCOME_NAME passed through, and a command given to docker run still replaces the whole CMD. The exec form the TODO asks for is advice here, not graded (nothing of this lab sends the program a signal).',
    files: dockerfile(/^CMD \[.*\]$/m, 'CMD python welcome.py'),
    loses: [],
  },
  {
    name: 'FROM python:latest',
    description: 'A moving tag: the build is not reproducible.',
    files: dockerfile('FROM python:3.12-slim', 'FROM python:latest'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'FROM python:3.12 (full image)',
    description: 'A pinned version but the full image (about 1 GB) instead of the slim variant.',
    files: dockerfile('FROM python:3.12-slim', 'FROM python:3.12'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'FROM python (no tag)',
    description: 'No tag means latest.',
    files: dockerfile('FROM python:3.12-slim', 'FROM python'),
    loses: ['dockerfile.base-image'],
    staticOnly: true,
  },
  {
    name: 'no WORKDIR',
    description: 'welcome.py is copied to / and CMD runs from /, so the program still works: only dockerfile.workdir is lost.',
    files: dockerfile('WORKDIR /app\n', ''),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'WORKDIR is relative',
    description: 'WORKDIR app resolves against the base image’s working directory (/ here): it runs, but the path depends on the base image.',
    files: dockerfile('WORKDIR /app', 'WORKDIR app'),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'WORKDIR only in a comment',
    description: 'A comment is not an instruction: as without WORKDIR.',
    files: dockerfile('WORKDIR /app\n', '# WORKDIR /app\n'),
    loses: ['dockerfile.workdir'],
  },
  {
    name: 'runs as root (no USER)',
    description: 'The bonus of the skeleton left out: advice only, 0 point.',
    files: dockerfile(/RUN useradd [^\n]*\nUSER appuser\n/, ''),
    loses: ['dockerfile.non-root'],
  },
  {
    name: 'welcome.py not copied',
    description:
      'The image builds, but python cannot open /app/welcome.py (exit code 2) in the plain and env runs; the override command does not need the script.',
    files: dockerfile('COPY welcome.py .\n', ''),
    loses: [...SCRIPT_RUNS],
  },
  {
    name: 'a 130 MB blob added to the image',
    description: 'The student’s layers add more than 100 MB on top of the base image.',
    files: dockerfile('COPY welcome.py .', 'COPY welcome.py .\nRUN head -c 130000000 /dev/urandom > /opt/blob.bin'),
    loses: ['image.size'],
  },
];

const welcomeMutants: LabMutant[] = [
  {
    name: 'untouched starter welcome.py',
    description: 'banner() returns an empty string and nothing is printed (exit code 0): no greeting, no date, no system.',
    files: { 'starter/welcome.py': reference.starterWelcome },
    loses: [...SCRIPT_RUNS],
  },
  {
    name: 'WELCOME_NAME ignored',
    description: 'The greeting is written « Bonjour Docker ! » in full: with -e WELCOME_NAME=Alice it still says Docker.',
    files: welcome('f"Bonjour {name} !\\n"', '"Bonjour Docker !\\n"'),
    loses: ['program.env'],
  },
  {
    name: 'crash at import (typo in an import)',
    description:
      'import datetim: ModuleNotFoundError before anything is printed, exit code 1, in the plain and env runs. The override command runs python -c and never imports welcome.py: it passes.',
    files: welcome('import datetime\n', 'import datetim\n'),
    loses: [...SCRIPT_RUNS],
  },
  {
    name: 'wrong greeting',
    description: '« Hello Docker ! » instead of « Bonjour Docker ! »: the plain run misses its first line and the env run prints « Hello Alice ! ».',
    files: welcome('f"Bonjour {name} !\\n"', 'f"Hello {name} !\\n"'),
    loses: [...SCRIPT_RUNS],
  },
  {
    name: 'no date line',
    description: 'The greeting and the system are printed, the date is not: only the plain run looks for it.',
    files: welcome('        f"Date et heure : {now}\\n"\n', ''),
    loses: ['program.output'],
  },
  {
    name: 'valid: greeting with a non-breaking space before « ! »',
    description:
      'French typography: a no-break space (U+00A0) before « ! », as some keyboards and editors type it. The line reads « Bonjour Docker ! » to the student, so the expected line must be compared with Unicode spaces normalised.',
    files: welcome('f"Bonjour {name} !\\n"', 'f"Bonjour {name}\u00a0!\\n"'),
    loses: [],
  },
  {
    name: 'waits for Enter at the end (input())',
    description:
      'docker run without -i gives the container an empty stdin: input() raises EOFError at once and the script exits with code 1 after printing. The plain and env runs fail on the exit code, without waiting; the override passes.',
    files: welcome('    print(banner())\n', '    print(banner())\n    input("Appuyez sur Entrée pour quitter…")\n'),
    loses: [...SCRIPT_RUNS],
  },
  {
    name: 'never ends (sleeps after printing)',
    description:
      'time.sleep(3600) after print: the plain and env runs reach the program deadline, each, before they fail (the grade takes two deadlines longer). Python buffers stdout when it is not a terminal, so the greeting is not even in the logs when the run is stopped; as PID 1, python ignores SIGTERM, so the run must be killed. The override passes.',
    files: welcome('    print(banner())\n', '    print(banner())\n    import time\n    time.sleep(3600)\n'),
    loses: [...SCRIPT_RUNS],
  },
];

/** A generic sentence that names nothing of the lab. */
const OFF_TOPIC = "J'ai lancé la commande dans mon terminal et tout a fonctionné correctement du premier coup, sans aucune erreur.";

/** The reference's answer to `id`, as written (prompt left out). */
function referenceAnswer(id: string): string {
  const section = reference.report.slice(reference.report.indexOf(`### ${id} `));
  return section.slice(0, section.indexOf('\n### ', 5)).split('\n').slice(3).join('\n').trim();
}

const reportMutants: LabMutant[] = [
  {
    name: 'Exercice 5 unanswered',
    description: 'Placeholders left under 5.b, 5.c and 5.d: two captures and one explanation of report.ex5-6 missing, so report.screenshots lacks their evidence too.',
    files: report(withoutAnswers(['5.b', '5.c', '5.d'])),
    loses: ['report.ex5-6', 'report.screenshots'],
  },
  {
    name: 'only the explanation of Exercice 5 unanswered',
    description: 'The placeholder under 5.d, the captures kept: report.ex5-6 only.',
    files: report(withoutAnswers(['5.d'])),
    loses: ['report.ex5-6'],
  },
  {
    name: 'report left as the template',
    description: 'Every placeholder in place.',
    files: report(withoutAnswers(['1.a', '1.b', '1.c', '1.d', '2.a', '2.b', '2.c', '2.d', '2.e', '3.b', '4.b', '4.c', '4.d', '5.b', '5.c', '5.d', '6.a', '6.b', '6.c', '6.d', '6.e', '7.a', '7.b', '7.c'])),
    loses: [...REPORT_GROUPS, 'report.screenshots'],
  },
  {
    name: 'REPORT.md missing',
    description: 'No report at all.',
    files: { 'REPORT.md': null },
    loses: ['report.present', ...REPORT_GROUPS, 'report.screenshots', 'report.encoding'],
  },
  {
    name: 'an off-topic explanation (generic sentence under 5.d)',
    description: 'Long enough, but names nothing of CMD or of the arguments of docker run.',
    files: report(withAnswer('5.d', OFF_TOPIC)),
    loses: ['report.ex5-6'],
  },
  {
    name: 'the 5.d answer pasted under 6.e',
    description: 'The same answer counts once, for the first question it answers.',
    files: report(withAnswer('6.e', referenceAnswer('5.d'))),
    loses: ['report.ex5-6'],
  },
  {
    name: 'a linked screenshot is missing',
    description: 'An image linked under 4.c that is not in captures/.',
    files: report(withAnswer('4.c', `${referenceAnswer('4.c')}\n\n![docker run](captures/docker-run.png)`)),
    loses: ['report.screenshots'],
  },
  {
    name: 'mojibake in the report',
    description: 'UTF-8 read as Latin-1 once (« Ã© » for « é »): advice only.',
    files: report(replaceOnce(reference.report, 'ne dépend plus de ce qui est installé', 'ne dÃ©pend plus de ce qui est installÃ©')),
    loses: ['report.encoding'],
  },
  {
    name: 'valid: headings written "### Question 2-a"',
    description: 'Headings name their question leniently.',
    files: report(reference.report.replace(/^### (\d)\.([a-e]) /gm, '### Question $1-$2 ')),
    loses: [],
  },
  {
    name: 'valid: explanations as terse tables, as a real student wrote them',
    description: 'Tables comparing the two runs (4.d), CMD and arguments (5.d), rm and image rm (6.e): on topic.',
    files: report(
      withAnswer(
        '6.e',
        '| Action | Objet ciblé | Effet |\n| --- | --- | --- |\n| `docker rm` | Conteneur | Supprime une **instance** en cours ou arrêtée, l’image reste |\n| `docker image rm` | Image | Supprime un **template** pour créer des conteneurs, mais n’affecte pas les conteneurs déjà créés |',
        withAnswer(
          '5.d',
          '| Élément | Explication |\n| --- | --- |\n| **CMD** dans Dockerfile | Commande par défaut à exécuter lorsque tu lances le conteneur sans arguments supplémentaires. |\n| **Arguments passés à `docker run`** | Ils **remplacent CMD** pour cette exécution seulement. Le Dockerfile reste inchangé. |',
          withAnswer(
            '4.d',
            '| Élément | Exécution locale | Conteneur | Explication |\n| --- | --- | --- | --- |\n| Date / heure | 2026-09-14T08:31:05Z | 2026-09-14T08:42:37Z | L’horodatage est généré à l’exécution, donc il change à chaque run |\n| Système | Darwin 24.1.0 | Linux 6.10.14-linuxkit | Le conteneur utilise **le noyau de la VM Linux** de Docker Desktop, pas celui de macOS |',
          ),
        ),
      ),
    ),
    loses: [],
  },
  {
    name: 'valid: Exercice 7 in English',
    description: 'Answers in English count as in French.',
    files: report(
      withAnswer(
        '7.b',
        'Almost everything was new: docker build builds the image from the Dockerfile, docker inspect shows the metadata of a container, docker logs and docker top show its output and processes, and docker image prune removes dangling images.',
        withAnswer(
          '7.a',
          'Inside the container the script no longer depends on my laptop: it runs with the Python of the python:3.12-slim image in an isolated Debian file system that shares the host kernel, and the same image gives the same result on any machine with Docker.',
        ),
      ),
    ),
    loses: [],
  },
];

export const MUTANTS: LabMutant[] = [
  { name: 'reference solution', description: 'Every criterion passes.', files: {}, loses: [] },
  ...dockerfileMutants,
  ...welcomeMutants,
  ...reportMutants,
];
