// What each explication question of the lab « Premiers pas avec Docker » is about, as data: the few
// notions an answer must touch to be on topic, written from the lab's steps (README, « Déroulé du
// TP ») and from what real students of this course write (tables comparing local and container
// runs, terse bullet lists). Patterns are matched on folded text (lower case, no accents,
// apostrophes and punctuation as spaces; see checks/report/relevance.ts), in French and English,
// with word stems and common synonyms. They are generous with real phrasing and never match the
// question's own prompt, the commands it quotes, or content-free filler.
//
// A notion's `name` is for the instructor and the tests; the student only ever sees `about`, which
// names what the question is about without giving its answer.
import type { Notion, QuestionNotions } from '../../grader/src/lab/lab.ts';

// Up to `n` words between two parts of a phrase (folded text has single spaces between words).
const gap = (n: number) => `(?:\\S+ ){0,${n}}`;
const near = (a: string, b: string, n = 4) => `\\b(?:${a})\\w* ${gap(n)}(?:${b})`;
const either = (a: string, b: string, n = 4) => `${near(a, b, n)}|${near(b, a, n)}`;

// Shared vocabularies.
const CONTAINER = 'conteneurs?|containers?';
const STOPPED = 'arret|stopp|exited|termin(?!al)|fini|inacti|eteint|quitt';
const RUNNING = 'tourn|en cours|running|en marche|actifs?\\b|active\\b|en fonctionnement|en execution';
const REMOVE = 'supprim|remov|delet|detrui|destroy|effac|nettoy|clean|wipe|purg|retir';
const UNCHANGED = '\\b(?:inchang|ne change|ne bouge|pas modifi|jamais modifi|n est pas (?:modifi|touch|affect)|intact|lecture seule|read.only|immuabl|immutabl|unchanged|untouched|not (?:modified|changed|affected)|reste|stays|remains|conserv|gard|keeps?\\b|kept\\b)';

/** The host system the container shares, or the student's own system (5 forms of « the same kernel »). */
const HOST_KERNEL = `\\bnoyau|\\bkernel|\\bhote\\b|\\bhost\\b|\\bpartag|\\bshared?\\b|\\bwsl|\\blinuxkit\\b|\\bmachine virtuelle|\\bvirtual machine|\\bvm\\b|\\bdocker desktop\\b|\\bmeme (?:linux|systeme|os)\\b|\\bsame (?:linux|kernel|os|system)\\b|\\b\\d+\\.\\d+\\.\\d+-\\S+`;
/** The system of the image or of the student's machine, named. */
const SYSTEMS = '\\bdebian\\b|\\bbookworm\\b|\\btrixie\\b|\\bslim\\b|\\bdistribution|\\bdistro|\\bubuntu\\b|\\bmint\\b|\\bfedora\\b|\\barch\\b|\\bmacos\\b|\\bmac\\b|\\bdarwin\\b|\\bwindows\\b|\\bsysteme d exploitation|\\boperating system|\\bos\\b';

