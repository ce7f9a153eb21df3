/** Batch progress on the terminal: done/total, failures so far, estimated time left. */
export class Progress {
  private done = 0;
  private failures = 0;
  private readonly started = Date.now();
  private readonly total: number;
  private readonly stream: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown };

  constructor(total: number, stream: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown } = process.stderr) {
    this.total = total;
    this.stream = stream;
  }

  /** A submission finished; `failed` when it is an error row. */
  tick(name: string, failed: boolean): void {
    this.done++;
    if (failed) this.failures++;
    const line = this.line(name);
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${line}${this.done === this.total ? '\n' : ''}`);
    else this.stream.write(`${line}\n`);
  }

  line(last: string): string {
    const elapsed = Date.now() - this.started;
    const left = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : 0;
    const name = last.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?').slice(0, 40);
    return `[${this.done}/${this.total}] errors: ${this.failures} — elapsed ${formatDuration(elapsed)}, left ~${formatDuration(left)} — ${name}`;
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
