"""Mini API du TP « Conteneurisation avec Docker » (exercice 3).

Complétez les TODO ci-dessous. Quand c'est fini, la commande
    uvicorn app:app --host 0.0.0.0 --port 8000
démarre l'API, et http://localhost:8000/health répond {"status": "ok"}.
"""

# TODO 1 : importer la classe FastAPI depuis le paquet fastapi.


# TODO 2 : créer l'application FastAPI et la ranger dans une variable nommée `app`.
#          Le nom compte : « app:app » veut dire « la variable app du fichier app.py ».


# TODO 3 : ajouter une route GET /health qui renvoie le dictionnaire {"status": "ok"}.
#          Indice : une fonction décorée par @app.get("/health") qui fait un return du dictionnaire.
