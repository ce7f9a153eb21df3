// Test material for the report's judgement of this lab (never shipped to students: it holds correct
// answers). Genuinely different correct answers per explication question — short, long, English,
// bullet lists, tables, pasted output then explanation — written as students of this course write
// them (terse lists and tables comparing local and container runs). Every one must be judged
// answered and on topic; the relevance suite of the grader can run them as it runs the main lab's.

export const CORRECT_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  '1.b': [
    'Le client est la commande docker qui envoie mes demandes ; le serveur est le démon qui gère vraiment les images et les conteneurs.',
    "Le client Docker, c'est l'interface en ligne de commande : il ne fait qu'envoyer des requêtes à l'API. Le serveur, Docker Engine (dockerd), tourne en arrière-plan, reçoit ces requêtes et fait le travail : télécharger les images, créer et lancer les conteneurs avec containerd et runc.",
    'The client is the docker CLI that sends my commands as API requests; the server is the Docker daemon (Docker Engine) that actually builds images and runs containers.',
    '- Client : le programme `docker` du terminal, qui transmet les commandes\n- Server : le démon Docker, le moteur qui crée et gère les conteneurs\n- les deux communiquent par une API, et peuvent être sur deux machines différentes',
    '| Partie | Rôle |\n| --- | --- |\n| Client | interface que j’utilise dans le terminal pour envoyer des commandes |\n| Server (daemon) | moteur qui reçoit ces commandes et gère les conteneurs et les images |',
    "Sur mon Mac le client est en darwin/arm64 mais le serveur en linux/arm64 : le démon tourne dans la VM de Docker Desktop et le client lui parle par un socket.",
  ],
  '1.d': [
    'Storage Driver : overlay2\nRuntime par défaut : runc\nImages : 1\nConteneurs : 5, tous arrêtés',
    "Le pilote de stockage est overlay2, le runtime par défaut est runc, et il y avait déjà 2 images et 3 conteneurs sur ma machine avant de commencer.",
    'Storage driver overlayfs (containerd snapshotter), default runtime runc, 4 images and 2 containers already there, none of them running.',
    '- Storage Driver : `overlay2`\n- Runtime par défaut : `runc`\n- nombre d’images et de conteneurs déjà présents\n    - Containers: 5\n        - Running: 0\n        - Stopped: 5\n    - Images: 1',
    "C'est une installation toute neuve : aucun conteneur, aucune image pour l'instant, avec overlay2 pour empiler les couches et runc pour lancer les conteneurs.",
  ],
  '2.b': [
    '- Le client contacte le démon Docker\n- Téléchargement de l’image (pull)\n- Création et exécution du conteneur\n- Affichage du résultat dans le terminal',
    "D'abord le client docker contacte le démon. Comme l'image hello-world n'est pas en local, le démon la télécharge depuis Docker Hub. Il crée ensuite un conteneur à partir de l'image, qui exécute le programme, et renvoie sa sortie au client qui l'affiche.",
    'The client talks to the daemon, the daemon pulls the image from Docker Hub, creates a new container that runs the program, and streams its output back to my terminal.',
    '1. client → démon\n2. pull de l’image depuis le registre\n3. création d’un conteneur qui lance l’exécutable\n4. la sortie est renvoyée au client et affichée',
    "Le démon reçoit la demande du client, récupère l'image sur le Hub parce qu'il ne l'a pas, crée le conteneur et transmet ce que le programme affiche.",
  ],
  '2.d': [
    "Non : chaque docker run crée un nouveau conteneur à partir de l'image, qui n'a pas changé, et --rm a supprimé l'ancien conteneur avec son fichier.",
    "Le fichier n'existe plus. Il avait été écrit dans la couche inscriptible du premier conteneur ; avec --rm, ce conteneur a été détruit au moment du exit. La deuxième commande repart de l'image alpine:3.20, qui est en lecture seule et ne contient pas test.txt. Il faudrait un volume pour que le fichier persiste.",
    "No, the file is gone: every run starts a fresh container from the unchanged image, and --rm removed the first container (and its writable layer) when I typed exit.",
    '- 2e lancement = nouveau conteneur\n- l’image alpine reste intacte\n- l’ancien conteneur a été supprimé par --rm\n- donc le fichier est perdu (rien n’est persistant sans volume)',
    "Le conteneur est éphémère : tout ce qu'on écrit dedans disparaît avec lui, et on ne modifie jamais l'image.",
  ],
  '2.e': [
    "docker ps -a montre tous les conteneurs, même ceux qui sont arrêtés ; après docker rm, le conteneur supprimé n'apparaît plus dans la liste.",
    "```text\nCONTAINER ID   IMAGE         COMMAND    CREATED       STATUS                   NAMES\n32b7947c2195   hello-world   \"/hello\"   2 hours ago   Exited (0) 2 hours ago   silly_rubin\n```\n\nLa liste montre l'historique des conteneurs de la machine, avec leur statut Exited. J'ai supprimé silly_rubin avec docker rm : il a disparu de la liste.",
    'It lists every container, including the stopped ones, with their status; docker rm removed the one I chose, so it is no longer listed.',
    '- `docker ps -a` : tous les conteneurs, y compris arrêtés (statut Exited)\n- `docker rm` : supprime définitivement le conteneur choisi\n- l’image reste disponible',
    "On voit une ligne par conteneur avec l'identifiant, l'image, le statut et un nom généré ; après rm, la ligne du conteneur effacé n'est plus là.",
  ],
  '4.d': [
    '| Élément | Exécution locale | Conteneur | Explication |\n| --- | --- | --- | --- |\n| Date / heure | 2025-10-31T10:02:13Z | 2025-10-31T10:12:12Z | L’horodatage est généré à l’exécution, donc il change à chaque run |\n| Système | Linux 6.8.0-87-generic | Linux 6.8.0-87-generic | Le conteneur utilise le même noyau que l’hôte mais son système de fichiers est isolé |',
    "La date change parce qu'elle est calculée à chaque exécution. Le système affiché est le même (Linux 6.8.0) car le conteneur partage le noyau de l'hôte ; seule la distribution (Debian slim) vient de l'image.",
    "On my Mac the local run says Darwin, the container says Linux: containers have no kernel of their own and use the Linux kernel of Docker Desktop's VM. The time differs simply because it is read when the script runs.",
    '- date/heure : différente, elle est générée au moment du lancement\n- système : Linux dans les deux cas, même noyau que la machine hôte\n- mais le Python et la distribution viennent de l’image Debian',
    "Sous Windows, en local platform.system() donne Windows, dans le conteneur Linux (le noyau de WSL2). L'heure diffère de quelques minutes, le temps entre mes deux lancements.",
  ],
  '5.d': [
    '| Élément | Explication |\n| --- | --- |\n| CMD dans Dockerfile | Commande par défaut à exécuter lorsque tu lances le conteneur sans arguments supplémentaires. |\n| Arguments passés à docker run | Ils remplacent CMD pour cette exécution seulement. Le Dockerfile reste inchangé. |',
    "CMD donne la commande par défaut de l'image ; une commande écrite après le nom de l'image dans docker run la remplace, sans reconstruire l'image.",
    'CMD is only the default command: anything given after the image name in docker run overrides it for that container, while the image stays unchanged (an ENTRYPOINT would get the arguments appended instead).',
    '- CMD : ce qui est lancé par défaut\n- arguments de docker run : prennent la place du CMD\n- effet ponctuel, l’image ne change pas',
    "Quand je passe python -c ... à docker run, c'est cette commande qui tourne à la place de python welcome.py ; si je relance sans rien, le CMD de l'image revient.",
  ],
  '6.c': [
    "Les logs sont vides car sleep 60 a remplacé le CMD : welcome.py n'a jamais tourné. docker top montre le seul processus du conteneur, sleep.",
    "```text\n$ docker logs welcome_app\n$ docker top welcome_app\nUID    PID     PPID    C   STIME   TTY   TIME       CMD\nroot   34742   34719   0   11:31   ?     00:00:00   sleep 60\n```\n\ndocker logs ne montre aucune sortie : la commande sleep n'écrit rien sur stdout. docker top affiche les processus en cours dans le conteneur, ici seulement sleep 60, avec son PID.",
    'The logs are empty because the container runs sleep 60 instead of the script, so nothing is printed; docker top lists its processes: just sleep, with its PID and user.',
    '- `docker logs` : la sortie standard du conteneur, vide ici (sleep n’affiche rien)\n- `docker top` : les processus qui tournent dans le conteneur (sleep 60)',
    "Rien dans les logs, puisque le script n'a pas été lancé : on lui a donné sleep à la place. Dans top, on voit le processus sleep qui attend ses 60 secondes.",
  ],
  '6.e': [
    "docker rm supprime un conteneur, docker image rm supprime une image ; supprimer le conteneur laisse l'image intacte.",
    '| Action | Objet ciblé | Effet |\n| --- | --- | --- |\n| docker rm | Conteneur | Supprime une instance en cours ou arrêtée, l’image reste |\n| docker image rm | Image | Supprime un template pour créer des conteneurs, mais n’affecte pas les conteneurs déjà créés |',
    'docker rm deletes a container (its writable layer), the image stays; docker image rm deletes the image itself, and is refused while a container still uses it unless you force it.',
    '- `docker rm` → le conteneur (l’instance) disparaît\n- `docker image rm` → l’image (le modèle) disparaît\n- une image utilisée par un conteneur ne peut pas être supprimée sans -f',
    "L'un efface l'instance, l'autre le modèle : après docker rm je peux relancer un conteneur depuis la même image, après docker image rm il faut la reconstruire ou la retélécharger.",
  ],
  '7.a': [
    '| Aspect | Exécution locale | Exécution conteneurisée |\n| --- | --- | --- |\n| Environnement Python | Python installé sur l’hôte | Python de l’image python:3.12-slim |\n| Système | Linux Mint avec son noyau | Debian slim avec le noyau de l’hôte |\n| Portabilité | limitée à ma machine | tourne partout où il y a Docker |',
    "En local, le script utilise le Python et les bibliothèques de ma machine ; dans le conteneur, tout vient de l'image, isolé de mon système, donc le résultat est le même sur n'importe quel ordinateur.",
    'Locally the script depends on whatever Python is installed; in the container it runs with the image’s Python in an isolated Debian file system that shares the host kernel, so it behaves the same on any machine.',
    '- Python : celui de l’image, plus celui de ma machine\n- fichiers : isolés dans /app\n- système : Debian, avec le noyau de l’hôte\n- configuration au lancement : WELCOME_NAME, commande remplacée',
    "Le conteneur embarque son propre environnement : je n'ai plus à installer la bonne version de Python, et l'image est reproductible et facile à déployer ailleurs.",
  ],
  '7.b': [
    "C'est la première fois que j'utilise Docker. Toutes les commandes sont pour moi nouvelles.",
    "Je connaissais déjà docker run et docker ps. Les nouvelles : docker build pour construire l'image, docker inspect pour voir sa configuration, docker logs et docker top pour suivre un conteneur, docker image prune pour le ménage.",
    'New to me: docker build (builds an image), docker inspect (shows the metadata), docker logs and docker top (output and processes of a container), docker image prune (removes dangling images).',
    '- `docker build` : construit l’image à partir du Dockerfile\n- `docker inspect` : affiche les métadonnées du conteneur\n- `docker top` : liste ses processus\n- `docker image prune` : supprime les images inutilisées',
    "Tout était nouveau : je n'avais jamais utilisé Docker avant ce TP, ni pour lancer un conteneur ni pour construire une image.",
  ],
};
