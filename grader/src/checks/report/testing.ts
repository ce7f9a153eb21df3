// Test helpers for the report checks (never shipped to students: they hold correct answers).
// - Grading: a real submission folder built from the reference solution (labs/csc8613-tp1/reference) or the
//   template, with REPORT.md or other files replaced; report texts in other encodings.
// - Answers: genuinely different correct answers per explication question and content-free filler,
//   shared by the relevance tests, the similarity tests and the mutant corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSubmission, REFERENCE_DIR, TEMPLATE_DIR, type Overlay } from '../../submission/testing.ts';
import { createStaticContext, type StaticContext } from '../check.ts';
import type { StaticCriterion } from '../criterion.ts';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import { Submission } from '../../submission/submission.ts';
import type { Finding } from '../../model/result.ts';
import { QUESTION_BY_ID } from '../../../../labs/csc8613-tp1/questions.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';
import type { Lab } from '../../lab/lab.ts';

export const REFERENCE_REPORT = readFileSync(join(REFERENCE_DIR, 'REPORT.md'), 'utf8');
export const TEMPLATE_REPORT = readFileSync(join(TEMPLATE_DIR, 'REPORT.md'), 'utf8');

/** The template's REPORT.md with the placeholder under each question of `answers` replaced by its answer. */
export function templateWith(answers: Readonly<Record<string, string>>): string {
  let text = TEMPLATE_REPORT;
  for (const [id, answer] of Object.entries(answers)) {
    const heading = new RegExp(`(### ${id.replace('.', '\\.')} [^\\n]*\\n(?:[^#\\n][^\\n]*\\n|\\n)*?)_Votre réponse ici\\._`);
    if (!heading.test(text)) throw new Error(`no placeholder under ${id}`);
    text = text.replace(heading, (_, before: string) => `${before}${answer}`);
  }
  return text;
}

/** Runs `body` with the static context of a folder = base (reference by default) + overlay, for `lab` (csc8613-tp1 by default); the folder is removed after. */
export async function withContext<T>(body: (ctx: StaticContext) => Promise<T>, overlay: Overlay = {}, base?: string, lab: Lab = TP1): Promise<T> {
  const { dir, cleanup } = await makeSubmission(overlay, base);
  try {
    return await body(createStaticContext(await Submission.open(dir), DEFAULT_SETTINGS, lab));
  } finally {
    await cleanup();
  }
}

/** Grades `checks` on a folder = base (reference by default) + overlay; the folder is removed after. */
export async function gradeWith(checks: StaticCriterion[], overlay: Overlay = {}, base?: string): Promise<Finding[]> {
  return withContext(async (ctx) => {
    const findings: Finding[] = [];
    for (const check of checks) findings.push(await check.judge(ctx));
    return findings;
  }, overlay, base);
}

/** Grades one check on the reference with REPORT.md replaced by `report` (a string or raw bytes). */
export async function gradeReport(check: StaticCriterion, report: string | Buffer, overlay: Overlay = {}): Promise<Finding> {
  return (await gradeWith([check], { 'REPORT.md': report, ...overlay }))[0]!;
}

