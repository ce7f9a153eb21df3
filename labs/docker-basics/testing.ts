// Test material for the report's judgement of this lab (never shipped to students: it holds correct
// answers). Genuinely different correct answers per explication question — short, long, English,
// bullet lists, a Dockerfile justified line by line, commands with a few words each — written as
// students of this course write them. Every one must be judged answered and on topic.

export const CORRECT_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  '1.d': [
    "docker ps ne montre que les conteneurs en cours d'exécution ; docker ps -a montre tous les conteneurs, y compris ceux qui sont arrêtés.",
    "La première liste est vide parce qu'aucun conteneur ne tourne. Avec -a, on voit aussi les conteneurs terminés (statut Exited) comme hello-world et alpine, qui existent encore tant qu'on ne les a pas supprimés.",
    'docker ps lists only the running containers, while docker ps -a lists all containers, including the stopped ones with their exit status.',
    '- `docker ps` : seulement les conteneurs actifs\n- `docker ps -a` : tous les conteneurs, même arrêtés (Exited), comme un historique',
    "Sans l'option -a on ne voit que ce qui tourne en ce moment ; avec -a on retrouve l'historique complet des conteneurs créés sur la machine, arrêtés ou non.",
  ],
  '2.c': [
    "- `# syntax=docker/dockerfile:1` : force l'utilisation de la dernière syntaxe Dockerfile (BuildKit).\n- `FROM python:3.12-slim` : image de base officielle, légère, avec Python 3.12.\n- `WORKDIR /app` : définit le répertoire de travail.\n- `COPY requirements.txt .` : copie uniquement les dépendances d'abord pour maximiser le cache des couches.\n- `RUN pip install --no-cache-dir -r requirements.txt` : installe les dépendances sans conserver le cache afin de réduire la taille de l'image.\n- `COPY app.py .` : copie le code après les deps pour ne reconstruire que cette couche quand le code change.\n- `EXPOSE 5000` : documente le port utilisé.\n- `CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:5000\", \"app:app\"]` : démarrage en prod avec Gunicorn, bind sur toutes les interfaces.",
    "On part de python:3.12-slim, une image officielle légère. requirements.txt est copié seul puis installé : tant qu'il ne change pas, Docker réutilise la couche des dépendances depuis son cache et un changement de app.py ne relance pas pip. --no-cache-dir évite de garder les téléchargements de pip dans l'image, qui reste plus petite. Le CMD en forme exec lance gunicorn, un vrai serveur de production, sur 0.0.0.0:5000.",
    'Dependencies are copied and installed before the code so that their layer stays cached when only app.py changes; --no-cache-dir keeps pip downloads out of the image to make it smaller; gunicorn is a production WSGI server with workers, unlike the Flask development server.',
    "| Instruction | Pourquoi |\n| --- | --- |\n| COPY requirements.txt puis RUN pip install | la couche des dépendances reste en cache tant que requirements.txt ne change pas |\n| --no-cache-dir | image plus légère, sans le cache de pip |\n| COPY app.py | le code en dernier, seule couche reconstruite quand il change |\n| CMD gunicorn en forme exec | serveur de production, PID 1 qui reçoit SIGTERM |",
    "L'ordre des COPY sert le cache : si on copiait tout d'abord, chaque modification du code invaliderait la couche du pip install. L'option --no-cache-dir réduit la taille de l'image. Et gunicorn remplace flask run, qui n'est qu'un serveur de développement, pas prévu pour la production.",
  ],
  '3.d': [
    "stop: arrête proprement un conteneur en cours d’exécution. Le conteneur reste présent (visible avec docker ps -a).\n\nrm: supprime un conteneur (généralement arrêté). -f force l’arrêt puis la suppression; -v supprime aussi les volumes associés.\n\nprune: nettoie en masse les ressources non utilisées.\n- docker container prune: supprime tous les conteneurs arrêtés.\n- docker image prune: supprime les images “dangling” (avec -a, toutes les images non utilisées).\n- docker system prune: fait un nettoyage global.",
    "docker stop envoie SIGTERM au processus principal puis SIGKILL après un délai ; le conteneur existe encore. docker rm le supprime définitivement (-f pour forcer s'il tourne, -v pour effacer ses volumes anonymes). Les prune font le ménage de tout ce qui est inutilisé.",
    'docker stop gracefully stops a running container (SIGTERM, then SIGKILL after 10 s) and keeps it; docker rm removes it, -f forces it while running, -v also removes its anonymous volumes; the prune commands clean up everything unused in bulk.',
    '- stop → arrêt propre, le conteneur reste là\n- rm → suppression (-f : force même s’il tourne, -v : ses volumes aussi)\n- container/image/system prune → nettoyage de ce qui ne sert plus',
    "Arrêter n'est pas supprimer : après stop, le conteneur peut être redémarré avec docker start. Avec rm il disparaît, ses volumes anonymes aussi si on ajoute -v. Les commandes prune suppriment d'un coup les conteneurs arrêtés, les images dangling ou tout le cache inutilisé.",
  ],
  '4.a': [
    "**COPY (Dockerfile)**\n- Copie au build, crée une couche immuable dans l’image.\n- Reproductible et indépendant de la machine hôte.\n- Nécessite un rebuild pour changer le contenu.\n\n**-v (docker run)**\n- Monte un répertoire hôte (bind mount) ou un volume nommé au runtime.\n- N’appartient pas à l’image; contenu modifiable sans rebuild.\n- Idéal en dev (hot reload) ou pour la persistance de données.",
    "Avec COPY, les fichiers sont mis dans l'image pendant la construction : pour changer le code il faut reconstruire, mais l'image est la même partout, c'est ce qu'on livre en production. Avec -v, le dossier de ma machine est monté au lancement : je modifie app.py et le conteneur le voit directement, pratique pour développer, ou pour garder des données dans un volume.",
    'COPY bakes the files into the image at build time, so the image is self-contained and reproducible but needs a rebuild for every change; -v mounts a host folder or a named volume when the container starts, which is handy in development and for persistent data, and it hides whatever the image had at that path.',
    '| | COPY | -v |\n| --- | --- | --- |\n| Quand | au build | au lancement (docker run) |\n| Où vivent les fichiers | dans une couche de l’image | sur l’hôte ou dans un volume |\n| Changer le contenu | reconstruire l’image | modifier le fichier, sans rebuild |\n| Usage | production, image reproductible | développement, données persistantes |',
    "COPY fige le code dans l'image, -v le laisse sur l'hôte et le monte dans le conteneur. En prod je veux une image reproductible, donc COPY ; en dev je préfère -v pour éviter de reconstruire à chaque modification.",
  ],
  '5.b': [
    "- Versionné (`:1.1.0`) : référence immuable à un build précis pour reproductibilité et rollback. À privilégier en prod.\n- Flottant (`:latest`) : pratique pour dev/tests rapides; à éviter en prod/CI car il pointe vers un digest changeant.\n- Environnement (`:staging`, `:prod`) : facilite la promotion d’images entre environnements par simple retag/push (sans rebuild).",
    "Les deux tags pointent vers la même image, avec le même identifiant : ce sont juste deux étiquettes. 1.0.0 désigne toujours ce build-là, on peut donc redéployer exactement la même version ou revenir en arrière. latest suit la dernière version construite, il bouge à chaque build.",
    'A version tag such as 1.0.0 pins one exact build, which makes deployments reproducible and rollbacks easy, while latest is a moving alias to the newest build; both names share the same image ID, so nothing is duplicated.',
    '- `1.0.0` : version fixe, reproductible, on sait ce qui tourne\n- `latest` : le dernier build, pratique par défaut mais change tout le temps\n- même image, aucun espace disque en plus',
    "On garde un historique des versions avec les tags de version, ce qui permet un rollback en cas de problème, et latest sert d'alias vers la plus récente pour ceux qui veulent simplement la dernière.",
  ],
  '5.d': [
    "- Couches lourdes attendues pour ce Dockerfile:\n  - `FROM python:3.12-slim` : couche de base (plusieurs dizaines de Mo).\n  - `RUN pip install -r requirements.txt` : dépendances Python (Flask, Gunicorn) — souvent la 2e plus grosse couche.\n- Couches légères:\n  - `WORKDIR /app`, `COPY app.py`, `EXPOSE 5000`, `CMD ...` : taille négligeable.\n- Réduction possible:\n  - `.dockerignore` pour exclure fichiers inutiles.\n  - `--no-cache-dir` déjà en place.",
    "Les couches de l'image de base sont les plus lourdes : Debian (environ 78 Mo) et Python (environ 38 Mo). Ma couche la plus grosse est celle du pip install, environ 14 Mo pour Flask, gunicorn et leurs dépendances ; les autres instructions ne pèsent presque rien. On pourrait partir d'une image alpine ou faire un build multi-stage pour réduire la taille.",
    'The base image layers are the heaviest (the Debian system and the Python interpreter); among mine only the pip install layer matters, about 14 MB of Flask, gunicorn and Werkzeug, while WORKDIR, EXPOSE and CMD are metadata of 0 B. Keeping --no-cache-dir and a .dockerignore keeps the image smaller.',
    "```text\n<missing>   RUN /bin/sh -c pip install --no-cache-dir -r…   14.1MB\n<missing>   COPY app.py . # buildkit                        253B\n```\n\nLa couche du pip install est la plus lourde de celles que j'ai ajoutées, car elle contient toutes les bibliothèques installées ; la copie de app.py est négligeable. Le reste vient de l'image de base python:3.12-slim.",
    "- base Debian + Python : la majorité de la taille\n- pip install : les paquets Flask et gunicorn, quelques Mo\n- COPY app.py, WORKDIR, CMD : presque 0\n- pour réduire : .dockerignore, no-cache-dir, moins de dépendances",
  ],
  '6.a': [
    '- `ENTRYPOINT` définit l’exécutable principal du conteneur (peu souvent remplacé; override via `--entrypoint`).\n- `CMD` fournit des arguments par défaut (ou une commande par défaut si pas d’ENTRYPOINT); remplacé par les arguments de `docker run`.\n- Ensemble recommandé: `ENTRYPOINT ["gunicorn"]` et `CMD ["--bind","0.0.0.0:5000","app:app"]`.',
    "ENTRYPOINT est le programme toujours lancé par le conteneur ; CMD est la commande par défaut, qu'on remplace en écrivant une autre commande après le nom de l'image. Quand les deux sont présents, le CMD devient la liste d'arguments par défaut de l'ENTRYPOINT.",
    'ENTRYPOINT sets the executable that always runs, only overridden with --entrypoint; CMD provides default arguments that anything given to docker run replaces; together, CMD is appended to ENTRYPOINT as its arguments.',
    '| | ENTRYPOINT | CMD |\n| --- | --- | --- |\n| Rôle | exécutable fixe | commande ou arguments par défaut |\n| Arguments de docker run | ajoutés à la suite | remplacent le CMD |\n| Changer | --entrypoint | écrire une autre commande |',
    "Si je lance docker run mon-image bash, bash remplace le CMD ; mais avec un ENTRYPOINT, bash serait passé en argument à l'ENTRYPOINT, qui reste le processus principal.",
  ],
  '6.b': [
    "- À l’intérieur: `docker exec <container> env` (ou `printenv`).\n- Depuis l’hôte (config du conteneur): `docker inspect <container> --format '{{range .Config.Env}}{{println .}}{{end}}'`.",
    "On peut lancer docker exec basics env, qui exécute la commande env dans le conteneur et affiche toutes ses variables ; ou bien docker inspect basics et regarder la section Config.Env.",
    'From inside with docker exec basics printenv, or from the host with docker inspect --format on .Config.Env, which shows the variables set by the image and by -e.',
    "```text\n$ docker exec basics env\nPATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=b7e4c1d93a20\nLANG=C.UTF-8\n```\n\nJ'utilise exec pour lancer env à l'intérieur du conteneur qui tourne : on voit les variables réelles du processus.",
    "Deux façons : entrer dans le conteneur avec docker exec -it basics sh puis taper printenv, ou lire ses métadonnées avec docker inspect, champ Config.Env.",
  ],
  '6.c': [
    "- Vérifier les variables proxy côté hôte: `$env:HTTP_PROXY`, `$env:HTTPS_PROXY`, `$env:NO_PROXY`.\n- Passer les proxies au build: `docker build --build-arg HTTP_PROXY=$env:HTTP_PROXY --build-arg HTTPS_PROXY=$env:HTTPS_PROXY --build-arg NO_PROXY=$env:NO_PROXY --progress=plain .`\n- Activer des logs de build: `--progress=plain`.\n- Proxy daemon (si nécessaire): configurer `C:\\ProgramData\\Docker\\config\\daemon.json` (clé `proxies`).",
    "Je relance le build avec --progress=plain pour voir quelle étape échoue : en général le pip install n'arrive pas à joindre PyPI. Je passe alors les variables HTTP_PROXY et HTTPS_PROXY avec --build-arg, ou je les mets dans la clé proxies de ~/.docker/config.json pour tous les builds.",
    'Read the plain build log to find the failing step (pip timing out on pypi.org, or a TLS certificate error from the proxy), then pass HTTP_PROXY, HTTPS_PROXY and NO_PROXY as build args, and configure the daemon proxy in Docker Desktop settings if pulling the base image fails.',
    '- `docker build --progress=plain` : voir l’erreur exacte\n- tester la connexion depuis un conteneur (curl vers pypi.org)\n- `--build-arg HTTPS_PROXY=http://proxy:3128`\n- proxy du démon dans daemon.json si le FROM ne se télécharge pas',
    "Si c'est le téléchargement de l'image de base qui échoue, c'est le démon qui doit passer par le proxy : je le configure dans Docker Desktop ou dans daemon.json. Si c'est pip dans un RUN, il faut donner le proxy au build avec des ARG HTTP_PROXY.",
  ],
  '6.d': [
    "docker system df affiche l'espace utilisé par les images, les conteneurs, les volumes et le cache de build, avec ce qu'on peut récupérer.",
    '`docker system df` (et `docker system df -v` pour le détail par image, conteneur et volume), puis `docker system prune` pour libérer de la place.',
    'docker system df shows the total size of images, containers, local volumes and build cache and how much is reclaimable; add -v for a per-image breakdown.',
    "```text\n$ docker system df\nTYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\nImages          4         1         287.4MB   148.2MB (51%)\nContainers      3         0         1.2kB     1.2kB (100%)\nLocal Volumes   1         0         47.3MB    47.3MB (100%)\nBuild Cache     19        0         62.1MB    62.1MB\n```\n\nLa colonne RECLAIMABLE montre ce que je pourrais libérer en supprimant ce qui ne sert plus.",
    "La commande system df résume la taille totale occupée par type d'objet Docker, et indique la part récupérable ; pour le cache de BuildKit seul il y a aussi docker buildx du.",
  ],
  '6.e': [
    "- Supprime automatiquement le conteneur à l’arrêt: évite l’encombrement et les conflits de noms.\n- Encourage des exécutions éphémères et reproductibles (état propre à chaque run).\n- Réduit l’usage disque (pas d’accumulation de conteneurs arrêtés).",
    "Avec --rm le conteneur est supprimé dès qu'il s'arrête. Quand on fait beaucoup d'essais, cela évite d'accumuler des dizaines de conteneurs arrêtés dans docker ps -a et de devoir les supprimer à la main.",
    'With --rm the container is removed automatically when it exits, so quick tests do not leave stopped containers behind, names can be reused and no disk space is wasted.',
    '- conteneur supprimé automatiquement à la sortie\n- pas de conteneurs arrêtés qui s’accumulent\n- pas de conflit de nom au lancement suivant',
    "C'est pratique pour les conteneurs jetables : on lance, on teste, et tout disparaît à l'arrêt, chaque lancement repart d'un conteneur neuf.",
  ],
};
