// What each explication question of the lab « Docker_basics » is about, as data: the few notions an
// answer must touch to be on topic, written from the lab's steps (README, « Déroulé du TP ») and
// from what real students of this course write (a Dockerfile justified line by line, terse bullet
// lists, commands with a few words each). Patterns are matched on folded text (lower case, no
// accents, apostrophes and punctuation as spaces; see checks/report/relevance.ts), in French and
// English, with word stems and common synonyms. They are generous with real phrasing and never
// match the question's own prompt, the commands it quotes, or content-free filler.
//
// A notion's `name` is for the instructor and the tests; the student only ever sees `about`, which
// names what the question is about without giving its answer.
import type { QuestionNotions } from '../../grader/src/lab/lab.ts';

// Shared vocabularies.
const STOPPED = 'arret|stopp|exited|termine(?:e|s|es)?\\b|terminated|inacti|eteint';
const RUNNING = '\\ben cours d execution|\\ben cours de fonctionnement|\\brunning\\b|\\bqui tourn|\\btourn(?:e|ent)\\b|\\ben marche|\\bactifs?\\b|\\ben execution|\\bdemarre|\\bup\\b|\\bvivants?\\b|\\balive\\b';
const REMOVE = '\\bsupprim|\\bremov|\\bdelet|\\bdetrui|\\bdestroy|\\beffac|\\bretir';
const CLEAN = '\\bnettoi|\\bnettoy|\\bclean|\\bmenage|\\bpurg|\\blibere|\\blibera|\\bfree(?:s|d)? up|\\breclaim|\\brecuper';
const UNUSED = '\\binutilis|\\bunused|\\bnon utilis|\\bdangling|\\borphelin|\\bpendantes?\\b|\\bsans tag|\\buntagged|\\bne servent plus|\\bqui ne sert';

