import type { Notion, QuestionNotions } from '../../grader/src/lab/lab.ts';

// What each explication question of REPORT.md is about, as data: the few notions an answer must
// touch to be on topic, written from the lab's exercises (README, « Déroulé du TP »). Patterns are matched on folded text (lower
// case, no accents, apostrophes as spaces; see checks/report/relevance.ts), in French and English,
// with word stems and common synonyms. They must be generous with real phrasing and never match the
// question's own prompt or content-free filler (tested in relevance.test.ts with a corpus of both).
//
// A notion's `name` is for the instructor and the tests; the student only ever sees `about`, which
// names what the question is about without giving its answer.


// Up to `n` words between two parts of a phrase (folded text has single spaces between words).
const gap = (n: number) => `(?:\\S+ ){0,${n}}`;
const near = (a: string, b: string, n = 4) => `(?:${a})\\w* ${gap(n)}(?:${b})`;
const either = (a: string, b: string, n = 4) => `${near(a, b, n)}|${near(b, a, n)}`;

// Shared vocabularies.
const STOPPED = 'arret|stopp|exited|termin(?!al)|fini|inacti|eteint|quitt';
const RUNNING = 'tourn|en cours|running|en marche|actifs?\\b|active\\b|en fonctionnement|en execution|demarre';
const REMOVE = 'supprim|remov|delet|detrui|destroy|effac|nettoy|clean|wipe|purg|retir';
const CONTAINER = 'conteneurs?|containers?';
const PROCESS = 'processus|process|commande|command|echo|programme|program|tache|task|pid';

/** Notions of the 4.x/1.c questions about listing containers: running ones versus all of them. */
const ALL_CONTAINERS: Notion = {
  name: 'all containers, stopped ones included',
  pattern: new RegExp(
    `tous les ${CONTAINER}|\\ball (?:the |of the )?(?:containers|of them)|y compris|including|meme (?:ceux|les|s ils)|aussi (?:ceux|les)|even (?:the )?(?:stopped|exited)|\\bhistori|\\bhistory|${near(CONTAINER, STOPPED, 5)}|\\b(?:${STOPPED})\\w* ${gap(2)}(?:ou|et|or|and) ${gap(2)}(?:${RUNNING})|(?:${RUNNING})\\w* ${gap(2)}(?:ou|et|or|and) ${gap(2)}(?:${STOPPED})`,
  ),
};
const ONLY_RUNNING: Notion = {
  name: 'only running containers',
  pattern: new RegExp(`(?:seulement|uniquement|only|que) ${gap(4)}(?:${RUNNING})|(?:${RUNNING})\\w* (?:seulement|uniquement|only)|qui (?:sont )?(?:${RUNNING})|${near(CONTAINER, RUNNING, 3)}`),
};
const STATUS: Notion = { name: 'status column', pattern: /\bstatuts?\b|\bstatus\b|\bexited\b|\bup \d|\bcolonnes?\b|\bcolumns?\b/ };

