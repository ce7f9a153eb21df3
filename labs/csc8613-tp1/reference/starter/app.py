"""Mini API of the lab: a FastAPI application with a health endpoint."""

from fastapi import FastAPI

app = FastAPI(title="simple-api")


@app.get("/health")
def health() -> dict[str, str]:
    """Liveness probe used by Docker, Compose and the grader."""
    return {"status": "ok"}
