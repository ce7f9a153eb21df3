import { randomBytes } from 'node:crypto';

// The one workflow command @actions/core does not offer: `::stop-commands::<token>` … `::<token>::`,
// which makes the runner ignore every command in between (text a student controls is printed there).

/** A fresh token for `::stop-commands::`, unguessable by the text it protects. */
export function stopCommandsToken(): string {
  return randomBytes(24).toString('hex');
}

/**
 * Wraps untrusted text so the runner processes no workflow command inside it: `::stop-commands::`
 * with a random token before, `::<token>::` (on its own line) after.
 */
export function inertBlock(text: string, token: string): string {
  return `${openInert(token)}${closeInert(text, token)}`;
}

export function openInert(token: string): string {
  return `::stop-commands::${token}\n`;
}

/** The end of a block opened with `openInert`: the text, then the resume line. */
export function closeInert(text: string, token: string): string {
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${body}::${token}::\n`;
}
