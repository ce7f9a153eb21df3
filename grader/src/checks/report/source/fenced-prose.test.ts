import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrench, type French } from '../../../text/french.ts';
import { isProseBlock, withFencedProse } from './fenced-prose.ts';

let fr: French;
beforeAll(async () => {
  fr = await loadFrench();
});

const PROSE = [
  "Une image Docker est un modèle figé. Elle ne change jamais : c’est un fichier en lecture seule.\n\nUn conteneur Docker, lui, est une instance vivante d’une image.",
  'Lorsque j’exécute cette commande, Docker :\n\ntélécharge l’image alpine si elle n’existe pas déjà\ncrée un conteneur temporaire\narrête immédiatement le conteneur, car la commande a fini de s’exécuter.',
  'La commande docker ps -a affiche tous les conteneurs, qu’ils soient :\n\n- en cours d’exécution\n- arrêtés\n\nCette liste permet de voir l’historique.',
  'docker ps : liste uniquement les conteneurs en cours d’exécution.',
  'It lists every container, including the stopped ones, with their status.',
];
const NOT_PROSE = [
  '$ docker run alpine echo "Bonjour depuis un conteneur Alpine"\nBonjour depuis un conteneur Alpine',
  'CONTAINER ID   IMAGE         COMMAND    CREATED          STATUS                      NAMES\n4f1c2a9b8e7d   hello-world   "/hello"   2 minutes ago    Exited (0) 2 minutes ago    quirky_euler',
  'docker compose up -d --build\ndocker compose logs -f api',
  'INFO:     Started server process [1]\nINFO:     Waiting for application startup.',
  'Traceback (most recent call last):\n  File "/usr/local/lib/python3.13/site-packages/uvicorn/importer.py", line 19',
  '{"status": "ok"}',
  'services:\n  db:\n    image: postgres:17',
  'Linux 3f2a1b0c9d8e 5.15.167.4-microsoft-standard-WSL2 #1 SMP x86_64 Linux',
  'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .',
  '',
];

describe('isProseBlock', () => {
  it.each(PROSE)('reads prose in a code block as prose: %s', (code) => expect(isProseBlock(code, fr)).toBe(true));
  it.each(NOT_PROSE)('keeps commands and output as code: %s', (code) => expect(isProseBlock(code, fr)).toBe(false));
});

describe('withFencedProse', () => {
  it('adds prose blocks to the answer’s text and keeps every block as code too', () => {
    const answer = { text: 'Voir la capture.', hadPlaceholder: false, codeBlocks: [PROSE[0]!, NOT_PROSE[0]!], images: [] };
    const read = withFencedProse(answer, fr);
    expect(read.text).toContain('instance vivante');
    expect(read.text).not.toContain('$ docker run');
    expect(read.codeBlocks).toEqual(answer.codeBlocks);
  });
});
