// Reading REPORT.md: through the Submission (symlinks, size bound), then decoding its bytes
// (UTF-8 with or without BOM, UTF-16 by BOM or NUL pattern, else Windows-1252; NUL bytes otherwise
// mean binary). The French messages say why a report cannot be read.
import type { Submission } from '../../../submission/submission.ts';

export const REPORT_FILE = 'REPORT.md';
const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export type ReportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_NAMES: Record<ReportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (avec BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 / Latin-1',
};

export function isUtf8(encoding: ReportEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

export type Decoded = { kind: 'text'; encoding: ReportEncoding; text: string } | { kind: 'binary' };

/** Detects the encoding: UTF-8 (BOM or not), UTF-16 (BOM or NUL pattern), else Windows-1252; NUL bytes otherwise mean binary. */
export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== null) return { kind: 'text', encoding: 'utf-8-bom', text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', text: decodeUtf16(bytes.subarray(2), 'le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', text: decodeUtf16(bytes.subarray(2), 'be') };
  const sample = bytes.subarray(0, 8192);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const nul = evenNul + oddNul;
  if (nul > sample.length / 8 && Math.max(evenNul, oddNul) >= 0.9 * nul) {
    const order = oddNul > evenNul ? 'le' : 'be';
    return { kind: 'text', encoding: order === 'le' ? 'utf-16le' : 'utf-16be', text: decodeUtf16(bytes, order) };
  }
  if (nul > 0 || bytes.indexOf(0) !== -1) return { kind: 'binary' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { kind: 'text', encoding: 'utf-8', text: utf8 };
  return { kind: 'text', encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  if (order === 'be') even.swap16();
  return new TextDecoder('utf-16le').decode(even).replace(/^\uFEFF/, '');
}

/** REPORT.md as text, or why it cannot be read (a French message for the student). */
export type ReportText =
  | { state: 'unavailable'; message: string }
  | { state: 'ok'; encoding: ReportEncoding; text: string };

function unavailable(message: string): ReportText {
  return { state: 'unavailable', message };
}

/** Reads and decodes the submission's REPORT.md (at most MAX_REPORT_BYTES). */
export async function readReport(submission: Pick<Submission, 'read'>): Promise<ReportText> {
  const read = await submission.read(REPORT_FILE, MAX_REPORT_BYTES);
  switch (read.state) {
    case 'missing':
      return unavailable("REPORT.md est introuvable à la racine du dépôt : remettez le fichier du modèle (même nom, même dossier) et répondez aux questions dedans.");
    case 'not-a-file':
      return unavailable('REPORT.md n\'est pas un fichier (dossier ?) : remettez le fichier REPORT.md du modèle à la racine du dépôt.');
    case 'outside':
      return unavailable('REPORT.md est un lien symbolique qui pointe hors du dépôt : remplacez-le par un vrai fichier texte.');
    case 'too-large':
      return unavailable(`REPORT.md fait ${Math.round(read.size / 1024)} Ko, plus que les ${MAX_REPORT_BYTES / 1024} Ko acceptés : retirez les longues sorties collées (gardez quelques lignes) ou mettez-les en captures.`);
    case 'unreadable':
      return unavailable(`REPORT.md n'a pas pu être lu (${read.reason}) : vérifiez ses droits de lecture.`);
    case 'ok':
      break;
  }
  const decoded = decodeReport(read.bytes);
  if (decoded.kind === 'binary') {
    return unavailable("REPORT.md n'est pas un fichier texte (il contient des octets nuls) : enregistrez-le comme texte Markdown en UTF-8, pas en .docx ou .pdf renommé.");
  }
  return { state: 'ok', encoding: decoded.encoding, text: decoded.text };
}
