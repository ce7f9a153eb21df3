/**
 * Teardown actions of a grading run, run once in reverse order of registration: at the normal end,
 * on error, and on SIGINT/SIGTERM (then the process exits with the signal's conventional code).
 */
export class Teardown {
  private readonly actions: Array<{ name: string; run: () => Promise<unknown> }> = [];
  private running: Promise<void> | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  add(name: string, run: () => Promise<unknown>): void {
    this.actions.push({ name, run });
  }

  /** Runs the teardown when the process is interrupted. */
  trapSignals(): void {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      process.removeListener('SIGINT', this.onSignal);
      process.removeListener('SIGTERM', this.onSignal);
      for (const action of [...this.actions].reverse()) {
        try {
          await action.run();
        } catch (error) {
          process.stderr.write(`teardown ${action.name}: ${(error as Error).message}\n`);
        }
      }
    })();
    return this.running;
  }
}
