import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../rubric/rubric.ts';
import type { Observations } from '../observations.ts';
import { criterion } from './size.ts';
import { lab as TP1 } from '../../../../labs/csc8613-tp1/lab.ts';

const judge = (size: Observations['size']) => criterion.judge({ size } as Observations, DEFAULT_SETTINGS, TP1);

describe('image.size', () => {
  test('layers under the limit pass; over it, the largest layer is named', () => {
    expect(judge({ state: 'measured', addedBytes: 12_300_000 })).toMatchObject({ status: 'pass', message: "Vos couches ajoutent 12.3 Mo à l'image de base." });
    const heavy = judge({ state: 'measured', addedBytes: 180_000_000, largest: { createdBy: 'COPY . .', bytes: 130_000_000 } });
    expect(heavy).toMatchObject({ status: 'fail', file: 'starter/Dockerfile' });
    expect(heavy.message).toContain('La plus grosse couche (130 Mo) vient de `COPY . .`');
  });

  test('a base that cannot be found is an error saying why, in French', () => {
    expect(judge({ state: 'unknown-base', why: { kind: 'no-from' } }).message).toBe("Taille non mesurable : le Dockerfile n'a pas d'instruction FROM");
    expect(judge({ state: 'unknown-base', why: { kind: 'not-in-build-log', image: 'python:3.13-slim' } }).message).toBe(
      "Taille non mesurable : l'image de base de l'étape finale (`python:3.13-slim`) n'apparaît pas dans le journal de BuildKit",
    );
    expect(judge({ state: 'unknown-base', why: { kind: 'not-based-on', image: 'a, b' } }).message).toBe("Taille non mesurable : l'image construite ne commence pas par les couches de `a, b`");
    expect(judge({ state: 'unknown-base', why: { kind: 'base-not-found', image: 'x:1' } })).toMatchObject({ status: 'error', message: "Taille non mesurable : l'image de base `x:1` est introuvable dans le moteur" });
  });

  test('an image that was not built is not verifiable', () => {
    expect(judge({ state: 'not-built' }).status).toBe('fail');
  });
});