export const NOTIONS: Readonly<Record<string, QuestionNotions>> = {
  '1.b': {
    about: 'le rôle de chacune des deux parties affichées par `docker version` et la façon dont elles travaillent ensemble',
    notions: [
      { name: 'the client is the command line that sends requests', pattern: /\bcli\b|\binterface\b|ligne de commande|\bcommand.line|\benvoi|\bsends?\b|\bsent\b|\btransmet|\bcommandes? (?:que|tapees|saisies)|\brequetes?\b|\brequests?\b|\bcote utilisateur|\buser side|\bfrontal|\bfront.end/, words: 'interface envoyer transmettre requête' },
      { name: 'the server is the daemon that does the work', pattern: /\bdaemon|\bdemon\b|\bdockerd\b|\bmoteur|\bengine\b|\bgere\b|\bgerent\b|\bgerer\b|\bgestion|\bmanages?\b|\bmanaging|\bcontainerd\b|\brunc\b|\ben arriere.plan|\bbackground|\bexecute (?:les|reellement|vraiment|concretement)|\bfait (?:le|tout le) travail|\bdoes the (?:real )?work|\bcree (?:les|et)|\bcreates?\b|\bconstruit\b|\bbuilds?\b/, words: 'démon moteur gérer exécuter' },
      { name: 'they talk through an API, possibly remote', pattern: /\bapi\b|\bsocket|\bdistant|\bremote|\bcommuniqu|\bcommunicat|\bdialog|\btalks? to|\bparle (?:au|a|avec)|\breseau|\bnetwork|\bsur une autre machine|\banother machine|\bversions? (?:differ|identiq|egal|meme)|\bmeme version|\bsame version/, words: 'communiquer dialoguer socket distant' },
    ],
  },
  '1.d': {
    about: 'les valeurs précises que donne `docker info` sur cette machine (stockage, runtime, images et conteneurs)',
    observed: true,
    notions: [
      { name: 'the storage driver named', pattern: /\boverlay2?\b|\boverlayfs\b|\bfuse.overlayfs\b|\bbtrfs\b|\bzfs\b|\bvfs\b|\bdevicemapper\b|\baufs\b|\bsnapshotter\b/ },
      { name: 'the default runtime named', pattern: /\brunc\b|\bcrun\b|\brunsc\b|\bgvisor\b|\bkata\b|\bnvidia\b|\byouki\b|\bio\.containerd/ },
      { name: 'counts of images and containers', pattern: new RegExp(`\\b\\d+ (?:images?|${CONTAINER})\\b|\\b(?:images?|${CONTAINER}|running|paused|stopped) ?:? ?\\d+\\b|\\baucun(?:e)? (?:image|conteneur)|\\bno (?:images?|containers?)\\b|\\bzero\\b|\\bnone\\b`) },
    ],
  },
  '2.b': {
    about: 'ce que font le client et le démon Docker, étape par étape, quand on lance `hello-world`',
    notions: [
      { name: 'the client contacts the daemon', pattern: /\bdaemon|\bdemon\b|\bdockerd\b|\bmoteur|\bengine\b|\bserveur|\bserver\b|\bcontact|\bclient\b/, words: 'démon serveur contacter' },
      { name: 'the image is pulled from Docker Hub', pattern: /\btelecharg|\bpull|\bdownload|\brecuper|\bdocker hub\b|\bhub\b|\bregistr|\bdepot (?:distant|public|d images)|\bn est pas (?:presente?|disponible)|\bnot (?:present|available)|\ben local|\blocally\b/, words: 'télécharger récupérer registre' },
      { name: 'a container is created from the image and runs', pattern: new RegExp(`\\bcree|\\bcreer|\\bcreation|\\bcreat|\\bnouveau ${CONTAINER}|\\bnew ${CONTAINER}|\\binstanc|\\bexecut|\\bruns?\\b|\\bdemarr|\\bstarts?\\b|\\bprogramme|\\bexecutable|\\bbinaire`), words: 'créer création exécuter instance' },
      { name: 'the output is streamed back to the terminal', pattern: /\bstream|\baffich|\bsortie|\boutput|\brenvoi|\btransmet|\bsends?\b|\benvoi|\bprints?\b|\bdisplay|\bretour|\bback to/, words: 'afficher renvoyer transmettre' },
    ],
  },
  '2.d': {
    about: 'ce qui arrive aux fichiers d’un conteneur quand on le relance (ce que fait chaque `docker run` et ce que devient le conteneur précédent)',
    notions: [
      { name: 'each run starts a new container from the image', pattern: new RegExp(`\\bnouveau ${CONTAINER}|\\bnew ${CONTAINER}|\\bautre ${CONTAINER}|\\banother ${CONTAINER}|\\b${CONTAINER} (?:neuf|nouveau|different|tout neuf|vierge|propre)|\\bdifferent ${CONTAINER}|\\b(?:chaque|each) (?:docker run|run|lancement|execution|fois|time|session)|\\ba chaque (?:fois|lancement|run|execution)|\\bde zero\\b|\\bfrom scratch|\\bneuf\\b|\\bfresh\\b|\\brecree|\\brecreat|\\brepart|\\bnouvelle instance|\\bnew instance|\\bvierge\\b|\\bclean (?:state|container)`), words: 'nouveau neuf vierge recréer' },
      { name: 'the first container was removed (--rm)', pattern: new RegExp(`\\b(?:${REMOVE})|\\bdetruit|\\bn existe plus|\\bno longer exists|\\bdisparai?t avec|\\bgone with`), words: 'supprimer détruire effacer' },
      { name: 'the image is never modified', pattern: new RegExp(either('image', UNCHANGED, 6)), words: 'inchangée intacte immuable' },
      { name: 'changes live in the container’s writable layer, not persisted', pattern: /\bcouches?\b|\blayers?\b|\bephemer|\btemporair|\btemporary|\bvolumes?\b|\bpersist|\bsauvegard|\bsaved?\b|\bstocke|\bstored?\b|\binscriptible|\bwritable|\bbind mount|\bmonter un dossier|\b-v\b/, words: 'éphémère temporaire persistant volume couche' },
    ],
  },
  '2.e': {
    about: 'ce que liste `docker ps -a` (quels conteneurs, quelles colonnes) et ce que `docker rm` change dans cette liste',
    observed: true,
    notions: [
      { name: 'all containers, stopped ones included', pattern: new RegExp(`tous les ${CONTAINER}|\\ball (?:the |of the )?(?:containers|of them)|\\by compris|\\bincluding|\\bmeme (?:ceux|les|s ils)|\\baussi (?:ceux|les)|\\beven (?:the )?(?:stopped|exited)|\\bhistori|\\bhistory|${near(CONTAINER, `${STOPPED}`, 5)}|\\b(?:${STOPPED})\\w* ${gap(2)}(?:ou|et|or|and) ${gap(2)}(?:${RUNNING})|(?:${RUNNING})\\w* ${gap(2)}(?:ou|et|or|and) ${gap(2)}(?:${STOPPED})`) },
      { name: 'rm removes the container for good', pattern: new RegExp(`\\b(?:${REMOVE})|\\bdisparu|\\bdisparai|\\bn apparait plus|\\bno longer|\\bplus (?:dans|visible|liste|affiche)|\\bgone\\b|\\bdefinitiv|\\bfor good|\\bpermanent`), words: 'supprimer disparaître définitivement' },
      { name: 'what each row shows', pattern: /\bstatuts?\b|\bstatus\b|\bexited\b|\bup \d|\bcolonnes?\b|\bcolumns?\b|\bnames\b|\bnoms? (?:du|des|genere|aleatoire|au hasard)|\bidentifiants?\b|\bcontainer id\b|\bcreated\b|\bdate de creation|\bimage (?:d origine|utilisee|source)|\bchaque ligne|\beach (?:line|row)/ },
    ],
  },
  '4.d': {
    about: 'ce qui diffère entre les deux sorties (date et heure, système) et la raison de chaque différence',
    notions: [
      { name: 'the date is computed at each run', pattern: /\ba chaque (?:execution|lancement|run|fois|appel)|\beach (?:run|time|execution)|\bau moment (?:de l execution|du lancement|ou)|\bat run.?time|\bwhen (?:it|the script|the container) (?:runs?|ran|starts?)|\bgenere|\bgenerated|\bcalcul|\bhorloge|\bclock\b|\butc\b|\bfuseau|\btime ?zone|\btimestamp|\bhorodat|\bplus tard|\blater\b|\bminutes? (?:plus tard|d ecart|apres|later|apart)|\bd ecart|\b\d{1,2}:\d{2}\b|\b\d{1,2}h\d{2}\b|\binstant\b/, words: 'horloge horodatage instant généré' },
      { name: 'the kernel is the host’s', pattern: new RegExp(HOST_KERNEL), words: 'noyau hôte partagé kernel' },
      { name: 'the rest of the system comes from the image', pattern: new RegExp(`${SYSTEMS}|\\bde l image\\b|\\bthe image\\b|\\bimage (?:python|de base|debian)|\\bbase image|\\bpython 3|\\b3\\.1\\d\\b|\\blibrair|\\bbibliothe|\\blibrar|\\bbinaires?\\b|\\bbinaries|\\bisol|\\bsysteme de fichiers|\\bfile ?system`), words: 'distribution isolé bibliothèques librairies' },
      { name: 'the same output, both Linux', pattern: /\bidentiques?\b|\bidentical\b|\bla meme (?:sortie|chose|valeur|ligne)|\ble meme (?:resultat|systeme|noyau)|\bthe same\b|\bpareil|\bne change pas|\bdoesn t change|\bdoes not change|\blinux (?:des deux|dans les deux|partout)|\bboth (?:say |show )?linux/ },
    ],
  },
  '5.d': {
    about: 'le rôle du `CMD` d’une image et ce que deviennent les arguments ajoutés à `docker run`',
    notions: [
      { name: 'CMD is the default command', pattern: /\bpar defaut|\bdefault|\bsans (?:argument|commande|rien|autre|precision|option)|\bwithout (?:any )?(?:argument|command|override)|\bno (?:arguments?|command)|\bsi (?:on ne|rien n|aucun)|\bif (?:no|nothing)|\bquand (?:on ne (?:donne|passe|precise)|rien n|aucun)/, words: 'défaut' },
      { name: 'arguments replace CMD', pattern: /\bremplac|\breplac|\boverrid|\bsurcharg|\becras|\bprend(?:s|nent)? le dessus|\bprioritair|\bpriorit|\ba la place|\binstead|\bprecedence|\bsubstitu|\bl emporte|\bwins?\b|\bignor/, words: 'remplacer écraser surcharger prioritaire' },
      { name: 'for this run only, the image is unchanged', pattern: /\bpour cette (?:execution|fois)|\bce (?:lancement|conteneur|run)|\bthis (?:run|container|time)|\bune seule fois|\bponctuel|\btemporair|\btemporar|\bseulement|\bonly\b|\buniquement|\b(?:image|dockerfile) (?:reste|ne change|inchang|n est pas modifi|stays|is not (?:changed|modified)|is unchanged)|\bsans (?:modifier|reconstruire|rebuild|toucher)|\bwithout (?:rebuilding|changing|modifying)|\bunchanged|\binchang|\breconstrui|\brebuild/, words: 'ponctuel temporaire uniquement inchangé' },
      { name: 'ENTRYPOINT, by contrast, is kept', pattern: /\bentrypoint\b|\bajout|\bappend|\badded\b|\bconcaten|\ba la suite/ },
    ],
  },
  '6.c': {
    about: 'ce qu’affichent `docker logs` et `docker top` pour ce conteneur, et la raison de ce qu’on y voit',
    observed: true,
    notions: [
      { name: 'logs show what the container printed: nothing here', pattern: /\bvides?\b|\bempty\b|\brien (?:n est |ne s est )?(?:affiche|ecrit|sorti)|\brien d affiche|\baucune? (?:sortie|ligne|message|log)|\bno (?:output|logs?|lines?)|\bnothing (?:is |was )?(?:printed|shown|written|displayed)|\bsortie standard|\bstdout|\bstderr|\bce que (?:le programme|le conteneur|le processus|la commande) (?:affiche|ecrit|a affiche|a ecrit)|\bwhat (?:the )?(?:container|process|program|command) (?:prints|printed|writes|wrote)/, words: 'vide sortie afficher journal' },
      { name: 'sleep replaced the CMD: welcome.py never ran', pattern: /\bsleep\b|\battend\b|\bwaits?\b|\bwelcome\.py (?:n a|n est|ne s est|ne tourne) (?:pas|jamais)|\bpas (?:ete )?(?:lance|execute)|\bnever (?:ran|runs|started)|\bdid not run|\bdoesn t run|\bremplac|\breplac|\boverrid|\ba la place|\binstead/, words: 'remplacer attendre' },
      { name: 'top lists the container’s processes', pattern: new RegExp(`\\bprocessus|\\bprocess(?:es)?\\b|\\bpid\\b|\\bppid\\b|\\buid\\b|\\bappuser\\b|\\bcpu\\b|\\bstime\\b|\\btourne|\\ben cours d execution|\\brunning\\b|\\bactifs?\\b|\\bvu (?:depuis|de) l hote|\\bfrom the host`), words: 'processus exécution' },
    ],
  },
  '6.e': {
    about: 'ce que supprime chacune des deux commandes, et ce que devient l’autre objet',
    notions: [
      { name: 'docker rm removes a container', pattern: new RegExp(`${either(CONTAINER, REMOVE, 6)}|\\binstances?\\b`), words: 'instance' },
      { name: 'docker image rm removes an image', pattern: new RegExp(`${either('images?', REMOVE, 6)}|\\bmodeles?\\b|\\btemplates?\\b|\\bmoules?\\b|\\brecettes?\\b|\\bblueprint|\\btags?\\b|\\bcouches?\\b|\\blayers?\\b|\\bespace disque|\\bdisk space`), words: 'modèle gabarit tag' },
      { name: 'the other object stays, or removal is refused while used', pattern: new RegExp(`${UNCHANGED}|\\btoujours\\b|\\bstill\\b|\\brefus|\\bimpossible|\\bcannot|\\bcan t\\b|\\bconflit|\\bconflict|\\butilisee? par|\\bused by|\\bin use\\b|--force|\\bforcer|\\bdepend|\\bn affecte|\\bdoesn t affect|\\bdoes not affect|\\bn a (?:aucun|pas d) (?:effet|impact)|\\bno effect|\\bnot affect`) },
    ],
  },
  '7.a': {
    about: 'les différences concrètes entre lancer le script sur sa machine et le lancer dans un conteneur (environnement, système, fichiers, portabilité)',
    notions: [
      { name: 'Python and the dependencies come from the image', pattern: /\bpython (?:de|du|of) (?:l image|the image|conteneur|container|l hote|ma machine|the host)|\bpython (?:installe|local|installed)|\bpython 3\.\d+|\b3\.1\d\b|\binterpret|\bdependan|\bdependenc|\blibrair|\bbibliothe|\blibrar|\bpackages?\b|\bpaquets?\b|\bpip\b|\bversions? de python|\bpython versions?|\benvironnements?\b|\benvironments?\b|\bpython:3/, words: 'environnement dépendances bibliothèques librairies interpréteur' },
      { name: 'files and working directory are isolated', pattern: /\bisol|\bsysteme de fichiers|\bfile ?system|\bfichiers\b|\bfiles\b|\b\/app\b|\bdossier|\brepertoire|\bdirector|\bsandbox|\bbac a sable|\bdisque|\bdisk\b/, words: 'isolé isolation fichiers dossier' },
      { name: 'system and kernel', pattern: new RegExp(`${HOST_KERNEL}|${SYSTEMS}|\\blinux\\b`), words: 'noyau système distribution' },
      { name: 'portability and reproducibility', pattern: /\bportab|\breprodu|\bn importe (?:quel(?:le)?|ou)|\bany (?:machine|computer|host)|\bpartout\b|\beverywhere|\bmeme (?:resultat|comportement|environnement)|\bsame (?:result|behaviou?r|environment)|\bdeploi|\bdeploy|\blivr|\bship\b|\bautonome|\bself.contained|\bencapsul|\bembarqu|\bpackag/, words: 'portable portabilité reproductible déployer' },
      { name: 'configuration given at run time', pattern: /\bvariables? d environnement|\benvironment variables?|\bwelcome_name\b|\b-e\b|--rm\b|\bcmd\b|\barguments?\b|\bentrypoint\b|\bconfigur/ },
      { name: 'the date and time of each run', pattern: /\bhorodat|\btimestamp|\bhorloge|\bclock\b|\butc\b|\bdate (?:et|and) (?:l )?heure|\bdate\b|\bheure\b/ },
    ],
  },
  '7.b': {
    about: 'les commandes Docker découvertes dans ce TP et ce que fait chacune',
    notions: [
      { name: 'Docker commands named', pattern: /\b(?:build|run|ps|images|inspect|logs|top|stop|start|rm|rmi|prune|exec|pull|info|version)\b/ },
      { name: 'what they do', pattern: new RegExp(`\\bconstrui|\\bbuilds?\\b|\\blance (?:un|des|le) (?:conteneur|container)|\\bdemarr|\\bstarts?\\b|\\bliste|\\blists?\\b|\\b(?:${REMOVE})|\\binspect|\\bmetadonn|\\bmetadata|\\bjournaux|\\bprocessus|\\bprocess(?:es)?\\b|\\barret|\\bstops?\\b|\\barriere.plan|\\bbackground|\\bdetach|\\bvariables?\\b`), words: 'construire lister supprimer arrêter inspecter' },
      { name: 'everything was new, or already known', pattern: /\btoutes? (?:les|ces|mes)? ?(?:commandes|etaient|sont|nouvelles)|\bpremiere fois|\bfirst time|\btout (?:etait|est|m etait) nouveau|\beverything (?:was )?new|\ball (?:of them|the commands|were new|new)|\baucune? (?:n etait|ne m etait)|\bdeja (?:connu|utilis|vu|manipul)|\balready (?:knew|used|known)|\bconnaissais|\bjamais (?:utilise|fait|touche)|\bnever used|\bdebutant|\bbeginner|\bdecouvert/, words: 'découverte débutant' },
    ],
  },
};
