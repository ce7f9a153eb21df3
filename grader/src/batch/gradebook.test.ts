import { describe, expect, test } from 'vitest';
import { classStats, csvField, gradedRow, renderCsv, reviewOf, safeFileName } from './gradebook.ts';
import type { GradeReport } from '../model/result.ts';
import { BOOK } from './testing.ts';

describe('csvField', () => {
  test('neutralises formulas and quotes per RFC 4180', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 6')).toBe("'+33 6");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('é')).toBe('é');
  });
});

describe('renderCsv', () => {
  test('UTF-8 BOM, CRLF, one row per submission, one column per criterion, tamper flag and list', () => {
    const csv = renderCsv(BOOK);
    expect(csv.startsWith('\uFEFFname,status,commit,committed_at,score,max_score,dockerfile.present,report.present,tampered,tampered_files,similar_to,review_count,review_questions,error,graded_at\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(6); // header, 4 rows, final empty
    expect(lines[1]).toBe(`alice,graded,${'a'.repeat(40)},2026-10-01T12:00:00+02:00,10,10,4,6,no,,,0,,,2026-11-01T10:00:00.000Z`);
    expect(lines[2]).toBe('"bob, ""the builder""",graded,,,4,10,4,0,yes,tests/report.test.ts; =cmd|x,,2,2.c; 7.d,,2026-11-01T10:00:00.000Z');
    expect(lines[3]!.startsWith('"\'=HYPERLINK(""http://evil"")",')).toBe(true);
    expect(lines[4]).toBe('dave,error,,,,10,,,no,,,,,"délai dépassé\nligne 2",2026-11-01T10:00:00.000Z');
  });
});

describe('renderCsv: similar_to', () => {
  test('each student lists the others it shares near-identical answers with', () => {
    const csv = renderCsv({ ...BOOK, similarities: [{ a: 'alice', b: 'bob, "the builder"', questions: ['2.a', '6.d'], score: 0.83 }] });
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toContain(',no,,"bob, ""the builder"" (2.a, 6.d; 0.83)",');
    expect(lines[2]).toContain(',"alice (2.a, 6.d; 0.83)",');
    expect(lines[4]).toContain(',no,,,,,"délai');
  });
});

describe('classStats', () => {
  test('counts, mean and median of graded rows, histogram by tenths, pass rates worst first', () => {
    const stats = classStats(BOOK);
    expect(stats).toMatchObject({ students: 4, graded: 3, errors: 1, tampered: 1, maxScore: 10, mean: 4.7, median: 4 });
    expect(stats.histogram.map((b) => b.count)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(stats.passRates.map((c) => [c.id, c.passed, c.judged])).toEqual([
      ['report.present', 1, 3],
      ['dockerfile.present', 2, 3],
    ]);
  });

  test('no graded row: no mean', () => {
    expect(classStats({ ...BOOK, rows: [BOOK.rows[3]!] })).toMatchObject({ mean: null, median: null, graded: 0 });
  });
});

describe('safeFileName', () => {
  test('portable, not hidden, unique regardless of case', () => {
    const taken = new Set<string>();
    expect(safeFileName('Élève Dupont', taken)).toBe('Eleve_Dupont');
    expect(safeFileName('../../etc/passwd', taken)).toBe('etc_passwd');
    expect(safeFileName('eleve_dupont', taken)).toBe('eleve_dupont-2');
    expect(safeFileName('...', taken)).toBe('submission');
  });
});

describe('review list', () => {
  test('a graded row carries its criteria\'s review items, in order; malformed items are dropped', () => {
    const item = { question: '2.c', answer: 'a', reason: 'r' };
    const report: GradeReport = {
      schema: 'docker-lab-grade/v1', submission: 'x', score: 1, maxScore: 2,
      criteria: [
        { id: 'report.ex1-2', title: 't', group: 'report', points: 1, maxPoints: 1, status: 'pass', message: '', durationMs: 1, review: [item, { question: 3 } as never] },
        { id: 'report.ex7', title: 't', group: 'report', points: 0, maxPoints: 1, status: 'fail', message: '', durationMs: 1, review: [{ ...item, question: '7.d', extra: 1 } as never] },
        { id: 'report.ex8', title: 't', group: 'report', points: 0, maxPoints: 1, status: 'fail', message: '', durationMs: 1 },
      ],
    };
    expect(reviewOf(report)).toEqual([item, { ...item, question: '7.d' }]);
    expect(gradedRow({ ...BOOK.rows[0]!, name: 'x' }, report).review).toEqual(reviewOf(report));
  });
});
