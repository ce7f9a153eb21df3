import type { Gradebook, GradebookRow } from './gradebook.ts';

/** Test support: a small gradebook with a full marks row, a tampered row, a formula-like name and an error row. */
const row = (over: Partial<GradebookRow>): GradebookRow => ({
  name: 'x', file: 'x', status: 'graded', score: 0, maxScore: 10, points: {}, statuses: {}, tampered: [], gradedAt: '2026-11-01T10:00:00.000Z', durationMs: 1, ...over,
});

export const BOOK: Gradebook = {
  schema: 'docker-lab-gradebook/v1',
  generatedAt: '2026-11-01T10:00:00.000Z',
  staticOnly: false,
  criteria: [
    { id: 'dockerfile.present', title: 'Dockerfile', group: 'dockerfile', maxPoints: 4 },
    { id: 'report.present', title: 'Rapport', group: 'report', maxPoints: 6 },
  ],
  rows: [
    row({ name: 'alice', file: 'alice', score: 10, points: { 'dockerfile.present': 4, 'report.present': 6 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'pass' }, commit: 'a'.repeat(40), committedAt: '2026-10-01T12:00:00+02:00' }),
    row({ name: 'bob, "the builder"', file: 'bob_the_builder_', score: 4, points: { 'dockerfile.present': 4, 'report.present': 0 }, statuses: { 'dockerfile.present': 'pass', 'report.present': 'fail' }, tampered: ['tests/report.test.ts', '=cmd|x'] }),
    row({ name: '=HYPERLINK("http://evil")', file: 'HYPERLINK_http_evil_', score: 0, points: { 'dockerfile.present': 0, 'report.present': 0 }, statuses: { 'dockerfile.present': 'fail', 'report.present': 'fail' } }),
    row({ name: 'dave', file: 'dave', status: 'error', score: null, error: 'délai dépassé\nligne 2' }),
  ],
};
