// The questions of REPORT.md for the lab « Docker_basics », as data: the template is rendered from
// this list and the report criteria grade against it. The course's steps are numbered as exercises
// 1–6 (Étape 1 → exercice 1 … Étape 6, the mini-quiz → exercice 6), so the report criteria keep
// their generic ids. Prompts are in French, adapted to this repository's layout: the student's files
// are starter/app.py, starter/requirements.txt and starter/Dockerfile, built from the repository
// root with `docker build -t docker-basics:1.0.0 ./starter`.
import type { Question } from '../../grader/src/lab/lab.ts';

export const EXERCISE_TITLES: Readonly<Record<number, string>> = {
  1: 'Vérifier l’environnement Docker',
  2: 'L’application et son Dockerfile',
  3: 'Démarrer, arrêter, inspecter',
  4: 'COPY ou volume',
  5: 'Tags et couches',
  6: 'Mini-quiz',
};

export const QUESTIONS: readonly Question[] = [
  // Exercice 1 — Étape 1.
  { id: '1.a', exercise: 1, type: 'capture', title: 'docker version',
    prompt: 'Lancez `docker version` et joignez la sortie (ou une capture) : les deux parties, *Client* et *Server*, doivent répondre.' },
  { id: '1.b', exercise: 1, type: 'capture', title: 'docker info',
    prompt: 'Lancez `docker info` et joignez la sortie (ou une capture).' },
  { id: '1.c', exercise: 1, type: 'capture', title: 'Les conteneurs',
    prompt: 'Lancez `docker ps` puis `docker ps -a` et joignez la sortie des deux commandes.' },
  { id: '1.d', exercise: 1, type: 'explication', title: 'docker ps ou docker ps -a',
    prompt: 'Expliquez la différence entre les deux listes affichées par `docker ps` et `docker ps -a`.' },
  { id: '1.e', exercise: 1, type: 'capture', title: 'Images et volumes',
    prompt: 'Lancez `docker image ls` puis `docker volume ls` et joignez la sortie des deux commandes.' },
  // Exercice 2 — Étape 2.
  { id: '2.a', exercise: 2, type: 'code', title: 'L’application Flask',
    prompt: 'Complétez les TODO de `starter/app.py` : une application Flask nommée `app`, `GET /` qui renvoie un court texte et `GET /health` qui renvoie `{"status": "ok"}`.' },
  { id: '2.b', exercise: 2, type: 'code', title: 'Le Dockerfile',
    prompt: 'Complétez les TODO de `starter/Dockerfile` : `python:3.12-slim`, `WORKDIR /app`, `requirements.txt` copié puis installé avec `pip install --no-cache-dir`, `app.py` copié ensuite, `EXPOSE 5000` et un `CMD` en forme exec qui lance gunicorn sur `0.0.0.0:5000`.' },
  { id: '2.c', exercise: 2, type: 'explication', title: 'Justifier le Dockerfile',
    prompt: 'Justifiez chaque instruction de votre `Dockerfile`, en particulier l’ordre des deux `COPY`, l’option `--no-cache-dir` et le choix de gunicorn pour servir l’application.' },
  { id: '2.d', exercise: 2, type: 'capture', title: 'Construire l’image',
    prompt: 'Construisez l’image avec `docker build -t docker-basics:1.0.0 ./starter`, puis montrez avec `docker image ls docker-basics` qu’elle existe et quelle est sa taille.' },
  // Exercice 3 — Étape 3.
  { id: '3.a', exercise: 3, type: 'capture', title: 'Démarrer le conteneur',
    prompt: 'Lancez `docker run -d --name basics -p 5000:5000 docker-basics:1.0.0`, puis `docker ps` et `curl http://localhost:5000/health`, et joignez la sortie.' },
  { id: '3.b', exercise: 3, type: 'capture', title: 'Arrêter le conteneur',
    prompt: 'Lancez `docker stop basics`, puis `docker ps -a`, et joignez la sortie.' },
  { id: '3.c', exercise: 3, type: 'capture', title: 'Inspecter le conteneur',
    prompt: 'Lancez `docker inspect basics` et joignez l’extrait qui montre son état (`State`) et ses ports (`NetworkSettings.Ports`).' },
  { id: '3.d', exercise: 3, type: 'explication', title: 'stop, rm et prune',
    prompt: 'Expliquez ce que font `docker stop`, `docker rm` (avec ses options `-f` et `-v`) et les commandes `prune`.' },
  // Exercice 4 — Étape 4.
  { id: '4.a', exercise: 4, type: 'explication', title: 'COPY ou -v',
    prompt: 'Comparez l’instruction `COPY` du Dockerfile et l’option `-v` de `docker run` : quand le contenu arrive-t-il dans le conteneur, et quand préférer l’une ou l’autre ?' },
  { id: '4.b', exercise: 4, type: 'capture', title: 'Le code monté avec -v',
    prompt: 'Lancez `docker run -d --name basics-dev -p 5001:5000 -v "$(pwd)/starter:/app" docker-basics:1.0.0`, modifiez le texte de `GET /` dans `starter/app.py`, lancez `docker restart basics-dev` puis `curl http://localhost:5001/`, et joignez la sortie.' },
  // Exercice 5 — Étape 5.
  { id: '5.a', exercise: 5, type: 'capture', title: 'Deux tags',
    prompt: 'Construisez l’image avec deux tags, `docker build -t docker-basics:1.0.0 -t docker-basics:latest ./starter`, puis joignez la sortie de `docker image ls docker-basics`.' },
  { id: '5.b', exercise: 5, type: 'explication', title: 'Pourquoi plusieurs tags',
    prompt: 'Expliquez l’intérêt de donner plusieurs tags à une même image, par exemple `1.0.0` et `latest`.' },
  { id: '5.c', exercise: 5, type: 'capture', title: 'Les couches',
    prompt: 'Lancez `docker history docker-basics:1.0.0` et joignez la sortie.' },
  { id: '5.d', exercise: 5, type: 'explication', title: 'Les couches lourdes',
    prompt: 'D’après `docker history`, quelles couches de l’image pèsent le plus, et pourquoi ? Comment pourrait-on les alléger ?' },
  // Exercice 6 — Étape 6, the mini-quiz.
  { id: '6.a', exercise: 6, type: 'explication', title: 'ENTRYPOINT et CMD',
    prompt: 'Quelle est la différence entre `ENTRYPOINT` et `CMD` dans un Dockerfile ?' },
  { id: '6.b', exercise: 6, type: 'explication', title: 'Variables d’environnement',
    prompt: 'Comment voir les variables d’environnement d’un conteneur en cours d’exécution ?' },
  { id: '6.c', exercise: 6, type: 'explication', title: 'Un build derrière un proxy',
    prompt: 'Un `docker build` échoue derrière le proxy d’une entreprise : comment diagnostiquer et corriger le problème ?' },
  { id: '6.d', exercise: 6, type: 'explication', title: 'L’espace disque',
    prompt: 'Comment voir l’espace disque occupé par Docker (images, conteneurs, volumes, cache de build) ?' },
  { id: '6.e', exercise: 6, type: 'explication', title: 'L’option --rm',
    prompt: 'Pourquoi l’option `--rm` de `docker run` est-elle utile en développement ?' },
];

/** The report criteria graded proportionally, and the exercises each one covers. */
export const REPORT_GROUPS = {
  'report.ex1-2': [1, 2],
  'report.ex3-4': [3, 4],
  'report.ex5-6': [5, 6],
} as const satisfies Readonly<Record<string, readonly number[]>>;
