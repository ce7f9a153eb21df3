/** Removes terminal control sequences and other control characters from student-controlled text. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-_]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