/** Why a notebook is not a deployment (8.a); report.ex8 wants two of them. */
export const NOTEBOOK_ASPECTS: Notion[] = [
  { name: 'reproductibilité', pattern: /\breprodu/, words: 'reproductibilité reproduire reproductible' },
  { name: 'environnement et dépendances', pattern: /\benvironn|\benvironment|\bdependan|\bdependenc|\bversions? (?:de|des|of)|\bversions? (?:python|des? librair)|\blibrair|\bbibliothe|\blibrar|\brequirements|\bpip install|\bpackages?\b|\bpaquets?\b/, words: 'environnement dépendances bibliothèques librairies isolé' },
  { name: 'automatisation', pattern: /\bautomati|\bci\b(?!-)|\bcd\b(?!-)|\bpipeline|\ba la main\b|\bmanuel|\bmanual|\bby hand|\bcliqu|\bclick|\brun all\b/, words: 'automatisation automatique automatiser manuellement déploiement déployer' },
  { name: 'état caché et ordre des cellules', pattern: /\bcellules?\b|\bcells?\b|ordre d execution|execution order|\bn importe quel ordre|\bany order|etat cache|hidden state|\betat (?:du noyau|interne|global|de la memoire)|\bkernel state|\bnoyau\b|\bkernel\b/, words: 'cellules ordre linéaire' },
  { name: 'service et API', pattern: /\bapi\b|\bendpoint|\bhttp\b|\brequetes?\b|\brequests?\b|\bserveur|\bserver|\bexpose|\bservir|\bserve\b|\b\/health\b|\bservice web\b|\bweb service/, words: 'serveur exposer requêtes' },
  { name: 'montée en charge', pattern: /\bscal|montee en charge|\bmonter en charge|\bload\b|\breplica|\bconcurren|plusieurs utilisateurs|many users|\bmultiple users|\bsimultan/, words: 'scalabilité charge' },
  { name: 'supervision et logs', pattern: /\bmonitor|\bsurveill|\blogs?\b|\bjournaux|\bobservab|\bredemarr|\brestart|\bhealthcheck|\bsante\b|\bhealth\b|\bsupervis/, words: 'surveillance supervision journalisation' },
  { name: 'sécurité', pattern: /\bsecuri|\bsecrets?\b|mot de passe|password/, words: 'sécurité secrets' },
  { name: 'tests et versionnement', pattern: /\btests?\b|\bgit\b|\bversionn|\brevue de code|\bcode review|\bdiffs?\b|\bgestion (?:des|de) versions?/, words: 'versionnement versions' },
  { name: 'services associés (base de données…)', pattern: /\bbdd\b|\bbase de donnees|\bdatabase|\bpostgres|\bservices? associes?|\bautres services|\bother services/, words: 'bdd postgresql' },
];

/** Advantages of Compose seen in the lab (8.b); report.ex8 wants one of them. */
export const COMPOSE_ADVANTAGES: Notion[] = [
  { name: 'une seule commande', pattern: /une (?:seule )?commande|\bsingle command|\bone command|\bcompose up\b|\bcompose down\b|\bd un (?:seul )?coup|\bat once|\bdown -v\b|\bup -d\b/ },
  { name: 'réseau et noms de service', pattern: /\breseau|\bnetwork|nom (?:du|de|des) services?|\bservice names?|\bhostname|nom d hote|\bdns\b|\bdb\b|\b5432\b/ },
  { name: 'ordre de démarrage', pattern: /\bdepends_on\b|\bdepend(?:ance|ency|encies|s on)|\bordre de (?:demarrage|lancement)|\bstart.?up order|\bstart order|\bbon ordre|\bright order|\bhealthcheck|\battend (?:que|la base|le service)|\bwaits? for|\bservice_healthy\b/ },
  { name: 'volumes et données', pattern: /\bvolumes?\b|\bpersist|\bdonnees\b|\bdata\b/ },
  { name: 'configuration dans un fichier', pattern: /\bun (?:seul )?fichier|\bone file|\ba (?:single )?file|\byaml\b|\byml\b|\bdeclarat|\bconfigur|\bversionn|\bgit\b|\bdocker-compose\.yml\b|\bdocumente?\b/ },
  { name: 'reproductibilité', pattern: /\breprodu|\bmeme environnement|\bsame environment|\bpartag|\bshare|\bcollegue|\bteammate|\bportab|\bn importe quelle machine|\bany machine/ },
  { name: 'logs et débogage', pattern: /\blogs?\b|\bdebog|\bdebug|\bexec\b|\brestart|\bredemarr/ },
];

