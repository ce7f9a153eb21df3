import { describe, expect, it } from 'vitest';
import { Submission } from '../../../submission/submission.ts';
import { makeSubmission, type Overlay } from '../../../submission/testing.ts';
import { toUtf16, toWindows1252 } from '../testing.ts';
import { decodeReport, readReport, type ReportText } from './file.ts';

async function read(overlay: Overlay): Promise<ReportText> {
  const { dir, cleanup } = await makeSubmission(overlay);
  try {
    return await readReport(await Submission.open(dir));
  } finally {
    await cleanup();
  }
}

describe('decodeReport', () => {
  const text = '### 2.a — Image\n\nUne image n’est pas un conteneur, c’est déjà ça.\n';
  it('reads UTF-8, with or without BOM', () => {
    expect(decodeReport(Buffer.from(text))).toEqual({ kind: 'text', encoding: 'utf-8', text });
    expect(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ kind: 'text', encoding: 'utf-8-bom', text });
  });
  it('recognises UTF-16 by BOM or by its NUL bytes', () => {
    expect(decodeReport(toUtf16(text, 'le'))).toEqual({ kind: 'text', encoding: 'utf-16le', text });
    expect(decodeReport(toUtf16(text, 'be'))).toEqual({ kind: 'text', encoding: 'utf-16be', text });
    expect(decodeReport(toUtf16(text, 'le', false))).toEqual({ kind: 'text', encoding: 'utf-16le', text });
    expect(decodeReport(toUtf16(text, 'be', false))).toEqual({ kind: 'text', encoding: 'utf-16be', text });
  });
  it('decodes invalid UTF-8 as Windows-1252', () => {
    expect(decodeReport(toWindows1252(text))).toEqual({ kind: 'text', encoding: 'windows-1252', text });
  });
  it('calls other NUL-bearing files binary', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008020000', 'hex');
    expect(decodeReport(png)).toEqual({ kind: 'binary' });
  });
});

describe('readReport', () => {
  it.each([
    ['missing', { 'REPORT.md': null }, /introuvable/],
    ['binary', { 'REPORT.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0x41, 0x42]) }, /octets nuls/],
    ['a symlink out of the repository', { 'REPORT.md': { symlink: '/etc/hostname' } }, /hors du dépôt/],
    ['too large', { 'REPORT.md': 'a'.repeat(2 * 1024 * 1024 + 10) }, /Ko/],
  ] as const)('says why a %s report cannot be graded', async (_, overlay, message) => {
    const report = await read(overlay);
    expect(report.state).toBe('unavailable');
    if (report.state === 'unavailable') expect(report.message).toMatch(message);
  });
});