export const NOTIONS: Readonly<Record<string, QuestionNotions>> = {
  '1.d': {
    about: 'ce que chacune des deux listes montre (quels conteneurs y figurent, et dans quel état)',
    notions: [
      { name: 'docker ps lists the running containers', pattern: new RegExp(`${RUNNING}|\\bseulement ceux|\\bonly (?:the )?(?:running|active)`), words: 'actif exécution' },
      { name: 'docker ps -a lists every container, stopped ones included', pattern: new RegExp(`\\btous les conteneurs|\\btoutes? (?:les )?(?:instances|conteneurs)|\\ball (?:the |of the )?containers|\\by compris|\\bincluding|\\bmeme (?:ceux|les)|\\baussi ceux|\\beven (?:the )?(?:stopped|exited)|\\bhistori|\\bhistory|\\b(?:${STOPPED})`), words: 'arrêté historique' },
    ],
  },
  '2.c': {
    about: 'le rôle de chaque instruction du Dockerfile, et les raisons de l’ordre des copies, de l’option de pip et du serveur choisi',
    notions: [
      { name: 'requirements first: the dependency layer stays in the build cache', pattern: /(?<!-)\bcache\b(?!-)|\bcouches?\b|\blayers?\b|\breconstrui|\brebuild|\binvalid|\bdeps?\b(?!-)|\bdependances?\b|\bdependenc/, words: 'couche reconstruire dépendances' },
      { name: '--no-cache-dir keeps the image small', pattern: /\btaille|\blegere?s?\b|\bpoids\b|\bsize\b|\bsmaller|\blighter|\bslim\b|\breduire|\breduit|\bmo\b|\bmb\b|\binutile/, words: 'taille léger réduire' },
      { name: 'gunicorn is a production server, not the development one', pattern: /\bproduction|\bprod\b|\bwsgi\b|\bworkers?\b|\bserveur (?:de )?(?:developpement|dev)\b|\bdevelopment server|\bdev server|\brobuste?|\bperforman|\bconcurren|\bplusieurs (?:requetes|processus)|\bmultiple (?:requests|processes)|\bflask run\b|\bapp\.run\b/, words: 'production robuste performant' },
      { name: 'what the other instructions do (base image, WORKDIR, EXPOSE, exec-form CMD on 0.0.0.0)', pattern: /\bimage de base|\bbase image|\bworkdir\b|\brepertoire de travail|\bdossier de travail|\bworking directory|\bexpose\b|\bport\b|\b0\.0\.0\.0|\btoutes les interfaces|\ball interfaces|\bforme exec|\bexec form|\bpid 1\b|\bsigterm|\bcommande par defaut|\bdefault command/ },
    ],
  },
  '3.d': {
    about: 'ce que fait chaque commande au conteneur (et à ce qui l’accompagne), et ce que nettoient les commandes `prune`',
    notions: [
      { name: 'stop ends the container gracefully, the container stays', pattern: new RegExp(`\\b(?:${STOPPED})|\\bsigterm|\\bsigkill|\\bsignal|\\bproprement|\\bgracefu|\\breste (?:present|visible|la|sur)|\\bstays?\\b|\\bremains?|\\bpeut (?:etre )?(?:relance|redemarre)|\\bredemarr|\\brestart`), words: 'arrêter proprement signal' },
      { name: 'rm removes it; -f forces, -v takes its volumes', pattern: new RegExp(`${REMOVE}|\\bforce|\\bvolumes? (?:associe|anonyme|attache|lie|du conteneur)|\\bits volumes|\\bdefinitiv|\\bpermanent`), words: 'supprimer forcer définitivement' },
      { name: 'prune cleans up what is unused', pattern: new RegExp(`${CLEAN}|${UNUSED}|\\ben masse|\\bd un coup|\\bin bulk|\\ball (?:stopped|unused)|\\btous les (?:conteneurs|images|volumes|reseaux) (?:arret|inutil|non)`), words: 'nettoyer inutilisé' },
    ],
  },
  '4.a': {
    about: 'à quel moment chaque mécanisme met les fichiers dans le conteneur, et dans quels cas choisir l’un ou l’autre',
    notions: [
      { name: 'COPY puts the files in the image at build time', pattern: /\bau build|\bbuild time|\bconstruction|\bbuild\b|\bdans l image|\binto the image|\bin the image|\bcouches?\b|\blayers?\b|\bimmuabl|\bimmutabl|\bfige|\bembarqu|\bbaked|\bfait partie de l image|\bpart of the image/, words: 'construction couche immuable embarqué' },
      { name: '-v mounts a host folder or a volume at run time', pattern: /\bau (?:lancement|demarrage|runtime|moment du run)|\bruntime\b|\bat run|\ba l execution|\bmont(?:e|er|es|ez|ent|age|ant|ee|ees)\b|\bmount|\bbind\b|\bhote\b|\bhost\b|\bvolumes? nommes?|\bnamed volumes?|\bpersist|\bmachine locale|\bdossier local|\blocal folder/, words: 'monter hôte persistant' },
      { name: 'when to prefer each (dev edits without rebuild, reproducible image, data)', pattern: /\bprod\b|\bproduction|\bdev\b|\ben developpement|\bdevelopment\b|\bhot.?reload|\brechargement|\bsans (?:reconstruire|rebuild|refaire)|\bwithout rebuild|\breconstrui|\brebuild|\breproductib|\breproducib|\bportab|\bdonnees|\bdata\b|\bmasque|\bhides?\b|\bcache (?:le contenu|ce qui)/, words: 'reproductible portable données reconstruire' },
    ],
  },
  '5.b': {
    about: 'ce que désigne un tag de version et ce que désigne `latest`, et ce que permettent plusieurs tags sur une même image',
    notions: [
      { name: 'a version tag names one build for good (reproducible, rollback)', pattern: /\breprodu|\bimmuabl|\bimmutabl|\bfixe\b|\bfige|\bprecis|\bexacte?s?\b|\bstable\b|\brollback|\bretour arriere|\brevenir|\broll back|\bversionn|\bsemver|\bhistori|\btracab|\btraceab|\bpinn|\bepingl/, words: 'reproductible immuable précis stable' },
      { name: 'latest moves to the newest build', pattern: /\bflottant|\bbouge|\bmobile|\bmoving|\bchange(?:ant|ing)?\b|\bderniere?\b|\bplus recente?|\bmost recent|\bnewest|\blast\b|\bpar defaut|\bdefault|\bpointe (?:vers|sur)|\bpoints? to|\bdeplace/, words: 'flottant dernière récente' },
      { name: 'several names for one image, no rebuild', pattern: /\b(?:la|the) (?:meme|same) image|\bmeme (?:id|identifiant|contenu|digest|build)\b|\bsame (?:id|digest|build|content)\b|\balias|\betiquettes?\b|\blabels?\b|\bsans (?:reconstruire|rebuild|dupliquer|copie)|\bwithout (?:rebuilding|copying)|\bpromo|\benvironnements?\b|\bstaging|\bregistr|\bpush\b|\bpartag/, words: 'alias étiquette promotion environnement' },
    ],
  },
  '5.d': {
    about: 'quelles instructions du Dockerfile produisent les couches les plus lourdes, ce qu’elles contiennent, et comment réduire l’image',
    observed: true,
    notions: [
      { name: 'the base image’s layers', pattern: /\bimage de base|\bbase image|\bfrom\b|\bpython:3|\bslim\b|\bdebian|\bsysteme|\bos\b|\binterpreteur|\binterpreter/, words: 'base debian système' },
      { name: 'the pip install layer (Flask, gunicorn and their dependencies)', pattern: /\bpip\b|\bdependances|\bdependencies|\bflask\b|\bgunicorn\b|\bwerkzeug|\bpaquets|\bpackages|\blibrair|\bbibliothe|\blibrar|\brequirements/, words: 'dépendances paquets bibliothèques' },
      { name: 'sizes read, light layers named', pattern: /\b\d+(?:[.,]\d+)? ?(?:mo|mb|ko|kb|go|gb|b)\b|\bnegligeabl|\bnegligible|\blegere?s?\b|\bpetites?\b|\bsmall|\bquasi nulle?|\bmetadonnee|\bmetadata|\bworkdir\b|\bexpose\b|\bcmd\b/, words: 'négligeable léger taille' },
      { name: 'how to reduce the image', pattern: /\bdockerignore|\bno-cache-dir|\balpine|\bmulti.?stage|\bmulti.?etape|\bcache de pip|\bpip cache|\breduire|\breduce|\bplus petite|\bsmaller|\bmoins de (?:couches|paquets)|\bfewer/, words: 'réduire dockerignore alpine' },
    ],
  },
  '6.a': {
    about: 'le rôle de chacune des deux instructions et ce qui se passe quand on donne des arguments à `docker run`',
    notions: [
      { name: 'ENTRYPOINT is the fixed executable', pattern: /\bexecutable|\bprogramme principal|\bprocessus principal|\bmain (?:program|process|executable|command)|\bfixe|\bfixed|\btoujours (?:execute|lance)|\balways (?:runs?|executed)|--entrypoint|\bpeu (?:souvent )?remplac|\brarely (?:replaced|overridden)/, words: 'exécutable principal fixe' },
      { name: 'CMD gives default arguments, replaced by those of docker run', pattern: /\bpar defaut|\bdefault|\bremplac|\breplac|\boverrid|\bsurcharg|\becras|\barguments?\b|\bparametres?\b/, words: 'défaut remplacer arguments' },
      { name: 'used together: CMD becomes ENTRYPOINT’s arguments', pattern: /\bensemble|\btogether|\bcombin|\bajout|\bappend|\bconcat|\ba la suite|\bs ajoutent|\bpassed to|\bsuivi de/, words: 'ensemble combiner ajouter' },
    ],
  },
  '6.b': {
    about: 'les commandes qui montrent l’environnement d’un conteneur qui tourne, depuis l’intérieur ou depuis l’hôte',
    notions: [
      { name: 'from inside: docker exec … env / printenv', pattern: /\bexec\b|\bprintenv\b|\benv\b|\bproc\/1\/environ|\becho \$|\bshell\b|\bsh\b|\bbash\b|\ba l interieur|\binside\b|\bdans le conteneur/, words: 'intérieur' },
      { name: 'from the host: docker inspect, Config.Env', pattern: /\binspect\b|\bconfig\.env\b|\.config\b|\bconfig env\b|--format|\bjson\b|\bmetadonn|\bmetadata|\bdepuis l hote|\bfrom the host|\bcote hote/, words: 'inspecter métadonnées' },
    ],
  },
  '6.c': {
    about: 'comment voir où le build échoue et comment donner au build (et au démon) l’accès au réseau par le proxy',
    notions: [
      { name: 'proxy variables given to the build', pattern: /\bhttps?_proxy\b|\bno_proxy\b|\bbuild-arg|\bbuild arg|\barg\b|\bvariables? (?:de )?(?:proxy|d environnement)|\benvironment variables?|\benv\b/, words: 'variables' },
      { name: 'diagnose: verbose logs, a network test, the failing step', pattern: /--progress|\bplain\b|\blogs?\b|\bjournal|\bjournaux|\bcurl\b|\bwget\b|\bping\b|\bnslookup|\bdns\b|\bpypi\b|\bpip\b|\bapt\b|\bregistr|\bcertificat|\bssl\b|\btls\b|\bmessage d erreur|\berror message|\btimeout|\bdelai|\bquelle etape|\bwhich step|\btest(?:er)? (?:la )?(?:connexion|connectivite)|\bconnectivit/, words: 'journal certificat connexion' },
      { name: 'the daemon or client configuration', pattern: /daemon\.json|config\.json|\bdocker desktop|\bdemon\b|\bdaemon\b|\bdockerd\b|\bsettings|\bsystemd|\bproxies\b|\bconfigur/, words: 'démon configuration' },
    ],
  },
  '6.d': {
    about: 'la commande qui résume l’espace occupé par Docker et ce qu’elle affiche',
    notions: [
      { name: 'docker system df', pattern: /\bsystem df\b|\bsystem\b|\bdf\b/ },
      { name: 'its detail and what it shows', pattern: /(?:^| )-v\b|--verbose|\bverbose|\bdetail|\breclaimable|\brecuperable|\btaille|\bsize\b|\btotal|\bactive?s?\b|\bpar (?:image|conteneur|volume|type)|\bper (?:image|container|volume|type)/, words: 'détail taille récupérable' },
      { name: 'cleaning up afterwards', pattern: new RegExp(`\\bprune\\b|${CLEAN}|${REMOVE}|\\bbuildx du\\b|\\bbuilder du\\b`), words: 'nettoyer libérer' },
    ],
  },
  '6.e': {
    about: 'ce que `--rm` fait du conteneur et ce que cela évite quand on lance souvent des conteneurs',
    notions: [
      { name: 'the container is removed when it stops', pattern: new RegExp(`${REMOVE}|\\bautomatiq|\\bautomatic|\\bdes qu il s arrete|\\bwhen it (?:stops|exits)|\\ba l arret|\\ba la sortie|\\bon exit`), words: 'supprimer automatiquement' },
      { name: 'no clutter: stopped containers, name conflicts, disk space', pattern: /\bencombr|\bclutter|\baccumul|\bconflit|\bconflict|\bnoms?\b|\bnames?\b|\bdisque|\bdisk|\bespace|\bps -a\b|\bpile up|\bs empil|\bmenage|\bnettoy|\bclean/, words: 'encombrement accumulation conflit' },
      { name: 'a fresh, ephemeral container each run', pattern: /\bephemer|\btemporair|\btemporar|\bjetable|\bdisposable|\bfresh|\bneuf\b|\bvierge|\betat propre|\bclean state|\bchaque (?:run|lancement|execution)|\beach run|\breproductib|\btests? rapides?|\bquick tests?/, words: 'éphémère jetable temporaire' },
    ],
  },
};