/** The reference report with the answer under question `id` replaced by `answer` (heading and prompt kept). */
export function withAnswer(id: string, answer: string, report = REFERENCE_REPORT): string {
  const question = QUESTION_BY_ID.get(id)!;
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${id} `));
  if (start === -1) throw new Error(`no heading for ${id}`);
  let end = start + 1;
  while (end < lines.length && !/^#{2,3} |^\[psql\]:/.test(lines[end]!)) end++;
  const body = ['', `> ${question.prompt}`, '', ...answer.split('\n'), ''];
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

/** Encodes text as Windows-1252 (what "Save as ANSI" produces); throws on characters it cannot hold. */
export function toWindows1252(text: string): Buffer {
  const high = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const special = high.indexOf(char);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (special !== -1) bytes.push(0x80 + special);
    else throw new Error(`not encodable in Windows-1252: ${char}`);
  }
  return Buffer.from(bytes);
}

/** Encodes text as UTF-16 with a byte order mark. */
export function toUtf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

// ---------------------------------------------------------------------------------------------
// Answers: material for the report's judgement. Genuinely different correct answers per
// explication question (short, long, English, bullet lists, pasted output then explanation),
// written as students of this lab write them, and content-free filler of every shape. Shared by
// the relevance tests (every correct answer on topic, no filler) and the similarity tests
// (independent correct answers are not copies of one another).
export const CORRECT_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  '1.c': [
    'La liste montre tous les conteneurs de la machine, même ceux qui sont arrêtés, avec leur statut.',
    "`docker ps -a` affiche l'ensemble des conteneurs créés sur ma machine : ceux qui tournent et ceux qui sont terminés. Pour chacun on a l'identifiant, l'image, la commande, la date de création, le statut et un nom.",
    'It lists every container on my machine, including the stopped ones (status Exited), not only the running ones.',
    '- une ligne par conteneur\n- y compris les conteneurs arrêtés (Exited)\n- colonnes : CONTAINER ID, IMAGE, STATUS, NAMES',
    "```text\nCONTAINER ID   IMAGE         COMMAND    CREATED          STATUS                      NAMES\n4f1c2a9b8e7d   hello-world   \"/hello\"   2 minutes ago    Exited (0) 2 minutes ago    quirky_euler\n```\n\nOn voit le conteneur hello-world qui a déjà fini : -a montre aussi les conteneurs inactifs, c'est l'historique des conteneurs.",
    "C'est l'historique des conteneurs lancés sur le poste : on retrouve le conteneur hello-world, qui est Exited car il a fini son travail.",
    "Elle représente les conteneurs qui ont été lancés sur ma machine, ici hello-world qui s'est exécuté une fois.",
    "On voit le conteneur hello-world créé juste avant, avec son nom et l'heure à laquelle il a été créé.",
    "Ça liste les conteneurs, même ceux qui ne tournent plus, avec leur ID, leur image et leur état.",
    "The output is a table with one row per container: id, image, command, created, status, ports and names.",
  ],
  '2.a': [
    "Une image est un modèle figé (un peu comme une classe), un conteneur est une instance de cette image qui s'exécute.",
    "L'image, c'est le paquet en lecture seule : le système de fichiers en couches, les dépendances et la commande par défaut. Le conteneur, c'est ce qu'on obtient quand on lance cette image : un processus isolé avec sa propre couche inscriptible. On peut créer autant de conteneurs qu'on veut à partir d'une seule image, et les supprimer sans toucher l'image.",
    'An image is a read-only template made of layers; a container is a running instance of that image, with its own writable layer on top.',
    "- image : recette / moule, immuable, stockée sur le disque\n- conteneur : ce qui tourne vraiment, créé à partir de l'image\n- une image → plusieurs conteneurs possibles",
    "Pour moi l'image c'est comme le fichier d'installation d'un programme et le conteneur c'est le programme en train de tourner. L'image ne change jamais, le conteneur vit et meurt.",
    "L'image contient le code et les dépendances de l'application, le conteneur c'est quand on la démarre.",
    "Une image sert de base pour créer des conteneurs ; on peut en lancer plusieurs à partir de la même image.",
    "L'image est en lecture seule alors que le conteneur peut être modifié pendant qu'il tourne.",
    "Image = snapshot of a filesystem + config; container = a process started from it, isolated from the rest.",
  ],
  '2.b': [
    "Docker télécharge l'image alpine car elle n'est pas en local, crée un conteneur, affiche la phrase puis le conteneur s'arrête.",
    "```text\nUnable to find image 'alpine:latest' locally\nlatest: Pulling from library/alpine\nBonjour depuis un conteneur Alpine\n```\n\nLa première fois, Docker va chercher l'image sur Docker Hub (pull). Ensuite il lance un nouveau conteneur qui exécute echo, le texte apparaît dans le terminal et le conteneur se termine aussitôt.",
    "Docker pulls the alpine image from Docker Hub because it is not present locally, creates a container from it, runs echo, which prints the message, and the container exits right after.",
    '1. recherche de l’image alpine en local, absente\n2. téléchargement depuis le registre\n3. création et démarrage du conteneur\n4. echo écrit le message sur la sortie standard\n5. fin du processus, donc arrêt du conteneur',
    "Le message Bonjour depuis un conteneur Alpine s'affiche dans mon terminal ; la commande echo a tourné dans un conteneur tout neuf, qui s'est arrêté juste après.",
    "It printed the sentence and then the container stopped since echo was done.",
    "Comme je n'avais pas l'image, docker l'a pull automatiquement, puis a lancé echo qui a imprimé le message.",
    "La commande a affiché le texte demandé, le conteneur a fait son travail puis il est sorti.",
  ],
  '2.c': [
    "Parce que la commande echo s'est terminée : un conteneur s'arrête quand son processus principal se termine.",
    "Un conteneur ne vit que tant que son processus principal tourne. Ici ce processus est echo, qui affiche la phrase puis se termine tout de suite avec le code 0. Docker considère donc le conteneur comme terminé et affiche Exited (0) : ce n'est pas une erreur, le programme a simplement fini son travail.",
    'Because its only command, echo, finished: once the main process ends the container stops, and the exit code 0 shows it ended normally.',
    "- le conteneur exécute une seule commande\n- echo finit en une fraction de seconde\n- plus rien à exécuter → le conteneur s'arrête (code de sortie 0)",
    "```text\nCONTAINER ID   IMAGE    COMMAND                  STATUS\n9c0d7e6f5a4b   alpine   \"echo 'Bonjour depuis…\"   Exited (0) 5 seconds ago\n```\n\nLe statut vient du fait que la tâche du conteneur était juste d'afficher un texte : une fois echo fini, il n'y a plus de processus, donc il sort.",
    "Il n'y avait qu'une commande echo à exécuter, une fois finie le conteneur n'a plus rien à faire donc il s'arrête.",
    "Because echo finishes immediately and the container stops when its command is done.",
    "Le conteneur s'arrête dès que la commande echo a fini de s'exécuter, c'est normal.",
    "Exited veut dire que le conteneur a fini son exécution : echo a affiché le texte et s'est terminé normalement.",
    "The container ran echo, echo exited with status 0, so the container is now in the Exited state.",
  ],
  '2.d': [
    "J'ai un shell interactif avec l'invite / #, ls montre les dossiers bin, etc, usr d'Alpine et uname -a affiche un noyau Linux.",
    "Avec -it j'obtiens un terminal interactif dans le conteneur. ls liste une arborescence Linux très minimale (bin, dev, etc, home, lib, usr, var), qui n'a rien à voir avec les fichiers de mon PC. uname -a affiche le noyau de WSL2 : le conteneur n'a pas son propre noyau, il utilise celui de l'hôte. Quand je tape exit, le shell se termine et le conteneur s'arrête aussi.",
    "I get an interactive prompt inside Alpine; ls shows a tiny Linux file system, uname -a shows the host's Linux kernel, and exit stops the container.",
    "```text\n/ # ls\nbin    dev    etc    home   lib    media  mnt    opt    proc   root   run    sbin   srv    sys    tmp    usr    var\n/ # uname -a\nLinux 3f2a1b0c9d8e 5.15.167.4-microsoft-standard-WSL2 #1 SMP x86_64 Linux\n```\n\nOn est dans un mini système isolé : les répertoires sont ceux de l'image, et le noyau affiché est celui de ma machine.",
    "- `ls` : les répertoires classiques d'un Linux\n- `uname -a` : kernel Linux partagé avec l'hôte\n- `exit` : on quitte le shell, le conteneur passe en Exited",
    "On se retrouve dans un shell à l'intérieur du conteneur alpine, on peut taper des commandes Linux.",
    "ls affiche les dossiers du conteneur et uname -a montre que c'est un système Linux.",
    "I was inside the container, with a shell; exit brought me back to my own terminal.",
    "Le prompt change en / # : on est root dans le conteneur Alpine, avec un système de fichiers à lui.",
    "uname -a montre le même kernel que ma machine hôte, ce qui prouve que les conteneurs partagent le noyau.",
  ],
  '4.a': [
    "L'option -p relie le port 8000 de ma machine au port 8000 du conteneur pour que l'API soit joignable.",
    "-p publie un port : la partie gauche est le port de l'hôte, la partie droite le port du conteneur. Sans ça, uvicorn écoute bien dans le conteneur mais le conteneur est dans son propre réseau et rien n'est accessible depuis localhost. Avec -p 8080:8000 on y accéderait par le port 8080 de la machine.",
    'It maps port 8000 on the host to port 8000 inside the container, so that requests to localhost:8000 from my browser reach the API.',
    "- 1er 8000 = port côté machine hôte\n- 2e 8000 = port où l'API écoute dans le conteneur\n- Docker redirige le trafic de l'un vers l'autre",
    "C'est une redirection de port : tout ce qui arrive sur localhost:8000 est transféré au conteneur sur son port 8000, sinon on ne pourrait pas appeler l'API depuis le navigateur.",
    "Elle permet d'accéder à l'API depuis l'extérieur du conteneur via localhost:8000.",
    "Ça fait le lien entre le 8000 de mon ordinateur et le 8000 du conteneur.",
    "Le -p sert à mapper le port du conteneur vers ma machine : format port_hôte:port_conteneur.",
    "Ça expose le port 8000 de l'API sur mon ordinateur pour que curl localhost:8000 marche.",
  ],
  '4.c': [
    "Le conteneur s'appelle eager_hopper, il utilise l'image simple-api et le port publié est 0.0.0.0:8000->8000/tcp.",
    "```text\nCONTAINER ID   IMAGE        COMMAND                  STATUS         PORTS                    NAMES\nb2c4d6e8f0a1   simple-api   \"uvicorn app:app --h…\"   Up 2 minutes   0.0.0.0:8000->8000/tcp   festive_turing\n```\n\nNom : festive_turing (donné au hasard par Docker), image : simple-api, le port 8000 de l'hôte est envoyé vers le 8000 du conteneur.",
    'Name: relaxed_mahavira (Docker generated it), image: simple-api, ports: 0.0.0.0:8000->8000/tcp, i.e. host port 8000 to container port 8000.',
    '- nom : `admiring_curie`\n- image : `simple-api`\n- port : `8000->8000/tcp`\n- id : `7a8b9c0d1e2f`',
    "J'ai lancé le conteneur avec --name api-test, donc il s'appelle api-test ; il vient de l'image simple-api et publie le port 8000.",
    "Le conteneur s'appelle zealous_babbage, l'image est simple-api, et le port est 8000.",
    "nom : api ; image : simple-api:latest ; port : 0.0.0.0:8000->8000/tcp",
    "NAMES = nostalgic_wozniak, IMAGE = simple-api, PORTS = 0.0.0.0:8000->8000/tcp, :::8000->8000/tcp",
  ],
  '4.d': [
    'docker ps ne montre que les conteneurs qui tournent, alors que docker ps -a montre aussi ceux qui sont arrêtés.',
    "Après docker stop, docker ps est vide car il n'affiche que les conteneurs en cours d'exécution. docker ps -a (all) affiche tous les conteneurs, y compris le mien qui est maintenant en statut Exited : il est arrêté, pas supprimé, et je pourrais le relancer avec docker start.",
    'docker ps lists only running containers; docker ps -a lists all of them, including stopped ones like mine after docker stop (status Exited).',
    "- `docker ps` : conteneurs actifs seulement\n- `docker ps -a` : tous, même arrêtés\n- mon conteneur arrêté n'apparaît que dans le second",
    "```text\n$ docker ps\nCONTAINER ID   IMAGE   COMMAND   CREATED   STATUS    PORTS     NAMES\n$ docker ps -a\nCONTAINER ID   IMAGE        COMMAND                  STATUS\nb2c4d6e8f0a1   simple-api   \"uvicorn app:app --h…\"   Exited (0) 10 seconds ago\n```\n\nLa première liste est vide, la seconde contient le conteneur stoppé : -a inclut les conteneurs qui ne tournent plus.",
    "docker ps affiche les conteneurs lancés en ce moment, docker ps -a affiche aussi les anciens.",
    "docker ps only shows containers that are up, docker ps -a shows every container.",
    "Après l'arrêt il n'apparaît plus dans docker ps mais on le voit toujours dans docker ps -a.",
    "ps affiche seulement les conteneurs actifs et ps -a affiche l'historique complet de tous les conteneurs.",
  ],
  '5.e': [
    'docker compose down arrête et supprime tous les conteneurs du projet et leur réseau, docker stop arrête un seul conteneur sans le supprimer.',
    "docker stop <id> envoie un signal d'arrêt à un conteneur précis ; il reste ensuite visible dans docker ps -a et peut être relancé. docker compose down agit sur toute la pile décrite dans docker-compose.yml : il arrête les services, supprime leurs conteneurs et le réseau créé par Compose, mais garde les volumes nommés sauf avec -v.",
    'down stops and removes every container of the stack plus its network; docker stop only stops one container, which is still there afterwards.',
    '- `docker stop` : 1 conteneur, arrêté mais conservé\n- `docker compose down` : tous les services, conteneurs supprimés + réseau supprimé\n- les volumes restent dans les deux cas',
    "Avec down, Compose fait le ménage de l'application entière (conteneurs et réseau effacés). Un docker stop ne touche qu'un conteneur, qu'on peut redémarrer ensuite avec docker start.",
    "docker compose down arrête tous les services et efface les conteneurs alors que docker stop arrête juste un conteneur.",
    "docker stop met en pause le conteneur, docker compose down le détruit avec le réseau.",
    "compose down supprime les conteneurs du projet ainsi que le réseau par défaut, contrairement à docker stop qui garde le conteneur.",
    "docker stop: the container is only stopped and can be started again; docker compose down removes containers and network.",
  ],
  '6.a': [
    'exec lance une commande dans un conteneur déjà démarré, db est le service, -U l’utilisateur et -d la base de données.',
    "- `exec` : exécuter une commande à l'intérieur d'un conteneur qui tourne déjà\n- `db` : le nom du service dans docker-compose.yml\n- `psql` : le client PostgreSQL en ligne de commande\n- `-U demo` : se connecter avec l'utilisateur demo\n- `-d demo` : ouvrir la base demo",
    'exec runs a command inside an already running container of the stack, db is the service name from the compose file, -U chooses the user and -d the database.',
    "La commande ne crée pas de nouveau conteneur : exec entre dans celui du service db, qui est en marche. On y lance psql, avec -U pour dire quel rôle PostgreSQL utiliser (demo) et -d pour la base à ouvrir (demo elle aussi).",
    "```text\npsql (17.2 (Debian 17.2-1.pgdg120+1))\nType \"help\" for help.\n\ndemo=#\n```\n\nL'invite demo=# montre qu'on est connecté à la base demo : -d choisit la base, -U le user, db désigne le service Compose et exec exécute psql dedans.",
    "exec permet de lancer psql dans le conteneur db, -U donne le nom d'utilisateur et -d le nom de la base.",
    "exec = run a command in the db container, -U = username, -d = database name.",
    "db c'est le conteneur postgres, -U l'utilisateur demo, -d la base demo.",
    "exec permet d'exécuter psql dans le conteneur de la base sans ouvrir de port; -U précise l'utilisateur et -d la database.",
  ],
  '6.c': [
    "L'API utiliserait l'hôte db, le port 5432, l'utilisateur demo, le mot de passe demo et la base demo.",
    "Dans le réseau créé par Compose, chaque service est joignable par son nom, donc l'hôte est db et pas localhost. Le port est 5432, celui de PostgreSQL dans le conteneur. On passerait à l'API une variable d'environnement DATABASE_URL=postgresql://demo:demo@db:5432/demo, avec les identifiants définis dans le fichier Compose.",
    'The API would connect to host db (the service name, resolved by Docker DNS on the Compose network), port 5432, user demo, password demo, database demo.',
    '- host : `db`\n- port : `5432`\n- user / password : `demo` / `demo`\n- database : `demo`\n- URL : `postgresql://demo:demo@db:5432/demo`',
    "Il faut utiliser le nom du service comme nom d'hôte, db, parce que Docker fait la résolution DNS entre conteneurs du même réseau ; le reste vient des variables POSTGRES_USER, POSTGRES_PASSWORD et POSTGRES_DB (demo partout) et du port 5432.",
    "Elle utiliserait db comme hôte, 5432 comme port, demo/demo et la base demo.",
    "Avec l'URL postgresql://demo:demo@db:5432/demo dans une variable d'environnement.",
    "Host: db (nom du service), Port: 5432, User: demo, Password: demo, Database: demo.",
  ],
  '6.d': [
    "Avec -v, Compose supprime aussi les volumes, donc toutes les données de la base sont perdues ; sans -v elles sont conservées.",
    "docker compose down seul supprime les conteneurs et le réseau, mais le volume nommé pgdata reste : au prochain up, on retrouve les tables. down -v supprime en plus les volumes déclarés, donc la base repart de zéro et PostgreSQL refait son initialisation.",
    '-v also removes the named volumes, so the database data is lost; without it the volume survives and the data is still there after the next up.',
    '- `down` : conteneurs supprimés, volume gardé → données persistantes\n- `down -v` : volume supprimé → perte des données',
    "J'ai créé une table, fait down puis up : elle était toujours là. Après down -v puis up, la table avait disparu, car le volume qui stockait les fichiers de PostgreSQL a été effacé.",
    "Avec -v les volumes sont supprimés donc la base est vide au prochain démarrage.",
    "L'option -v efface le volume pgdata : la prochaine fois la base est recréée vide.",
    "Avec -v on perd tout ce qu'on avait mis dans PostgreSQL, car le volume est supprimé.",
  ],
  '7.a': [
    "Au démarrage uvicorn affiche Started server process et Application startup complete, puis une ligne GET /health 200 à chaque requête.",
    "```text\napi-1  | INFO:     Started server process [1]\napi-1  | INFO:     Waiting for application startup.\napi-1  | INFO:     Application startup complete.\napi-1  | INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\napi-1  | INFO:     172.18.0.1:51234 - \"GET /health HTTP/1.1\" 200 OK\n```\n\nLes premières lignes sont celles du lancement du serveur, la dernière est apparue quand j'ai fait curl : une ligne par requête avec le code 200.",
    'At start-up the logs show uvicorn starting and listening on 0.0.0.0:8000; each call to /health adds an access line with GET /health and status 200. With -f the command keeps following new lines live.',
    '- démarrage : messages INFO d’uvicorn (server process, startup complete, running on 0.0.0.0:8000)\n- requête : nouvelle ligne "GET /health HTTP/1.1" 200 OK\n- -f : on suit les logs en temps réel',
    "On voit le serveur qui se lance puis qui écoute sur le port 8000. Quand j'appelle /health, une ligne d'accès s'ajoute en direct avec l'adresse du client et le code 200.",
    "Au lancement on voit les messages d'uvicorn, puis à chaque requête une ligne avec le code 200.",
    "I see uvicorn starting, then a log line for every request to /health.",
    "Les logs affichent INFO Application startup complete puis une ligne GET /health 200 OK.",
    "Au démarrage : INFO: Started server process, Waiting for application startup, Application startup complete. À chaque requête : INFO: 172.18.0.1 - GET /health HTTP/1.1 200 OK.",
  ],
  '7.b': [
    "ls montre app.py et requirements.txt dans /app, python --version affiche Python 3.13.1, et après exit le conteneur continue de tourner.",
    "Le shell s'ouvre dans le WORKDIR /app. ls ne montre que les fichiers copiés par le Dockerfile (app.py, requirements.txt), grâce au .dockerignore. python --version donne la version de l'image de base, pas celle de ma machine. exit ferme seulement le shell : le conteneur de l'API est toujours en marche car son processus principal reste uvicorn.",
    'Inside the container I am in /app with app.py and requirements.txt; python --version says Python 3.12, the version of the base image, and after exit the API container keeps running.',
    "```text\n/app # ls\napp.py            requirements.txt\n/app # python --version\nPython 3.13.1\n/app # exit\n```\n\nOn est bien dans le conteneur de l'API : ce sont les fichiers de l'image, et le Python de l'image, pas celui de mon hôte.",
    '- dossier courant : /app\n- fichiers : app.py, requirements.txt\n- Python 3.11.9 (celui de l’image)\n- exit ne stoppe pas le conteneur, uvicorn tourne encore',
    "Dans le conteneur on trouve le fichier app.py et la version de Python est 3.12.",
    "On est dans le dossier /app qui contient le code de l'API, et Python est installé dans le conteneur.",
    "On voit app.py et requirements.txt, Python 3.13 est installé, et exit nous ramène sur notre machine sans arrêter le conteneur.",
  ],
  '7.c': [
    'Le conteneur est arrêté puis relancé et /health répond de nouveau ; utile quand le service est bloqué ou après un changement de configuration.',
    "restart arrête le conteneur de l'API puis le redémarre avec la même image, sans reconstruire. /health a répondu à nouveau après quelques secondes. C'est utile si l'application plante ou ne répond plus, si on a modifié une variable d'environnement ou un fichier monté, ou si la base a redémarré et que l'API doit rouvrir ses connexions. Pour un changement de code il faut up --build.",
    'restart stops and starts the api container again with the same image; it helps when the service hangs, leaks memory, or must reconnect to a database that restarted.',
    '- service planté ou figé\n- après modification de la config\n- après un redémarrage de la base\n- ne prend pas en compte un changement de code (il faut rebuild)',
    "```text\n$ docker compose restart api\n[+] Restarting 1/1\n ✔ Container tp-api-1  Started\n$ curl localhost:8000/health\n{\"status\":\"ok\"}\n```\n\nOn redémarre quand l'API est dans un mauvais état (bloquée, fuite mémoire) ou pour appliquer de nouvelles variables.",
    "Utile quand l'API ne répond plus ou après avoir changé une variable d'environnement.",
    "Le redémarrage sert si le service a un problème, par exemple s'il est bloqué.",
    "Un redémarrage est utile si l'application a crashé, si elle consomme trop de mémoire, ou pour prendre en compte une nouvelle configuration.",
    "It's useful when the API stops responding or after the database restarts so the API reconnects.",
  ],
  '7.d': [
    "Les logs montraient une trace Python : Attribute \"app\" not found in module \"app\", donc uvicorn ne trouvait plus la variable app.",
    "Après up -d --build, la commande a rendu la main sans erreur, mais /health ne répondait plus. docker compose ps -a montrait l'API en Exited (1). Dans docker compose logs api, la dernière ligne de la traceback disait Error loading ASGI app. Attribute \"app\" not found in module \"app\". J'ai compris que uvicorn cherche l'objet app de app:app et que je l'avais renommé.",
    'The API container exited at once; its logs ended with a Python error saying attribute "app" was not found in module "app", which pointed to the renamed variable.',
    '- `/health` ne répond plus (connexion refusée)\n- `docker compose ps -a` : api Exited (1)\n- logs : `Error loading ASGI app`\n- cause : la variable `app` n’existe plus (appi)',
    "```text\napi-1  | ERROR:    Error loading ASGI app. Attribute \"app\" not found in module \"app\".\napi-1 exited with code 1\n```\n\nC'est en lisant la fin de ce message d'erreur que j'ai vu que uvicorn ne trouvait plus l'application, donc le renommage était la cause.",
    "Dans les logs, il y avait une erreur qui disait que app n'était pas trouvé, c'était à cause de appi.",
    "J'ai regardé docker compose logs api et vu l'erreur à la fin, qui indiquait que l'attribut app n'existait pas.",
    "J'ai fait docker compose logs api et j'ai vu l'erreur Attribute app not found in module app, donc uvicorn ne trouvait pas app.",
    "L'API ne démarrait plus : le conteneur s'arrêtait tout de suite, et les logs montraient une erreur d'import de l'application.",
  ],
  '7.e': [
    "Ces commandes suppriment les conteneurs arrêtés et les images inutilisées, ce qui libère de l'espace disque.",
    "docker container prune efface tous les conteneurs arrêtés et docker image prune les images sans tag (les <none> laissées par chaque rebuild). Pendant le TP j'avais accumulé plus de 800 Mo de restes. Nettoyer libère de la place, garde docker ps -a lisible et évite de relancer par erreur une vieille version.",
    'Pruning removes stopped containers and dangling images; otherwise they pile up, waste disk space and make docker ps -a and docker images hard to read.',
    '- gain de place sur le disque\n- listes plus claires\n- pas de confusion avec d’anciennes images',
    "```text\n$ docker image prune\nDeleted Images:\ndeleted: sha256:3b1f…\nTotal reclaimed space: 412.3MB\n```\n\nPlus de 400 Mo récupérés : les anciennes versions de l'image encombraient le stockage, d'où l'intérêt de nettoyer souvent.",
    "Pour libérer de l'espace disque et supprimer ce qui ne sert plus.",
    "Ça évite d'accumuler des conteneurs arrêtés et des images inutiles qui prennent de la place.",
    "Cleaning frees gigabytes on the disk and keeps the list of images readable.",
  ],
  '8.a': [
    "Un notebook n'est pas reproductible : les cellules peuvent s'exécuter dans n'importe quel ordre et l'environnement (versions des bibliothèques) dépend de la machine de l'auteur, alors qu'une image Docker fige tout.",
    "Dans un notebook l'état caché du noyau fait qu'un résultat dépend de l'ordre dans lequel on a lancé les cellules. Les dépendances ne sont écrites nulle part, contrairement au requirements.txt du TP. Et il n'y a pas de service : en production on veut une API comme /health, lancée automatiquement et surveillée, pas quelqu'un qui clique sur Run all.",
    'A notebook is a poor way to deploy a model: hidden state makes runs hard to reproduce, the environment lives only on the author’s laptop, and nothing is automated — there is no API, no healthcheck, no restart.',
    "- reproductibilité : ordre des cellules et état caché\n- environnement : versions de Python et des librairies non figées\n- automatisation : impossible à lancer dans une pipeline CI\n- pas d'API pour servir les prédictions",
    "Le notebook c'est bien pour explorer, mais pour la production il faut un environnement identique partout (image Docker avec ses dépendances) et un vrai serveur qui répond à des requêtes HTTP, ce qu'on a fait avec FastAPI et uvicorn dans le TP.",
    "Un notebook n'est pas fait pour tourner en continu comme un serveur, il dépend de l'environnement local, et son exécution cellule par cellule n'est pas reproductible.",
  ],
  '8.b': [
    'Compose décrit la base et l’API dans un seul fichier et une seule commande docker compose up -d lance tout, dans le bon ordre grâce à depends_on.',
    "Avec plusieurs services il faut un réseau commun, des volumes, des variables et un ordre de démarrage. Pendant le TP, docker compose up -d a tout créé d'un coup, l'API attendait que db soit healthy grâce au healthcheck, et elle joignait la base par le nom de service db. Sans Compose il aurait fallu taper plusieurs longues commandes docker run à la main.",
    'Compose keeps the whole stack in one versioned YAML file; in the lab one command started the database and the API on a shared network where the API reached the database by its service name.',
    '- un seul fichier docker-compose.yml versionné\n- `up -d` / `down` pour toute la pile\n- réseau automatique : l’API joint `db` par son nom\n- volume nommé pour garder les données',
    "Ce que j'ai vu : quand la base redémarrait, les données restaient grâce au volume, et docker compose logs -f api permettait de déboguer l'API sans chercher son identifiant. Tout est décrit dans un fichier que n'importe qui peut relancer sur sa machine.",
    "Compose permet de lancer plusieurs conteneurs ensemble avec un seul fichier, et gère le réseau entre eux : l'API accède à la base via le nom db.",
  ],
};

