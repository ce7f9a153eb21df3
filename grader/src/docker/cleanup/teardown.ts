/**
 * Teardown actions of a grading run, run once in reverse order of registration: at the normal end,
 * on error, and on SIGINT/SIGTERM (then the process exits with the signal's conventional code).
 *
 * The signal listeners stay installed until the process exits: execa's exit hook (signal-exit)
 * re-raises a signal it believes nobody handles, which would kill the process mid-cleanup.
 */
export class Teardown {
  private readonly actions: Array<{ name: string; run: () => Promise<unknown> }> = [];
  private running: Promise<void> | undefined;
  private readonly interrupted = new AbortController();
  /** Aborted when a signal arrives: in-flight work (builds, compose commands) stops before cleanup. */
  readonly signal = this.interrupted.signal;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.interrupted.signal.aborted) return;
    this.interrupted.abort();
    void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  add(name: string, run: () => Promise<unknown>): void {
    this.actions.push({ name, run });
  }

  /** Runs the teardown when the process is interrupted. */
  trapSignals(): void {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Runs the actions (once), then stops listening for signals unless one is being handled. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const action of [...this.actions].reverse()) {
        try {
          await action.run();
        } catch (error) {
          process.stderr.write(`teardown ${action.name}: ${(error as Error).message}\n`);
        }
      }
      if (!this.interrupted.signal.aborted) {
        process.removeListener('SIGINT', this.onSignal);
        process.removeListener('SIGTERM', this.onSignal);
      }
    })();
    return this.running;
  }
}
