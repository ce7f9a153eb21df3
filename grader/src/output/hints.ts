/** One French hint per exercise group: where to look and how to reproduce the check by hand. */
const GROUP_HINTS: Record<string, string> = {
  dockerfile: "Relisez l'exercice 3 du README et les TODO de `starter/Dockerfile`.",
  image: 'Reproduisez en local : `docker build -t simple-api starter`, puis `docker run --rm -p 8000:8000 simple-api` et ouvrez http://localhost:8000/health.',
  compose: 'Relisez l\'exercice 5 du README ; `docker compose config` signale les erreurs du fichier.',
  stack: 'Reproduisez en local : `docker compose up -d --build`, puis `docker compose ps` et `docker compose logs api`.',
  report: 'Répondez sous chaque titre de question de `REPORT.md`, avec vos propres mots, sans supprimer les titres.',
};

export function groupHint(group: string): string {
  return GROUP_HINTS[group] ?? 'Relisez la consigne correspondante dans le README.';
}
