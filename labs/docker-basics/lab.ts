// The lab « Les bases de Docker » (course « Docker_basics ») as data: a Flask application served by
// gunicorn on port 5000, containerised as `docker-basics:1.0.0` (dependencies installed before the
// code is copied, exec-form CMD); then starting, stopping and inspecting its container, COPY against
// `-v`, several tags, the image's layers, and a five-question quiz. An HTTP service (container
// phase, the server that answers included); no Compose stack.
import { defineLab } from '../../grader/src/lab/lab.ts';
import { NOTIONS } from './notions.ts';
import { EXERCISE_TITLES, QUESTIONS, REPORT_GROUPS } from './questions.ts';
import { SERVICE } from './service.ts';
import { GENERIC_WORDS, VOCABULARY } from './vocabulary.ts';
import { VOCABULARY_STEMS, WORDING_STEMS } from './vocabulary-stems.ts';

export const lab = defineLab({
  id: 'docker-basics',
  title: 'Les bases de Docker',
  imageContext: 'starter',
  studentPaths: ['starter/', 'REPORT.md', 'captures/'],
  words: {
    build: 'docker build -t docker-basics:1.0.0 ./starter',
    app: 'l’application',
    ofApp: 'de l’application',
    appFile: 'starter/app.py',
    requirements: ['Flask==3.1.1', 'gunicorn==23.0.0'],
  },
  report: {
    title: 'Rapport du TP « Les bases de Docker »',
    questions: QUESTIONS,
    exerciseTitles: EXERCISE_TITLES,
    groups: REPORT_GROUPS,
    notions: NOTIONS,
    vocabulary: VOCABULARY,
    genericWords: GENERIC_WORDS,
    stems: { vocabulary: VOCABULARY_STEMS, wording: WORDING_STEMS },
  },
  service: SERVICE,
});
