import type { UnknownBase } from '../../docker/build/layers.ts';
import { failNotVerifiable, type DynamicCriterion } from '../criterion.ts';

const MB = 1_000_000;

export const criterion: DynamicCriterion = {
  id: 'image.size',
  kind: 'dynamic',
  observes: 'size',
  judge({ size: observation }, settings) {
    if (observation.state === 'not-built') return failNotVerifiable("l'image ne se construit pas (voir image.build).");
    if (observation.state === 'unknown-base') return { status: 'error', message: `Taille non mesurable : ${describeUnknownBase(observation.why)}` };
    const added = observation.addedBytes / MB;
    const limit = settings.imageSizeLimitMB;
    if (added < limit) return { status: 'pass', message: `Vos couches ajoutent ${added.toFixed(1)} Mo à l'image de base.` };
    const largest = observation.largest
      ? ` La plus grosse couche (${(observation.largest.bytes / MB).toFixed(0)} Mo) vient de \`${observation.largest.createdBy.slice(0, 120)}\`.`
      : '';
    return {
      status: 'fail',
      file: 'starter/Dockerfile',
      message: `Vos couches ajoutent ${added.toFixed(0)} Mo à l'image de base (limite ${limit} Mo).${largest} Une image lourde se télécharge et démarre lentement : n'y copiez que le nécessaire (.dockerignore) et utilisez \`pip install --no-cache-dir\`.`,
    };
  },
};

/** Why the size could not be measured, in French. */
function describeUnknownBase(why: UnknownBase): string {
  switch (why.kind) {
    case 'no-from':
      return "le Dockerfile n'a pas d'instruction FROM";
    case 'not-in-build-log':
      return `l'image de base de l'étape finale (\`${why.image}\`) n'apparaît pas dans le journal de BuildKit`;
    case 'not-based-on':
      return `l'image construite ne commence pas par les couches de \`${why.image}\``;
    case 'base-not-found':
      return `l'image de base \`${why.image}\` est introuvable dans le moteur`;
    case 'engine-error':
      return why.message;
  }
}
