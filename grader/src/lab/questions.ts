// The 30 questions of REPORT.md (README, « Déroulé du TP »), as data: the template is rendered from this list and the
// report criteria grade against it. Prompts are in French, adapted to this repository's layout.
import type { CriterionId } from '../model/criteria.ts';

export type QuestionType = 'action' | 'capture' | 'explication' | 'code';

export interface Question {
  /** `1.a` … `8.b`, as written in the report's headings. */
  id: string;
  exercise: number;
  type: QuestionType;
  /** Short French title shown after the id in the heading. */
  title: string;
  /** The question itself, one or two French lines. */
  prompt: string;
}

/** What the template writes under each question the student answers in the report. */
export const ANSWER_PLACEHOLDER = '_Votre réponse ici._';

/** What the template writes under a `code` question (answered by the student's files). */
export const CODE_QUESTION_NOTE = '_Question répondue par vos fichiers : rien à écrire ici._';

export const EXERCISE_TITLES: Readonly<Record<number, string>> = {
  1: "Vérifier l'installation de Docker",
  2: 'Images et conteneurs',
  3: "Construire l'image de la mini API",
  4: 'Lancer et arrêter le conteneur',
  5: 'Plusieurs conteneurs avec Docker Compose',
  6: 'PostgreSQL dans son conteneur',
  7: 'Déboguer et nettoyer',
  8: 'Réflexion',
};

