// Renders the student template REPORT.md from the question list.
// Usage: node --experimental-strip-types grader/src/lab/render-report-template.ts > REPORT.md
import { pathToFileURL } from 'node:url';
import { ANSWER_PLACEHOLDER, CODE_QUESTION_NOTE, EXERCISE_TITLES, QUESTIONS } from './questions.ts';

const INTRO = `# Rapport du TP « Conteneurisation avec Docker »

- **Nom et prénom :** …
- **Groupe :** …

Répondez sous chaque question, à la place de la ligne « ${ANSWER_PLACEHOLDER.replaceAll('_', '')} », avec vos propres mots :
une phrase suffit pour une action, quelques phrases pour une explication. Gardez les titres
\`### 1.a — …\` tels quels : le correcteur s'en sert pour retrouver vos réponses.

Pour une capture d'écran, enregistrez l'image dans le dossier \`captures/\` (nom court, sans espaces),
puis insérez-la sous la question avec \`![description](captures/nom.png)\` et pensez à faire
\`git add\` sur l'image. Vous pouvez aussi coller la sortie du terminal dans un bloc de code :

\`\`\`\`markdown
\`\`\`text
$ docker ps -a
CONTAINER ID   IMAGE         COMMAND    CREATED   STATUS
\`\`\`
\`\`\`\`
`;

export function renderReportTemplate(): string {
  const parts = [INTRO];
  let exercise = 0;
  for (const question of QUESTIONS) {
    if (question.exercise !== exercise) {
      exercise = question.exercise;
      parts.push(`\n## Exercice ${exercise} — ${EXERCISE_TITLES[exercise] ?? ''}\n`);
    }
    const answer = question.type === 'code' ? CODE_QUESTION_NOTE : ANSWER_PLACEHOLDER;
    parts.push(`\n### ${question.id} — ${question.title}\n\n> ${question.prompt}\n\n${answer}\n`);
  }
  return parts.join('');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(renderReportTemplate());
}
