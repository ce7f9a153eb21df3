import type { PersistenceObservation } from '../observations.ts';

/** Why a step of the stack could not be observed, after « Non vérifiable : » (stack.up, stack.psql, stack.persistence). */
export const STACK_NOT_JUDGED: Record<Extract<PersistenceObservation, { state: 'not-judged' }>['because'], string> = {
  'not-built': "l'image de l'API ne se construit pas (voir image.build).",
  'no-compose-file': 'docker-compose.yml est absent ou inutilisable (voir compose.valid).',
  'stack-down': 'la pile ne démarre pas (voir stack.up).',
  'psql-failed': 'psql ne fonctionne pas (voir stack.psql).',
};
