// The corpus's accuracy over every lab: each verdict against what the mutant's corpus expects,
// counted as a false pass, a false fail or an error, and printed after the run.
import type { CriterionResult } from '../../grader/src/model/result.ts';

export class Accuracy {
  private submissions = 0;
  private checked = 0;
  private readonly falsePasses: string[] = [];
  private readonly falseFails: string[] = [];
  private readonly errors: string[] = [];

  /** Counts one graded submission: each verdict of `criteria` against `loses` (the criteria expected not to pass). */
  record(label: string, criteria: readonly CriterionResult[], loses: readonly string[]): void {
    this.submissions++;
    for (const c of criteria) {
      this.checked++;
      const where = `${label} → ${c.id}`;
      if (c.status === 'error' || c.status === 'skip') this.errors.push(`${where}: ${c.status} (${c.message})`);
      else if (c.status === 'pass' && loses.includes(c.id)) this.falsePasses.push(where);
      else if (c.status !== 'pass' && !loses.includes(c.id)) this.falseFails.push(`${where}: ${c.message}`);
    }
  }

  summary(): string {
    return [
      '',
      `Accuracy over the mutant corpus of every lab (${this.submissions} submissions, ${this.checked} verdicts):`,
      `  false passes: ${this.falsePasses.length}`,
      `  false fails:  ${this.falseFails.length}`,
      `  errors:       ${this.errors.length}`,
      ...this.falsePasses.map((line) => `  FALSE PASS ${line}`),
      ...this.falseFails.map((line) => `  FALSE FAIL ${line}`),
      ...this.errors.map((line) => `  ERROR ${line}`),
      '',
    ].join('\n');
  }
}
