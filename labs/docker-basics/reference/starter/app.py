"""Application du TP « Les bases de Docker », servie par gunicorn sur le port 5000."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "Bonjour depuis Docker !\n"


@app.get("/health")
def health():
    return {"status": "ok"}
