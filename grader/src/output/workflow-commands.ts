import { randomBytes } from 'node:crypto';

// GitHub Actions workflow commands, written by hand: `::name key=value,key=value::message`.

/** Escapes a command's message: `%`, CR and LF, so it stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: like data, plus `:` and `,` which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

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
