import type { Submission } from '../submission/submission.ts';

/** Student text files (Dockerfile, .dockerignore, requirements.txt) are small; anything larger is not one. */
export const MAX_TEXT_BYTES = 256 * 1024;

export type TextRead =
  | { ok: true; text: string }
  | { ok: false; missing: boolean; message: string };

/**
 * Reads a student-owned text file through the submission and decodes it as UTF-8 (BOM stripped,
 * CRLF turned into LF). Every way it can go wrong becomes a short French sentence, never an exception.
 */
export async function readStudentText(submission: Submission, rel: string): Promise<TextRead> {
  let read;
  try {
    read = await submission.read(rel, MAX_TEXT_BYTES);
  } catch {
    return { ok: false, missing: false, message: `Le fichier ${rel} n’a pas pu être lu.` };
  }
  switch (read.state) {
    case 'missing':
      return { ok: false, missing: true, message: `Le fichier ${rel} est introuvable.` };
    case 'not-a-file':
      return { ok: false, missing: false, message: `${rel} n’est pas un fichier ordinaire (un dossier ?).` };
    case 'outside':
      return {
        ok: false,
        missing: false,
        message: `${rel} est un lien symbolique qui sort des fichiers du TP : remplacez-le par un vrai fichier.`,
      };
    case 'too-large':
      return {
        ok: false,
        missing: false,
        message: `${rel} est trop volumineux (${read.size} octets, maximum ${MAX_TEXT_BYTES}) : ce n’est pas un fichier texte attendu.`,
      };
    case 'unreadable':
      return { ok: false, missing: false, message: `${rel} est illisible (${read.reason}).` };
    case 'ok':
      return decodeText(rel, read.bytes);
  }
}

export function decodeText(rel: string, bytes: Buffer): TextRead {
  const utf16 =
    bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    return {
      ok: false,
      missing: false,
      message: `${rel} est enregistré en UTF-16, que Docker ne lit pas : réenregistrez-le en UTF-8.`,
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      missing: false,
      message: `${rel} contient des données binaires (octets nuls) : ce doit être un fichier texte UTF-8.`,
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { ok: true, text };
}