export const NOTIONS: Readonly<Record<string, QuestionNotions>> = {
  '1.c': {
    about: 'ce que montre la liste de `docker ps -a` : quels conteneurs y figurent et ce que disent ses colonnes',
    notions: [
      ALL_CONTAINERS,
      ONLY_RUNNING,
      STATUS,
      { name: 'what each row shows', pattern: /\bidentifiants?\b|\bcontainer id\b|\bnoms?\b (?:du|des|de|genere|aleatoire)|\bnames?\b|\bports?\b|\bcreated\b|\bdate de creation|\bimage (?:d origine|utilisee|de depart|source)|\bchaque ligne|\beach (?:line|row)/ },
      { name: 'containers present on the machine', pattern: new RegExp(`${near(CONTAINER, 'existant|present|cree|crees|created|lance|launched|sur (?:la|ma) machine|on (?:the|my) machine|local', 3)}`) },
    ],
  },
  '2.a': {
    about: 'ce qui distingue une image d’un conteneur (ce qu’est chacun et comment ils sont liés)',
    notions: [
      { name: 'image = template, read-only, layers', pattern: /\bmodeles?\b|\bmoules?\b|\btemplates?\b|\bblueprints?\b|\bplans? de construction|\brecettes?\b|\brecipes?\b|\bgabarits?\b|\bpatrons?\b|\bsnapshots?\b|\binstantane|\bclasses?\b|\bclass\b|\bpackag|\bempaquet|\bartefact|\bartifact|\bfige|\bfrozen|\bimmuabl|\bimmutabl|\blecture seule|\bread.only|\bstatiques?\b|\bstatic\b|\bcouches?\b|\blayers?\b|\bsysteme de fichiers|\bfile ?system|\bdefinition|\bdescription|\bplan\b|\bmodele|\bmodel\b|\bcopie|\bcopy|\bcontient (?:le|les|tout|l)|\bcontains\b|\bdependanc|\bdependenc|sert de base|\bbase (?:pour|de depart)|\bpoint de depart|\bstarting point|\bwhat you build|\bon construit|\bconstruite?\b|\bbuilt\b/ },
      { name: 'container = running instance', pattern: new RegExp(`\\binstanc|en cours d execution|en train de (?:tourner|s executer|fonctionner|marcher|vivre)|\\bvit\\b|\\bs execut|\\bexecution\\b|\\bprocessus|\\bprocess(?:es)?\\b|\\bvivant|\\bdynamique|\\bdynamic|\\bwritable|\\binscriptible|\\bobjets?\\b|\\bobjects?\\b|(?:cree|creer|created|lance|launched|demarre|started|built) (?:a partir|from)|\\brunning (?:instance|version|copy|image)|\\b(?:is|are|that|which|qui|il|elle) (?:${RUNNING}|runs?)\\b|\\bexecutable\\b|\\bexecutee?s?\\b|quand on (?:la |le |l )?(?:lance|demarre|execute|run)|\\bwhat you run|\\byou run\\b|\\ben lancer plusieurs|\\bplusieurs ${CONTAINER}|\\b(?:multiple|many|several) containers|\\bfrom (?:the same|one|an|that) image|a partir (?:de la meme|d une|de cette|de l) image`) },
    ],
  },
  '2.b': {
    about: 'ce que fait Docker, étape par étape, quand on lance ce conteneur `alpine` (image, conteneur, commande, fin)',
    notions: [
      { name: 'image pulled when absent', pattern: /\btelecharg|\bpull|\bdownload|\brecuper|unable to find image|\ben local|\blocally\b|\bdocker hub\b|\bregistr|\bdepot distant|\bn est pas (?:presente?|disponible)|\bnot (?:present|available)/ },
      { name: 'a container is created and runs echo', pattern: new RegExp(`(?:cree|creer|create|creates|created|lance|lancer|launch|demarre|starts?|started) (?:un |a |le |the )?(?:nouveau |new )?${CONTAINER}|\\bnouveau ${CONTAINER}|\\bnew ${CONTAINER}|${near(CONTAINER, 'execut|runs?\\b|lance|demarre', 3)}|\\bexecut\\w* ${gap(3)}(?:echo|la commande|the command)`) },
      { name: 'the message is printed', pattern: /\baffich|\bprint|\bdisplay|\bshows?\b|\bsortie standard|\bstdout|\becrit (?:le|la|un|une|dans)|\bwrites?\b|\bappara/ },
      { name: 'the container stops at once', pattern: new RegExp(`${near(`${CONTAINER}|${PROCESS}|il|it`, `s ${STOPPED}|${STOPPED}|ends?\\b|finish|exits?\\b`, 4)}|\\bexited\\b|tout de suite|immediatement|immediately|right after|juste apres`) },
    ],
  },
  '2.c': {
    about: 'la raison pour laquelle un conteneur s’arrête de lui-même (ce qui le fait vivre)',
    notions: [
      { name: 'the command / process finished', pattern: new RegExp(`${either(PROCESS, `${STOPPED}|ended|finish|achev|complete|done|acheve|sort|fin\\b|exits?\\b|exited`, 5)}|\\bfin (?:de|du|d) ${gap(2)}(?:${PROCESS})`) },
      { name: 'main process lifetime', pattern: /processus principal|\bmain process|\bpid 1\b|aussi longtemps|as long as|tant que|while (?:its|the)|plus rien a|nothing (?:left |more )?to|rien d autre a|une seule commande|only (?:one|a single) command|duree de vie|lifetime|lifecycle|cycle de vie/ },
      { name: 'exit code', pattern: /code (?:de )?(?:sortie|retour)|exit code|return code|\bcode 0\b|\(0\)|\bsucces\b|\bsuccess/ },
    ],
  },
  '2.d': {
    about: 'ce que l’on voit dans le shell interactif d’Alpine (ce que montrent les commandes tapées, et ce qui se passe à la sortie)',
    notions: [
      { name: 'interactive terminal and prompt', pattern: /\binteracti|\btty\b|\bpseudo.terminal|\binvite\b|\bprompt\b|\/ #|\bstdin\b|\bclavier|\bkeyboard|\bconsole\b/ },
      { name: "Alpine's own file system", pattern: /\barborescen|\bsysteme de fichiers|\bfile ?system|\bdossiers?\b|\brepertoires?\b|\bdirector|\bfolders?\b|\bbin\b|\/etc\b|\busr\b|\bsbin\b|\bfichiers?\b|\bfiles\b|\bracine\b|\broot\b/ },
      { name: 'shared kernel, Linux', pattern: /\bnoyau|\bkernel|\blinux\b|\bwsl|\bx86|\baarch64|\barm64|\bamd64|\bmusl\b|\bbusybox\b|\bhote\b|\bhost\b|\bsysteme d exploitation|\boperating system|\bdistribution/ },
      { name: 'exit ends the container', pattern: new RegExp(`${near('exit|sortie|quitt|sort|leave|leaving', `${STOPPED}|ferm|ends?\\b|closes?`, 6)}|${near(CONTAINER, `s ${STOPPED}|${STOPPED}|ends?\\b`, 4)}`) },
      { name: 'minimal, isolated system', pattern: /\binside (?:the )?(?:container|alpine)|a l interieur (?:du|d)|\bdans (?:le )?(?:conteneur|alpine)|\bback to (?:my|the)|\bretour (?:a|sur) (?:mon|ma|la)|\brevenu|\bminimal|\bminimaliste|\bleger|\blightweight|\bisole|\bisolat|\bisolated|pas (?:celle|celui|le meme|la meme|les memes) (?:de|que) (?:ma|la|mon)|\bnot (?:the same as )?(?:my|the host)/ },
    ],
  },
  '4.a': {
    about: 'à quoi sert l’option `-p` et ce que désignent les deux nombres de `8000:8000`',
    notions: [
      { name: 'ports', pattern: /\bports?\b/ },
      { name: 'publishing / mapping', pattern: /\bpubli|\bredirig|\bredirect|\bforward|\bmapp|\bmaps?\b|\bexpos|\bbind|\brelie|\bassoci|\btradui|\broute|\bnat\b|\bouvr|\bopens?\b|\baccessible|\bjoignable|\breachable|\bacceder|\baccess/ },
      { name: 'host side versus container side', pattern: /\bhote\b|\bhost\b|\bma machine\b|\bla machine\b|\bmon (?:pc|ordinateur)|\bmy (?:machine|computer|laptop)|\blocalhost\b|\b127\.0\.0\.1\b|\bnavigateur|\bbrowser|\bexterieur|\boutside/ },
    ],
  },
  '4.c': {
    about: 'ce que `docker ps` montre pour votre conteneur (les valeurs relevées)',
    observed: true,
    notions: [
      { name: 'the container name', pattern: /\b[a-z]+_[a-z]+\b|\bau hasard|\baleatoire|\brandom|\bgenere|\bgenerated|\b--name\b/ },
      { name: 'the image simple-api', pattern: /\bsimple.api\b/ },
      { name: 'the published port', pattern: /->|\b8000\b|\/tcp\b|\b0\.0\.0\.0\b|\bports?\b (?:de|du|of) (?:l hote|la machine|host|the host)/ },
      { name: 'the container id', pattern: /\b[0-9a-f]{12}\b|\bcontainer id\b|\bidentifiant/ },
    ],
  },
  '4.d': {
    about: 'ce que chacune des deux commandes affiche, et pourquoi elles diffèrent',
    notions: [
      ONLY_RUNNING,
      ALL_CONTAINERS,
      STATUS,
      { name: 'the stopped container still listed by -a', pattern: /\bn apparait plus|\bplus (?:affiche|visible|liste)|\btoujours (?:visible|la|present|affiche|liste)|\bon le voit (?:toujours|encore)|\bno longer|\bstill (?:there|listed|shown|visible)|\banciens?\b|\bold ones\b/ },
    ],
  },
  '5.e': {
    about: 'ce que fait `docker compose down` de plus (ou de moins) que `docker stop`',
    notions: [
      { name: 'removes containers', pattern: new RegExp(`\\b(?:${REMOVE})`) },
      { name: 'network', pattern: /\breseaux?\b|\bnetworks?\b/ },
      { name: 'every service versus one container', pattern: new RegExp(`tous les (?:services|${CONTAINER})|\\ball (?:the )?(?:services|containers)|\\bl ensemble|\\bentire|\\bwhole|\\bun seul|\\bune seule|\\bsingle|\\bone (?:container|service)|toute l (?:application|appli|pile|stack)|\\bla pile|\\bthe stack|\\bchaque service|\\beach service|\\bplusieurs (?:services|${CONTAINER})|\\bseveral|\\bmultiple`) },
      { name: 'stop keeps the container', pattern: new RegExp(`(?:reste|restent|remains?|still|toujours|encore) ${gap(4)}(?:visible|present|exist|la\\b|there|arret|stopp|listed|liste)|\\bredemarr|\\brelan|\\brestart|docker start|\\bconserv|\\bgard|\\bkeeps?\\b|\\bkept\\b|\\bvolumes?\\b|\\bpause`) },
    ],
  },
  '6.a': {
    about: 'le rôle de chaque morceau de la commande : `exec`, `db`, `-U` et `-d`',
    notions: [
      { name: 'exec runs a command in a running container', pattern: new RegExp(`${near(CONTAINER, `deja|en cours|en marche|running|existant|existing|lance|demarre|actif|started|${RUNNING}`, 3)}|\\bdeja (?:lance|demarre|en)|\\balready|a l interieur|\\binside|\\bexecut\\w* ${gap(2)}(?:une |a |la |the )?(?:commande|command)|\\brun\\w* ${gap(2)}(?:a |the )?command|\\bsans (?:en )?(?:creer|recreer|lancer)|\\bwithout (?:creating|starting)`) },
      { name: 'db is the service name', pattern: /\bservices?\b/ },
      { name: '-U is the user', pattern: /\butilisateur|\busers?\b|\busername|\blogin\b|\bcompte\b|\baccount\b/ },
      { name: '-d is the database', pattern: /\bbase de donnees|\bbase demo|\bla base\b|\bdatabases?\b|\bbdd\b|\bdb name|\bnom de (?:la )?base/ },
      { name: 'psql is the client', pattern: /\bclient\b|\bligne de commande|\bcommand.line|\bcli\b|\bconsole\b|\binterpreteur|\binterpreter|\bterminal sql|\bshell sql|\bsql\b/ },
    ],
  },
  '6.c': {
    about: 'les valeurs précises qu’un autre service utiliserait pour joindre PostgreSQL, et pourquoi celles-là',
    notions: [
      { name: 'host db', pattern: /\bdb\b/ },
      { name: 'port 5432', pattern: /\b5432\b/ },
      { name: 'credentials demo', pattern: /\bdemo\b|\bpostgres(?:ql)?(?:\+\w+)?:\/\// },
      { name: 'network and names', pattern: /\breseau|\bnetwork|\bdns\b|\bresolu|\bresolv|\bresolu|\bdatabase_url\b|\bvariables? d environnement|\benvironment variables?|\benv\b|\benvironment:/ },
    ],
  },
  '6.d': {
    about: 'ce que devient la base de données avec et sans l’option `-v`',
    notions: [
      { name: 'volumes', pattern: /\bvolumes?\b|\bpgdata\b/ },
      { name: 'the data is lost', pattern: new RegExp(`${either('donnees|data|tables?|base|contenu|lignes|rows|enregistrements|records', `perdu|perd|${REMOVE}|dispar|lost|lose|gone|vide|empty|reinitialis|reset`, 5)}|\\bperte|\\bloss\\b|repart\\w* de zero|from scratch|\\bnouvelle base|\\bfresh`) },
      { name: 'without -v the data persists', pattern: /\bpersist|\bconserv|\bgard|\bkeeps?\b|\bkept\b|\bsurviv|\bretrouv|\btoujours la|\bstill there|\bintact/ },
    ],
  },
  '7.a': {
    about: 'ce que les logs de l’API affichent au démarrage et à chaque requête, et ce que fait `-f`',
    observed: true,
    notions: [
      { name: 'uvicorn start-up lines', pattern: /\buvicorn\b|\bstartup\b|\bstarted\b|\bserver process|\brunning on\b|\bwaiting for\b|\b0\.0\.0\.0\b|\bapplication (?:startup|demarr)|\bserveur (?:demarr|lance|ecoute)|\becoute\b|\blistening/ },
      { name: 'an access line per request', pattern: /\bget\b|\b200\b|\bhttp\/1|\bligne d acces|\baccess (?:log|line)|\bune (?:nouvelle )?ligne (?:s ajoute|apparait|par)|\bnew line|\bcode (?:http|de statut|de retour)|\bstatus code/ },
      { name: '-f follows live', pattern: /\ben direct|\ben temps reel|\blive\b|\breal.time|\ben continu|\bcontinuously|\bfollow|\bsuit les|\bsuivre les|\bnouvelles? lignes|\bnew lines|\breste (?:ouvert|affich|bloqu)|\bstays open|\bstream|\bau fur et a mesure|\bas they (?:come|happen|arrive)|\bctrl.c\b/ },
    ],
  },
  '7.b': {
    about: 'ce que l’on trouve à l’intérieur du conteneur de l’API (fichiers, version de Python) et ce qui se passe à la sortie',
    observed: true,
    notions: [
      { name: 'the app files', pattern: /\bapp\.py\b|\brequirements|\bdockerignore|\/app\b|\bworkdir\b|\bdossier de travail|\brepertoire de travail|\bworking dir|\bmain\.py\b|\bcode de l api|\bfichiers? (?:de l api|copies|du projet)|\bfiles? (?:of the app|copied)/ },
      { name: 'the Python version of the image', pattern: /\bpython 3\b|\b3\.\d+|\bimage de base|\bbase image|\bversion de (?:l image|python)|\bpython (?:de|du|of) (?:l image|the image|conteneur|container)/ },
      { name: 'the container keeps running after exit', pattern: new RegExp(`${near('continue|toujours|still|keeps?|reste|encore', `${RUNNING}|runs?|run\\b|up\\b|vie|alive`, 4)}|${near('uvicorn|processus principal|main process|api', `${RUNNING}|runs?`, 4)}|\\bne s arrete pas|\\bdoes not stop|\\bdoesn t stop|\\bpas arrete`) },
      { name: 'isolated from the host', pattern: /\bhote\b|\bhost\b|pas (?:celle|celui|la meme|le meme) (?:de|que) (?:ma|la|mon)|\bnot (?:the one|the same)|\bisole|\bisolat|\bmy (?:machine|laptop|computer)|\bma machine/ },
    ],
  },
  '7.c': {
    about: 'ce que fait un redémarrage et les situations où il sert',
    notions: [
      { name: 'stuck or crashed service', pattern: /\bbloqu|\bplant|\bcrash|\bfige|\bne repond|\bhang|\bstuck|\bfreez|\bunresponsive|\bfuite|\bleak|\bsature|\bpanne|\bfail|\bdefaillan|\ben cas d (?:erreur|incident|probleme)|\bapres (?:une|un) (?:erreur|incident|probleme)|\bin case of|\bafter (?:an? )?(?:error|issue|incident)|\bmal|\bbug/ },
      { name: 'configuration or environment changed', pattern: /\bconfig|\bvariables?\b|\benvironnement|\benvironment|\bsecret|\bcertificat|\bparametre|\bsetting|\bfichier (?:monte|de conf)|\bmounted/ },
      { name: 'dependencies and connections', pattern: /\bconnexion|\bconnection|\breconnect|\bbase (?:de donnees )?(?:a )?redemarr|\bdatabase restart|\bmemoire|\bmemory|\bressources?\b|\bresources?\b/ },
      { name: 'stop then start, same image', pattern: new RegExp(`${near('arret|stop', 'relanc|redemarr|start|demarr', 4)}|\\bmeme image|\\bsame image|\\bsans reconstruire|\\bwithout rebuild|\\bne (?:reconstruit|prend) pas|\\bdoesn t rebuild|\\bdoes not rebuild|--build|\\brebuild|\\breconstrui|\\bmodif|\\bchange|\\bmise a jour|\\bupdate|\\bapplique`) },
    ],
  },
  '7.d': {
    about: 'comment les logs vous ont mené à la cause de la panne (ce que vous y avez lu)',
    observed: true,
    notions: [
      { name: 'traceback and error message', pattern: /\bpas trouve|\ba cause d|\bbecause of|\bvenait d|\bprovenait|\berreur qui (?:disait|indiquait|parlait)|\ble message (?:disait|indiquait)|\berreur (?:python|d import|de chargement|dans les logs)|\btraceback|\btrace\b|\bstack|\bpile d appel|\battribut|\bnot found\b|\bintrouvable|\bn existe pas|\bne (?:la |le )?trouv|\bcould not find|\bcannot find|\berror loading|\basgi\b|\bimporterror|\bimport (?:de|du|error|fail)|\bl import\b|\ba l import\b|\bnameerror|\bexception|\bmessage d erreur|\berror message|\bderniere ligne|\blast line|\bfin de la trace|\berreur python|\bpython error|\bmodule\b/ },
      { name: 'the container stopped / crashed', pattern: /\bexited\b|\bcode 1\b|\bexit code|\bs est arrete|\bs arrete|\bcrash|\bplant|\bredemarr|\brestart|\bne repond|\bconnection refused|\bconnexion refusee|\bps -a\b|\bstopped|\bexit(?:e|ing)?\b|\bmort\b|\bdied|\bfails? to start/ },
      { name: 'uvicorn looks for the app variable', pattern: /\bvariable\b|\bapp:app\b|\bfastapi\(\)|\bobjet|\bobject|\bnom (?:de la variable|de l application)|\bname of the|\bl instance/ },
    ],
  },
  '7.e': {
    about: 'pourquoi on nettoie son environnement Docker (ce que les commandes enlèvent et ce que cela apporte)',
    notions: [
      { name: 'disk space', pattern: /\bespace|\bdisques?\b|\bdisk|\bspace\b|\bstockage|\bstorage|de la place|\bprend\w* (?:de la |beaucoup de |trop de )?place|\b\d+ ?(?:go|mo|gb|mb|ko|kb)\b|\bmegaoctet|\bgigaoctet|\bmegabyte|\bgigabyte/ },
      { name: 'leftovers: stopped containers, dangling images', pattern: new RegExp(`\\b(?:${REMOVE.replace('nettoy|clean|', '')})|\\barretes\\b|\\bstopped|\\bdangling|\\bsans (?:tag|nom)|\\buntagged|<none>|\\banciennes? (?:versions?|images?)|\\bold (?:versions?|images?)|\\binutil|\\bunused|\\bobsolet|\\borphelin|\\bresidu|\\brestes\\b|\\bleftover|\\baccumul|\\bs entass|\\bpile up`) },
      { name: 'readability and mistakes', pattern: /\blisib|\breadab|\bencombr|\bclutter|\bdesordre|\bmess\b|\bmessy|\bconfus|\bpar erreur|\bby mistake|\bs y retrouver|\bclarte|\bclair(?:e|es)? (?:la|les)|\bperform|\bressources?\b|\bresources?\b|\bsecurit|\bconflit|\bconflict/ },
    ],
  },
  '8.a': {
    about: 'ce qui manque à un notebook pour servir un modèle en production (ce que le TP a fait autrement)',
    notions: NOTEBOOK_ASPECTS,
  },
  '8.b': {
    about: 'ce que Docker Compose apporte dès qu’il y a plusieurs services (ce que vous avez vu au TP)',
    notions: COMPOSE_ADVANTAGES,
  },
};
