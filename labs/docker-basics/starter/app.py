"""Application du TP « Les bases de Docker » (exercice 2).

Complétez les TODO ci-dessous. Une fois l'image construite, gunicorn sert l'application sur le
port 5000 (voir le CMD du Dockerfile), et :
    curl http://localhost:5000/         répond un court texte, par exemple « Bonjour depuis Docker ! »
    curl http://localhost:5000/health   répond {"status": "ok"}
"""

# TODO 1 : importer la classe Flask depuis le paquet flask.


# TODO 2 : créer l'application Flask et la ranger dans une variable nommée `app` :
#          app = Flask(__name__)
#          Le nom compte : « app:app » (dans le CMD) veut dire « la variable app du fichier app.py ».


# TODO 3 : ajouter une route GET / qui renvoie un court texte, par exemple « Bonjour depuis Docker ! ».
#          Indice : une fonction décorée par @app.get("/") qui fait un return du texte.


# TODO 4 : ajouter une route GET /health qui renvoie le dictionnaire {"status": "ok"}
#          (Flask le transforme en JSON).


# N'appelez pas app.run() ici : app.run() lance le serveur de développement de Flask, fait pour
# essayer le code sur votre machine, pas pour servir l'application. Dans l'image, c'est gunicorn,
# un serveur de production, qui importe `app` et répond aux requêtes.
