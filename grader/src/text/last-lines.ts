/** The last `count` lines of a command's output, trimmed. */
export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
