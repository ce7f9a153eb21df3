// What each explication question of the lab « Premiers pas avec Docker » is about, as words: the
// vocabulary a relevant answer draws on, taken from the lab's own material (the statement, README
// « Déroulé du TP »; the reference answers; the notions of notions.ts as seed words; what real
// students of this course write), in French with the English words students use. The report's
// relevance check stems these words (Snowball French) and compares an answer's stems with every
// question's: an answer that shares nothing specific with the lab, or that shares far more with
// another question than with its own, is off topic.
//
// No stop words, and none of the words content-free filler is made of (« appris », « étape »,
// « terminé », « premier », « problème »…): a filler sentence must find no evidence here.

export const VOCABULARY: Readonly<Record<string, string>> = {
  '1.b': 'client serveur server cli interface envoie envoyer transmet requêtes démon daemon dockerd moteur engine gère gérer exécute reçoit conteneurs images réseau volumes api socket distant communique arrière-plan containerd runc sends requests manages background',
  '1.d': 'storage driver pilote stockage overlay2 overlayfs snapshotter runtime runc crun containers running paused stopped arrêtés nombre présents compte zéro',
  '2.b': 'client contacte démon daemon télécharge téléchargement pull hub registre locale absente crée création nouveau programme exécutable affiche affichage message sortie renvoie transmet stream hello world download creates streams output',
  '2.d': 'fichier disparu nouveau conteneur chaque lancement neuf vierge recréé supprimé rm détruit effacé image inchangée intacte lecture seule couche inscriptible éphémère temporaire volume persistant sauvegardé new container removed writable layer ephemeral',
  '2.e': 'liste conteneurs arrêtés exited statut status identifiant nom names image créé created ports historique rm supprime supprimé disparaît définitivement stopped removed history',
  '4.d': 'date heure horodatage horloge utc instant différente système linux noyau kernel hôte partagé identique debian slim distribution image python librairies bibliothèques isolé macos windows darwin wsl timestamp clock host shared',
  '5.d': 'cmd défaut dockerfile arguments remplace remplacent écrase surcharge override prioritaire ponctuel temporaire image inchangée reconstruire entrypoint ajoutés default replaces overrides rebuild',
  '6.c': 'logs journaux sortie standard stdout vide sleep remplacé top processus pid uid ppid tourne arrière-plan empty output process',
  '6.e': 'rm conteneur instance supprime image rmi modèle template tag couches espace disque conserve refuse utilisée dépend affecte removes container deletes used',
  '7.a': 'local machine python image version interpréteur dépendances bibliothèques librairies environnement isolé isolation fichiers dossier système noyau kernel hôte debian distribution portable portabilité reproductible partout déployer variables configuration horodatage dependencies environment isolated',
  '7.b': 'commandes nouvelles découvertes découvert build images inspect logs top stop rm prune construit liste supprime arrête inspecte métadonnées processus nettoie débutant new',
};

/**
 * Words of the lab's instructions that every answer may use and that say nothing about one
 * question (an answer made of them, « j'ai lancé la commande, voir la capture », names nothing).
 */
export const GENERIC_WORDS =
  'docker conteneur conteneurs container containers commande commandes command lancer lancé lancez taper tapé tapez question réponse répondre demandé demande voir capture résultat résultats fonctionne marche fait faire regarder regardé observer observé facile simple ok expliquer explique énoncé tp lab exercice comprendre réfléchir bien tout tous rien chose choses cas terminal erreur plusieurs partie partir suite suivre cours place mise projet utilisé utiliser utilisateur important importante compris correspond passe passer réel réelle welcome script joignez joindre relancez relancer';
