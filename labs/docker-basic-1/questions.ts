// The questions of REPORT.md for the lab « Premiers pas avec Docker » (course docker-basic-1), as
// data: the template is rendered from this list and the report criteria grade against it. The
// course's steps are numbered as exercises 1–7 (Étape 0 → exercice 1 … Étape 5 → exercice 6, the
// Bilan → exercice 7), so the report criteria keep their generic ids. Prompts are in French, adapted
// to this repository's layout: the student's files are starter/welcome.py and starter/Dockerfile,
// built from the repository root with `docker build -t welcome:1.0.0 ./starter`.
import type { Question } from '../../grader/src/lab/lab.ts';

export const EXERCISE_TITLES: Readonly<Record<number, string>> = {
  1: 'Vérifier l’installation de Docker',
  2: 'Exécuter des images existantes',
  3: 'Préparer le programme Python',
  4: 'Écrire un Dockerfile minimal',
  5: 'Personnaliser l’exécution',
  6: 'Inspecter, lire les logs, nettoyer',
  7: 'Bilan',
};

export const QUESTIONS: readonly Question[] = [
  // Exercice 1 — Étape 0 of the course.
  { id: '1.a', exercise: 1, type: 'capture', title: 'docker version',
    prompt: 'Lancez `docker version` et joignez la sortie (ou une capture) : les deux parties, *Client* et *Server*, doivent répondre.' },
  { id: '1.b', exercise: 1, type: 'explication', title: 'Client et serveur',
    prompt: 'D’après `docker version`, expliquez la différence entre la partie *Client* et la partie *Server*.' },
  { id: '1.c', exercise: 1, type: 'capture', title: 'docker info',
    prompt: 'Lancez `docker info` et joignez la sortie (ou une capture).' },
  { id: '1.d', exercise: 1, type: 'explication', title: 'Lire docker info',
    prompt: 'Dans la sortie de `docker info`, relevez le pilote de stockage (*Storage Driver*), le runtime par défaut (*Default Runtime*) et le nombre d’images et de conteneurs déjà présents.' },
  // Exercice 2 — Étape 1.
  { id: '2.a', exercise: 2, type: 'capture', title: 'hello-world',
    prompt: 'Lancez `docker run hello-world` et joignez la sortie (ou une capture).' },
  { id: '2.b', exercise: 2, type: 'explication', title: 'Les quatre étapes',
    prompt: 'Le message de `hello-world` décrit quatre étapes : expliquez avec vos mots ce que fait Docker à chacune.' },
  { id: '2.c', exercise: 2, type: 'capture', title: 'Un shell éphémère',
    prompt: 'Lancez `docker run -it --rm alpine:3.20 sh`, tapez `ls /`, `touch test.txt` puis `exit` ; relancez la même commande, tapez `ls` et joignez toute la session.' },
  { id: '2.d', exercise: 2, type: 'explication', title: 'Le fichier de la première session',
    prompt: 'Le fichier créé pendant la première session existe-t-il encore dans la seconde ? Expliquez pourquoi.' },
  { id: '2.e', exercise: 2, type: 'explication', title: 'Lister et nettoyer les conteneurs',
    prompt: 'Lancez `docker ps -a`, puis `docker rm <id ou nom>` sur l’un des conteneurs listés, et relancez `docker ps -a` : que montre cette liste, et qu’a fait `docker rm` ?' },
  // Exercice 3 — Étape 2.
  { id: '3.a', exercise: 3, type: 'code', title: 'Le script welcome.py',
    prompt: 'Complétez les TODO 1 à 3 de `starter/welcome.py` : le script affiche « Bonjour Docker ! », la date et l’heure UTC, puis le système.' },
  { id: '3.b', exercise: 3, type: 'capture', title: 'Exécution locale',
    prompt: 'Depuis la racine du dépôt, lancez `python3 starter/welcome.py` sur votre machine et joignez la sortie.' },
  // Exercice 4 — Étape 3.
  { id: '4.a', exercise: 4, type: 'code', title: 'Le Dockerfile',
    prompt: 'Complétez les TODO de `starter/Dockerfile` : image de base `python:3.12-slim`, `WORKDIR /app`, copie de `welcome.py` et `CMD` en forme exec qui lance le script.' },
  { id: '4.b', exercise: 4, type: 'capture', title: 'Construire l’image',
    prompt: 'Depuis la racine du dépôt, construisez l’image avec `docker build -t welcome:1.0.0 ./starter` et montrez que le build a réussi.' },
  { id: '4.c', exercise: 4, type: 'capture', title: 'Lancer le conteneur',
    prompt: 'Lancez `docker run --rm welcome:1.0.0` et joignez la sortie.' },
  { id: '4.d', exercise: 4, type: 'explication', title: 'Local ou conteneur',
    prompt: 'Comparez la sortie du conteneur (4.c) avec celle de l’exécution locale (3.b) : qu’est-ce qui change pour la date et l’heure, et pour le système ? Expliquez pourquoi.' },
  // Exercice 5 — Étape 4.
  { id: '5.a', exercise: 5, type: 'code', title: 'Le prénom dans une variable d’environnement',
    prompt: 'Complétez le TODO 4 de `starter/welcome.py` : le prénom vient de la variable d’environnement `WELCOME_NAME`, `Docker` par défaut. Reconstruisez ensuite l’image.' },
  { id: '5.b', exercise: 5, type: 'capture', title: 'Passer une variable',
    prompt: 'Lancez `docker run --rm -e WELCOME_NAME=Alice welcome:1.0.0` et joignez la sortie.' },
  { id: '5.c', exercise: 5, type: 'capture', title: 'Remplacer la commande',
    prompt: 'Lancez `docker run --rm welcome:1.0.0 python -c "print(\'Commande override\')"` et joignez la sortie.' },
  { id: '5.d', exercise: 5, type: 'explication', title: 'CMD ou arguments',
    prompt: 'Expliquez la différence entre le `CMD` du Dockerfile et les arguments donnés à `docker run` après le nom de l’image.' },
  // Exercice 6 — Étape 5.
  { id: '6.a', exercise: 6, type: 'capture', title: 'En arrière-plan',
    prompt: 'Lancez `docker run -d --name welcome_app welcome:1.0.0 sleep 60`, puis `docker ps`, et joignez la sortie des deux commandes.' },
  { id: '6.b', exercise: 6, type: 'capture', title: 'Inspecter le conteneur',
    prompt: 'Avec `docker inspect welcome_app`, affichez les variables d’environnement du conteneur (`Config.Env`) et joignez-les.' },
  { id: '6.c', exercise: 6, type: 'explication', title: 'Logs et processus',
    prompt: 'Lancez `docker logs welcome_app` puis `docker top welcome_app` : que montre chacune de ces commandes pour ce conteneur, et pourquoi ?' },
  { id: '6.d', exercise: 6, type: 'capture', title: 'Arrêter, supprimer, nettoyer',
    prompt: 'Lancez `docker stop welcome_app`, `docker rm welcome_app` puis `docker image prune`, et joignez la sortie.' },
  { id: '6.e', exercise: 6, type: 'explication', title: 'docker rm ou docker image rm',
    prompt: 'Expliquez la différence entre `docker rm` et `docker image rm`.' },
  // Exercice 7 — the Bilan.
  { id: '7.a', exercise: 7, type: 'explication', title: 'Local ou conteneurisé',
    prompt: 'Qu’est-ce qui change entre l’exécution du script sur votre machine et son exécution dans un conteneur ? Donnez au moins deux différences.' },
  { id: '7.b', exercise: 7, type: 'explication', title: 'Les commandes découvertes',
    prompt: 'Quelles commandes Docker de ce TP étaient nouvelles pour vous ? Dites en quelques mots à quoi sert chacune.' },
  { id: '7.c', exercise: 7, type: 'action', title: 'Difficultés',
    prompt: 'Quelles difficultés avez-vous rencontrées, et comment les avez-vous surmontées ? Une phrase suffit s’il n’y en a pas eu.' },
];

/** The report criteria graded proportionally, and the exercises each one covers. */
export const REPORT_GROUPS = {
  'report.ex1-2': [1, 2],
  'report.ex3-4': [3, 4],
  'report.ex5-6': [5, 6],
  'report.ex7': [7],
} as const satisfies Readonly<Record<string, readonly number[]>>;
