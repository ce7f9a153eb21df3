// CSC8613 TP1, « Conteneurisation avec Docker »: a FastAPI service, its Dockerfile, a Compose stack
// with PostgreSQL and a 30-question report. The repository's root is this lab's student template: its
// README.md, REPORT.md, starter/, docker-compose.yml, captures/ and .github/classroom/rubric.yml are
// copies of this folder (rubric.yml for the rubric), written by `npm run rubric:sync`.
import { defineLab } from '../../grader/src/lab/lab.ts';
import { LAB_API, LAB_HEALTH, LAB_LAUNCH } from './api.ts';
import { NOTIONS } from './notions.ts';
import { EXERCISE_TITLES, QUESTIONS, REPORT_GROUPS } from './questions.ts';
import { LAB_STACK } from './stack.ts';
import { GENERIC_WORDS, VOCABULARY } from './vocabulary.ts';
import { VOCABULARY_STEMS, WORDING_STEMS } from './vocabulary-stems.ts';

export const lab = defineLab({
  id: 'csc8613-tp1',
  title: 'Conteneurisation avec Docker',
  imageContext: 'starter',
  studentPaths: ['starter/', 'docker-compose.yml', 'REPORT.md', 'captures/'],
  words: {
    build: 'docker build -t simple-api starter',
    app: 'l’API',
    ofApp: 'de l’API',
    appFile: 'starter/app.py',
    requirements: ['fastapi==0.115.11', 'uvicorn==0.32.0'],
  },
  report: {
    title: 'Rapport du TP « Conteneurisation avec Docker »',
    questions: QUESTIONS,
    exerciseTitles: EXERCISE_TITLES,
    groups: REPORT_GROUPS,
    notions: NOTIONS,
    vocabulary: VOCABULARY,
    genericWords: GENERIC_WORDS,
    stems: { vocabulary: VOCABULARY_STEMS, wording: WORDING_STEMS },
  },
  service: { port: LAB_API.port, health: LAB_HEALTH, launch: LAB_LAUNCH },
  stack: LAB_STACK,
});
