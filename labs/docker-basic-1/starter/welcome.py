"""Programme du TP « Premiers pas avec Docker » (exercices 3 et 5).

Une fois les TODO complétés, la commande
    python3 starter/welcome.py
affiche trois lignes, par exemple :
    Bonjour Docker !
    Date et heure : 2026-09-14T08:30:12.345678+00:00
    Système : Linux 6.8.0-87-generic
"""

# TODO 1 (exercice 3) : importer les modules datetime et platform de la bibliothèque standard.
# TODO 4 (exercice 5) : importer aussi le module os.


def banner() -> str:
    """Le message de bienvenue, sur trois lignes."""
    # TODO 2 (exercice 3) : renvoyer les trois lignes du message, séparées par "\n" :
    #   - la salutation « Bonjour Docker ! » ;
    #   - « Date et heure : » suivi de la date et de l'heure en UTC au format ISO,
    #     datetime.datetime.now(datetime.timezone.utc).isoformat() ;
    #   - « Système : » suivi de platform.system() et de platform.release().
    # TODO 4 (exercice 5) : lire le prénom dans la variable d'environnement WELCOME_NAME,
    #   avec « Docker » quand elle n'est pas définie : os.getenv("WELCOME_NAME", "Docker").
    #   La salutation devient « Bonjour <prénom> ! », par exemple « Bonjour Alice ! ».
    return ""


if __name__ == "__main__":
    # TODO 3 (exercice 3) : afficher le message renvoyé par banner() avec print.
    pass
