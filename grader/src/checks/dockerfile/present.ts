// dockerfile.present: starter/Dockerfile exists, parses, and has the instructions its TODOs ask for.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCheck } from '../check.ts';
import { pipInstalls } from './pip.ts';
import { DOCKERFILE, dockerfileSource } from './source.ts';

export const check: StaticCheck = {
  id: 'dockerfile.present',
  async run(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) {
      const hint = source.missing ? ' Créez-le en complétant les TODO du squelette fourni.' : '';
      return fail(`${source.message}${hint} Sans lui, l’image de l’API ne peut pas être construite.`, { file: DOCKERFILE });
    }
    const { steps, problems, todoLines } = source.model;
    const problem = problems[0];
    if (problem) {
      return fail(
        `Ligne ${problem.line} : ${problem.message}. Docker refusera ce Dockerfile ; corrigez cette ligne.`,
        { file: DOCKERFILE, line: problem.line },
      );
    }
    if (steps.length === 0) {
      return fail(
        'Le Dockerfile ne contient encore aucune instruction (seulement des commentaires) : écrivez l’instruction demandée sous chaque TODO.',
        { file: DOCKERFILE, line: todoLines[0] ?? 1 },
      );
    }
    const has = (...keywords: string[]): boolean => steps.some((step) => keywords.includes(step.keyword));
    const missing: string[] = [];
    if (!has('FROM')) missing.push('FROM (image de base)');
    if (!has('WORKDIR')) missing.push('WORKDIR (dossier de travail)');
    if (!has('COPY', 'ADD')) missing.push('COPY (copie des fichiers)');
    if (!steps.some((step) => pipInstalls(step).length > 0)) missing.push('RUN pip install (installation des dépendances)');
    if (!has('EXPOSE')) missing.push('EXPOSE (port de l’API)');
    if (!has('CMD', 'ENTRYPOINT')) missing.push('CMD (commande de démarrage)');
    if (missing.length > 0) {
      return fail(
        `Il manque ${missing.length > 1 ? 'des instructions demandées par les TODO' : 'une instruction demandée par les TODO'} : ${missing.join(', ')}. Écrivez chacune sous son TODO.`,
        { file: DOCKERFILE, ...(todoLines[0] ? { line: todoLines[0] } : {}) },
      );
    }
    return pass();
  },
};
