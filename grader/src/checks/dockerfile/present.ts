// dockerfile.present: starter/Dockerfile exists, parses, and is no longer the untouched skeleton: it
// has at least a FROM and a CMD or ENTRYPOINT. Every other instruction the TODOs ask for (WORKDIR,
// COPY, RUN pip install, EXPOSE…) is judged by its own criterion only, so a missing one costs its
// points once.
import { fail, pass, type Finding } from '../../model/result.ts';
import type { StaticCriterion } from '../criterion.ts';
import { dockerfileSource } from './source.ts';

export const criterion: StaticCriterion = {
  id: 'dockerfile.present',
  kind: 'static',
  async judge(ctx): Promise<Finding> {
    const source = await ctx.load(dockerfileSource);
    if (!source.ok) {
      const hint = source.missing ? ' Créez-le en complétant les TODO du squelette fourni.' : '';
      return fail(`${source.message}${hint} Sans lui, l’image ${ctx.lab.words.ofApp} ne peut pas être construite.`, { file: source.file });
    }
    const { steps, problems, todoLines } = source.model;
    const problem = problems[0];
    if (problem) {
      return fail(
        `Ligne ${problem.line} : ${problem.message}. Docker refusera ce Dockerfile ; corrigez cette ligne.`,
        { file: source.file, line: problem.line },
      );
    }
    if (steps.length === 0) {
      return fail(
        'Le Dockerfile ne contient encore aucune instruction (seulement des commentaires) : écrivez l’instruction demandée sous chaque TODO.',
        { file: source.file, line: todoLines[0] ?? 1 },
      );
    }
    const has = (...keywords: string[]): boolean => steps.some((step) => keywords.includes(step.keyword));
    const missing = [
      ...(has('FROM') ? [] : [{ what: 'FROM (image de base)', why: 'sans FROM, Docker ne construit rien' }]),
      ...(has('CMD', 'ENTRYPOINT') ? [] : [{ what: 'CMD (commande de démarrage)', why: `sans CMD, le conteneur ne lance pas ${ctx.lab.words.app}` }]),
    ];
    if (missing.length > 0) {
      return fail(
        `Dockerfile incomplet : il manque ${missing.map((m) => m.what).join(' et ')} ; ${missing.map((m) => m.why).join(', et ')}. Écrivez ${missing.length > 1 ? 'chacune' : 'l’instruction'} sous son TODO.`,
        { file: source.file, ...(todoLines[0] ? { line: todoLines[0] } : {}) },
      );
    }
    return pass();
  },
};
