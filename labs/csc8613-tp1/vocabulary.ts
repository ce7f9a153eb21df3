// What each explication question of REPORT.md is about, as words: the vocabulary a relevant
// answer draws on, taken from the lab's own material (the statement, README « Déroulé du TP »; the
// reference answers; the notions of lab/notions.ts as seed words), in French with the English
// words students use. checks/report/relevance.ts stems these words (Snowball French) and compares an
// answer's stems with every question's: an answer that shares nothing specific with the lab, or
// that shares far more with another question than with its own, is off topic.

export const VOCABULARY: Readonly<Record<string, string>> = {
  '1.c': 'liste conteneurs présents machine historique arrêtés terminés exited tournent actifs inactifs identifiant id image origine commande lancée statut état nom généré date création ports colonnes ligne hello world all stopped running history status',
  '2.a': 'image modèle moule recette template figée lecture seule système fichiers couches métadonnées commande défaut conteneur instance exécution processus couche inscriptible isolé plusieurs conteneurs partir même image classe objet immuable statique dynamique vivant snapshot layers instance running read only',
  '2.b': 'télécharge pull image alpine locale absente docker hub registre crée conteneur nouveau exécute echo message phrase bonjour affiche terminal sortie standard arrête termine immédiatement aussitôt fin processus download creates runs prints exits',
  '2.c': 'conteneur vit processus principal commande echo termine fini achevée arrêt arrête exited code sortie retour zéro durée vie tant tourne plus rien exécuter tâche travail historique conserve visible supprimé main process finished ends exit code',
  '2.d': 'terminal interactif invite shell prompt tty alpine ls arborescence dossiers répertoires fichiers bin etc usr racine uname noyau kernel linux wsl2 hôte partagé système minimal isolé intérieur exit quitte sortie ferme arrête exited inside',
  '4.a': 'option publie publier port hôte conteneur mappe redirige associe relie correspondance gauche droite machine locale localhost accéder navigateur curl réseau isolé joignable uvicorn écoute tcp publish maps forwards host',
  '4.c': 'nom conteneur nommé généré hasard aléatoire image simple api colonne ports publié tcp hôte redirigé status up identifiant id names',
  '4.d': 'stop arrête arrêté ps seulement uniquement conteneurs tournent actifs marche cours exécution tous compris arrêtés exited supprimé relancer start différence historique running only all stopped including',
  '5.e': 'compose down arrête supprime conteneurs services réseau projet volumes gardés stop id seul conteneur reste visible existe toujours relancer application entière pile removes network stack',
  '6.a': 'exec exécute commande conteneur marche cours existant nouveau db nom service compose psql client postgresql utilisateur user base données database demo connecte option runs existing',
  '6.c': 'api connecterait connexion nom hôte hostname db réseau compose service dns résout adresse port 5432 interne postgresql utilisateur mot passe identifiants demo base url variable environnement database_url postgres host user password',
  '6.d': 'compose down volume volumes nommé pgdata données perdues conservées supprimées persistent effacées tables postgresql base initialisation repartir zéro vide data lost removed kept persist',
  '7.a': 'logs démarrage messages uvicorn started server process waiting application startup complete running http requête appel health ligne accès get 200 ok adresse client code statut suit direct temps réel continu nouvelles lignes follow live',
  '7.b': 'shell dossier travail app workdir ls fichiers app.py requirements dockerignore python version image base exit conteneur api continue tourner processus principal uvicorn isolé hôte files',
  '7.c': 'restart redémarrage redémarrer relance relancer arrêt service api conteneur bloqué planté crash fige répond erreur panne configuration variables environnement fichier monté connexions base mémoire ressources mise jour code modification reconstruire build rebuild stuck crashed',
  '7.d': 'logs erreur trace traceback python message error loading asgi attribute not found module uvicorn cherche variable app appi import exception cause arrêté exited crash redémarre plante ligne fin health répond',
  '7.e': 'nettoyer nettoyage prune supprime conteneurs arrêtés images dangling sans tag anciennes versions inutilisées obsolètes restes espace disque place stockage mégaoctets gigaoctets libère lisibilité encombrement conflits erreur vieille version disk space unused clutter',
  '8.a': 'notebook jupyter cellules ordre exécution état caché noyau reproductible reproductibilité environnement dépendances versions python bibliothèques librairies requirements machine image docker production service api serveur http requêtes automatiquement automatisation manuel pipeline ci cd surveillance supervision logs healthcheck relance montée charge scalabilité sécurité tests git versionnement gestion base données bdd services associés déploiement',
  '8.b': 'compose plusieurs services application fichier yaml configuration versionné images ports variables volumes dépendances réseau nom service db dns commande seule up down ordre démarrage depends_on healthcheck orchestration reproduire environnement équipe machine partage logs',
};

/**
 * Words of the lab's instructions that every answer may use and that say nothing about one
 * question (an answer made of them, « j'ai lancé la commande, voir la capture », names nothing).
 */
export const GENERIC_WORDS =
  'docker conteneur conteneurs container containers commande commandes command lancer lancé lancez taper tapé tapez question réponse répondre demandé demande voir capture résultat résultats fonctionne marche fait faire regarder regardé observer observé facile simple ok expliquer explique énoncé tp lab exercice comprendre réfléchir bien tout tous rien chose choses cas terminal erreur plusieurs partie partir suite suivre cours place mise projet équipe équipes utilisé utiliser utilisateur important importante compris correspond passe passer réel réelle ci';