export const QUESTIONS: readonly Question[] = [
  { id: '1.a', exercise: 1, type: 'action', title: 'Installer Docker',
    prompt: 'Installez Docker Desktop (Windows/macOS) ou Docker Engine (Linux) ; sous Windows, WSL2 est fortement recommandé. Indiquez ce que vous avez installé.' },
  { id: '1.b', exercise: 1, type: 'capture', title: "Vérifier l'installation",
    prompt: 'Lancez `docker run hello-world` et joignez une capture (ou la sortie du terminal) du message obtenu.' },
  { id: '1.c', exercise: 1, type: 'explication', title: 'Lister les conteneurs',
    prompt: 'Lancez `docker ps -a` et expliquez brièvement ce que représente la liste affichée.' },
  { id: '2.a', exercise: 2, type: 'explication', title: 'Image ou conteneur',
    prompt: 'Expliquez en quelques phrases la différence entre une image Docker et un conteneur.' },
  { id: '2.b', exercise: 2, type: 'explication', title: 'Un premier conteneur Alpine',
    prompt: 'Lancez `docker run alpine echo "Bonjour depuis un conteneur Alpine"` et décrivez ce qui se passe.' },
  { id: '2.c', exercise: 2, type: 'explication', title: 'Le statut Exited',
    prompt: 'Relancez `docker ps -a` et expliquez pourquoi le conteneur alpine a le statut `Exited`.' },
  { id: '2.d', exercise: 2, type: 'explication', title: 'Un shell dans Alpine',
    prompt: 'Lancez `docker run -it alpine sh`, tapez `ls`, `uname -a` puis `exit`, et décrivez ce que vous observez.' },
  { id: '3.a', exercise: 3, type: 'code', title: "L'API FastAPI",
    prompt: 'Complétez les TODO de `starter/app.py` pour exposer `GET /health`, qui renvoie `{"status": "ok"}`.' },
  { id: '3.b', exercise: 3, type: 'code', title: 'Le Dockerfile',
    prompt: 'Complétez les TODO de `starter/Dockerfile` : image de base, `WORKDIR`, copie et installation de `requirements.txt`, copie de `app.py`, `EXPOSE` et `CMD` uvicorn.' },
  { id: '3.c', exercise: 3, type: 'capture', title: "Construire l'image",
    prompt: 'Depuis la racine du dépôt, construisez l’image avec `docker build -t simple-api ./starter` et montrez que le build a réussi.' },
  { id: '4.a', exercise: 4, type: 'explication', title: 'Publier le port',
    prompt: 'Lancez `docker run -p 8000:8000 simple-api` et expliquez le rôle de l’option `-p 8000:8000`.' },
  { id: '4.b', exercise: 4, type: 'capture', title: 'Appeler /health',
    prompt: 'Appelez `curl http://localhost:8000/health` (ou ouvrez l’adresse dans le navigateur) et joignez la réponse JSON.' },
  { id: '4.c', exercise: 4, type: 'explication', title: 'Lire docker ps',
    prompt: 'Avec `docker ps`, relevez le nom du conteneur, l’image utilisée et le port publié.' },
  { id: '4.d', exercise: 4, type: 'explication', title: 'Arrêter le conteneur',
    prompt: 'Arrêtez le conteneur avec `docker stop`, regardez `docker ps` puis `docker ps -a`, et expliquez la différence entre ces deux commandes.' },
  { id: '5.a', exercise: 5, type: 'action', title: 'Organiser le projet',
    prompt: 'Vérifiez l’organisation du dépôt : l’API dans `starter/` (avec `app.py`, `requirements.txt` et `Dockerfile`) et `docker-compose.yml` à la racine.' },
  { id: '5.b', exercise: 5, type: 'code', title: 'Le fichier docker-compose.yml',
    prompt: 'Complétez les TODO de `docker-compose.yml` : service `db` (`postgres:17`, utilisateur, mot de passe et base `demo`, port 5432) et service `api` (construit depuis `./starter`, port 8000, démarré après `db`).' },
  { id: '5.c', exercise: 5, type: 'capture', title: 'Démarrer la pile',
    prompt: 'Lancez `docker compose up -d` puis `docker compose ps`, et montrez que `db` et `api` tournent.' },
  { id: '5.d', exercise: 5, type: 'capture', title: '/health via Compose',
    prompt: 'Appelez de nouveau `/health` quand l’API est lancée par Compose, et joignez la réponse.' },
  { id: '5.e', exercise: 5, type: 'explication', title: 'down ou stop',
    prompt: 'Lancez `docker compose down` et expliquez la différence avec `docker stop <id>`.' },
  { id: '6.a', exercise: 6, type: 'explication', title: 'Ouvrir psql',
    prompt: 'Ouvrez psql avec `docker compose exec db psql -U demo -d demo` et expliquez le rôle de `exec`, de `db`, de `-U` et de `-d`.' },
  { id: '6.b', exercise: 6, type: 'capture', title: 'Interroger PostgreSQL',
    prompt: 'Exécutez `SELECT version();` et `SELECT current_database();`, puis joignez une capture (ou la sortie) de la session psql.' },
  { id: '6.c', exercise: 6, type: 'explication', title: 'Se connecter depuis un autre service',
    prompt: 'Expliquez comment un autre service, par exemple l’API, se connecterait à PostgreSQL : nom d’hôte, port, utilisateur et mot de passe, nom de la base.' },
  { id: '6.d', exercise: 6, type: 'explication', title: "L'option -v",
    prompt: 'Lancez `docker compose down` (ou `docker compose down -v`) et expliquez la conséquence de l’option `-v` sur les données.' },
  { id: '7.a', exercise: 7, type: 'explication', title: 'Suivre les logs',
    prompt: 'Suivez `docker compose logs -f api` et relevez ce que vous voyez au démarrage de l’API, puis lors d’une requête sur `/health`.' },
  { id: '7.b', exercise: 7, type: 'explication', title: 'Entrer dans le conteneur',
    prompt: 'Entrez dans le conteneur avec `docker compose exec api sh`, tapez `ls`, `python --version` puis `exit`, et décrivez ce que vous observez.' },
  { id: '7.c', exercise: 7, type: 'explication', title: 'Redémarrer un service',
    prompt: 'Lancez `docker compose restart api`, vérifiez `/health`, et dites dans quels cas un redémarrage est utile.' },
  { id: '7.d', exercise: 7, type: 'explication', title: 'Trouver une erreur',
    prompt: 'Renommez volontairement `app` en `appi` dans `starter/app.py`, relancez `docker compose up -d --build`, lisez les logs et expliquez comment vous avez trouvé la cause ; remettez ensuite `app`.' },
  { id: '7.e', exercise: 7, type: 'explication', title: 'Faire le ménage',
    prompt: 'Lancez `docker container prune` puis `docker image prune`, et expliquez pourquoi il faut nettoyer régulièrement son environnement Docker.' },
  { id: '8.a', exercise: 8, type: 'explication', title: 'Notebook et production',
    prompt: 'Expliquez pourquoi un notebook Jupyter ne convient pas pour déployer un modèle en production, avec au moins deux aspects vus dans le TP (reproductibilité, environnement, automatisation…).' },
  { id: '8.b', exercise: 8, type: 'explication', title: 'Pourquoi Docker Compose',
    prompt: 'Expliquez pourquoi Docker Compose est essentiel dès qu’il y a plusieurs services, avec au moins un avantage que vous avez observé pendant le TP.' },
];

export const QUESTION_BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The report criteria graded proportionally, and the exercises each one covers. */
export const REPORT_GROUPS = {
  'report.ex1-2': [1, 2],
  'report.ex3-4': [3, 4],
  'report.ex5-6': [5, 6],
  'report.ex7': [7],
  'report.ex8': [8],
} as const satisfies Partial<Record<CriterionId, readonly number[]>>;

export type ReportGroupId = keyof typeof REPORT_GROUPS;

/** Questions that count in a group's proportion: every type but `code` (graded by the file criteria). */
export function groupQuestions(group: ReportGroupId): Question[] {
  const exercises: readonly number[] = REPORT_GROUPS[group];
  return QUESTIONS.filter((q) => exercises.includes(q.exercise) && q.type !== 'code');
}
