import { describe, expect, test } from 'vitest';
import { finalStageBase } from './layers.ts';

const bases = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('finalStageBase: the final stage’s base image as BuildKit resolved it', () => {
  test('single stage (BuildKit prints no stage name)', () => {
    expect(finalStageBase('FROM python:3.13-slim\nRUN true\n', bases({ '': 'docker.io/library/python:3.13-slim' }))).toMatchObject({ state: 'image', ref: 'docker.io/library/python:3.13-slim' });
  });
  test('multi-stage: the last stage, not the builder', () => {
    const text = 'FROM python:3.13 AS builder\nRUN true\nFROM python:3.13-slim\nCOPY --from=builder /a /a\n';
    expect(finalStageBase(text, bases({ builder: 'docker.io/library/python:3.13', 'stage-1': 'docker.io/library/python:3.13-slim' }))).toMatchObject({ state: 'image', ref: 'docker.io/library/python:3.13-slim' });
  });
  test('ARG-built FROM: the reference after substitution, from the builder', () => {
    const text = 'ARG PY=3.13\nFROM python:${PY}-slim AS final\n';
    expect(finalStageBase(text, bases({ final: 'docker.io/library/python:3.13-slim' }))).toMatchObject({ state: 'image', ref: 'docker.io/library/python:3.13-slim' });
  });
  test('a final stage built FROM an earlier stage: that stage’s base', () => {
    const text = 'FROM python:3.13-slim AS base\nRUN true\nFROM base AS final\nRUN true\n';
    expect(finalStageBase(text, bases({ base: 'docker.io/library/python:3.13-slim' }))).toMatchObject({ state: 'image', ref: 'docker.io/library/python:3.13-slim' });
  });
  test('identical FROMs share one vertex named after the first stage: every stage base is a candidate', () => {
    const text = 'FROM python:3.13-slim AS builder\nRUN true\nFROM python:3.13-slim\nCOPY --from=builder /a /a\n';
    expect(finalStageBase(text, bases({ builder: 'docker.io/library/python:3.13-slim' }))).toEqual({ state: 'image', candidates: ['docker.io/library/python:3.13-slim'] });
  });
  test('scratch, and a base the log never named', () => {
    expect(finalStageBase('FROM scratch\nCOPY a /a\n', bases({}))).toEqual({ state: 'scratch' });
    expect(finalStageBase('FROM python:3.13-slim\n', bases({})).state).toBe('unknown');
  });
});
