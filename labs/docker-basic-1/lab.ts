// The lab « Premiers pas avec Docker » (course docker-basic-1) as data: a Python script that prints
// a greeting, the date and the system, containerised as `welcome:1.0.0`, personalised with the
// WELCOME_NAME environment variable and with a command given to `docker run`. No HTTP service and
// no Compose stack: the image is a program that runs to completion (program phase).
import { defineLab } from '../../grader/src/lab/lab.ts';
import { NOTIONS } from './notions.ts';
import { EXERCISE_TITLES, QUESTIONS, REPORT_GROUPS } from './questions.ts';
import { GENERIC_WORDS, VOCABULARY } from './vocabulary.ts';
import { VOCABULARY_STEMS, WORDING_STEMS } from './vocabulary-stems.ts';

export const lab = defineLab({
  id: 'docker-basic-1',
  title: 'Premiers pas avec Docker',
  imageContext: 'starter',
  studentPaths: ['starter/', 'REPORT.md', 'captures/'],
  words: { build: 'docker build -t welcome:1.0.0 ./starter', app: 'le programme', ofApp: 'du programme', appFile: 'starter/welcome.py' },
  report: {
    title: 'Rapport du TP « Premiers pas avec Docker »',
    questions: QUESTIONS,
    exerciseTitles: EXERCISE_TITLES,
    groups: REPORT_GROUPS,
    notions: NOTIONS,
    vocabulary: VOCABULARY,
    genericWords: GENERIC_WORDS,
    stems: { vocabulary: VOCABULARY_STEMS, wording: WORDING_STEMS },
  },
  program: {
    plain: {
      shown: 'docker run --rm welcome:1.0.0',
      expect: [
        { line: 'Bonjour Docker !' },
        { pattern: /\d{4}-\d{2}-\d{2}/, describe: "la date et l'heure" },
        { pattern: /linux/i, describe: 'le système' },
      ],
    },
    env: {
      shown: 'docker run --rm -e WELCOME_NAME=Alice welcome:1.0.0',
      env: { WELCOME_NAME: 'Alice' },
      expect: [{ line: 'Bonjour Alice !' }],
    },
    override: {
      shown: `docker run --rm welcome:1.0.0 python -c "print('Commande override')"`,
      command: ['python', '-c', "print('Commande override')"],
      expect: [{ line: 'Commande override' }],
    },
  },
});
