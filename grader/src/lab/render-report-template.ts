// Renders a lab's student template REPORT.md from its question list (`npm run rubric:sync` writes it).
import { ANSWER_PLACEHOLDER, CODE_QUESTION_NOTE, type LabReport } from './lab.ts';

function intro(report: LabReport): string {
  const first = report.questions.find((q) => q.type !== 'code')?.id ?? '1.a';
  return `# ${report.title}

- **Nom et prénom :** …
- **Groupe :** …

Répondez sous chaque question, à la place de la ligne « ${ANSWER_PLACEHOLDER.replaceAll('_', '')} », avec vos propres mots :
une phrase suffit pour une action, quelques phrases pour une explication. Gardez les titres
\`### ${first} — …\` tels quels : le correcteur s'en sert pour retrouver vos réponses.

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
}

export function renderReportTemplate(report: LabReport): string {
  const parts = [intro(report)];
  let exercise = 0;
  for (const question of report.questions) {
    if (question.exercise !== exercise) {
      exercise = question.exercise;
      parts.push(`\n## Exercice ${exercise} — ${report.exerciseTitles[exercise] ?? ''}\n`);
    }
    const answer = question.type === 'code' ? CODE_QUESTION_NOTE : ANSWER_PLACEHOLDER;
    parts.push(`\n### ${question.id} — ${question.title}\n\n> ${question.prompt}\n\n${answer}\n`);
  }
  return parts.join('');
}
