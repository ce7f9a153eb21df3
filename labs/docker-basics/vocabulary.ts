// What each explication question of the lab « Docker_basics » is about, as words: the vocabulary a
// relevant answer draws on, taken from the lab's own material (the statement, README « Déroulé du
// TP »; the reference answers; the notions of notions.ts as seed words; what real students of this
// course write), in French with the English words students use. The report's relevance check stems
// these words (Snowball French) and compares an answer's stems with every question's: an answer that
// shares nothing specific with the lab, or that shares far more with another question than with its
// own, is off topic.
//
// No stop words, and none of the words content-free filler is made of (« appris », « étape »,
// « terminé », « premier », « problème », « installation », « développeurs »…): a filler sentence
// must find no evidence here.

export const VOCABULARY: Readonly<Record<string, string>> = {
  '1.d': 'ps liste conteneurs cours exécution actifs running tournent démarrés arrêtés stopped exited statut status historique inclus compris',
  '2.c': 'image base slim légère workdir répertoire dossier travail copy requirements dépendances deps cache couches layers reconstruire rebuild invalider pip install no-cache-dir taille réduire poids expose port cmd exec json gunicorn wsgi production prod serveur robuste performant workers flask run 0.0.0.0 interfaces bind sigterm pid syntax buildkit',
  '3.d': 'stop arrête arrêt proprement sigterm sigkill signal délai rm supprime suppression force forcer volumes associés anonymes prune nettoie nettoyer inutilisés dangling ressources masse reste présent relancer redémarrer container image volume network system removes deletes unused stopped',
  '4.a': 'copy build construction image couche immuable reproductible portable embarqué fichiers -v volume bind mount monter montage hôte host runtime lancement dossier local code modifiable reconstruire rebuild développement dev hot reload rechargement production persistance données nommé masque chemin permissions',
  '5.b': 'tag tags version versionné semver 1.0.0 latest flottant dernière récente mobile référence immuable fixe précise stable reproductible rollback revenir alias étiquettes identifiant digest id promotion staging prod environnement registre push pull ci build',
  '5.d': 'history couches layers taille lourdes lourde légères poids mo mb négligeable base python slim debian système pip install dépendances flask gunicorn werkzeug paquets bibliothèques requirements copy workdir expose cmd métadonnées dockerignore no-cache-dir alpine multi-stage réduire cache',
  '6.a': 'entrypoint cmd exécutable principal fixe défaut arguments paramètres remplacé remplace surcharge override docker run ensemble combinés ajoutés concaténés --entrypoint forme exec default replaced appended',
  '6.b': 'exec env printenv variables environnement inspect config.env config format json intérieur hôte shell sh bash proc environ metadata',
  '6.c': 'proxy http_proxy https_proxy no_proxy build-arg arg variables progress plain logs journal réseau network connexion dns pypi pip apt certificat ssl tls timeout démon daemon daemon.json config.json docker desktop configuration settings systemd proxies',
  '6.d': 'system df -v verbose détail taille size reclaimable récupérable total active espace disque occupé images conteneurs volumes cache build prune nettoyer libérer buildx',
  '6.e': '--rm supprime suppression automatiquement automatique arrêt sortie exit encombrement accumulation conflits noms ps disque espace éphémère temporaire jetable propre neuf état tests rapides removes automatically clutter names',
};

/**
 * Words of the lab's instructions that every answer may use and that say nothing about one
 * question (an answer made of them, « j'ai lancé la commande, voir la capture », names nothing).
 */
export const GENERIC_WORDS =
  'docker conteneur conteneurs container containers commande commandes command lancer lancé lancez taper tapé tapez question réponse répondre demandé demande voir capture résultat résultats fonctionne marche fait faire regarder regardé observer observé facile simple ok expliquer explique énoncé tp lab exercice comprendre réfléchir bien tout tous rien chose choses cas terminal erreur plusieurs partie partir suite suivre cours place mise projet utilisé utiliser utilisateur important importante compris correspond passe passer réel réelle joignez joindre relancez relancer application app flask gunicorn starter basics docker-basics';
