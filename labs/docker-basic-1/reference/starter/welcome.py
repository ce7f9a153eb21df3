"""Programme du TP « Premiers pas avec Docker » : un message de bienvenue."""
import datetime
import os
import platform


def banner() -> str:
    """Le message de bienvenue, sur trois lignes."""
    # An empty WELCOME_NAME falls back to the default too.
    name = os.getenv("WELCOME_NAME") or "Docker"
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    return (
        f"Bonjour {name} !\n"
        f"Date et heure : {now}\n"
        f"Système : {platform.system()} {platform.release()}"
    )


if __name__ == "__main__":
    print(banner())