/** Content-free answers of every shape: grammatical, long enough, and about nothing. */
export const FILLER_ANSWERS: readonly string[] = [
  "Tout s'est déroulé comme prévu et j'ai appris beaucoup de choses utiles pour la suite du cours.",
  "Cette partie du TP était très intéressante et m'a permis de mieux comprendre le fonctionnement général.",
  "J'ai suivi les instructions de l'énoncé étape par étape et je n'ai rencontré aucun problème particulier.",
  "Cette question est importante car elle permet de bien comprendre ce qui se passe dans Docker.",
  "J'ai lancé la commande dans mon terminal et tout a fonctionné correctement du premier coup, sans erreur.",
  "Voir la capture d'écran ci-dessus, qui montre bien le résultat obtenu après avoir tapé la commande.",
  'Le résultat obtenu correspond exactement à ce qui était attendu dans le sujet, donc tout est bon.',
  "Comme on peut le voir, la commande fonctionne bien et le résultat est conforme à ce que l'on attendait.",
  "C'est une notion essentielle de Docker que tout développeur doit maîtriser pour travailler efficacement.",
  "J'ai bien compris cette partie grâce aux explications du professeur et aux exemples vus en cours.",
  "Il s'agit d'un point fondamental qui revient souvent en pratique, il faut donc bien le retenir.",
  'I ran the command as asked and everything worked as expected, which was very satisfying to see.',
  'This part of the lab was really interesting and helped me understand how things work in general.',
  "Le chat de ma voisine dort toute la journée sur le canapé du salon pendant que la pluie tombe dehors.",
  "Les marchés financiers ont connu une semaine agitée, avec de fortes variations sur les valeurs technologiques.",
  'Nous avons tous travaillé sérieusement sur ce sujet pendant la séance et le résultat était satisfaisant.',
  "Après plusieurs essais, j'ai réussi à terminer cette étape et je suis passé à la question suivante.",
  "Je pense que c'est une très bonne pratique à adopter et que cela sera utile dans un projet réel.",
  "La réponse à cette question est assez simple quand on a bien lu l'énoncé et la documentation officielle.",
  "On observe que la commande produit le comportement attendu, ce qui confirme que l'installation fonctionne.",
  "J'ai mis en place ce qui était demandé et j'ai vérifié que le résultat était cohérent avec le cours.",
  'En conclusion, Docker est un outil puissant et pratique, très utilisé aujourd’hui dans les entreprises.',
  'Cet exercice montre bien l’intérêt de Docker pour les développeurs et pour les équipes techniques en général.',
];
