/**
 * Matcher steps (a pattern node tried against a code node, a formula evaluated, a match looked up
 * beside another) that one search rule may spend on one file. Generous: the most any file of the
 * benchmark corpora (matrix-js-sdk, theia) needs is far below it; a pathological file (a large
 * bundle, a generated module) stops there instead of running for minutes. Counted in steps, not
 * time, so the same input always gives the same report.
 */
export const DEFAULT_MATCH_BUDGET = 20_000_000;

export class MatchBudgetExhausted extends Error {
  override readonly name = 'MatchBudgetExhausted';
}

/** Counts one file's matcher steps for the rule being run; unlimited between rules. */
export class StepMeter {
  private used = 0;
  private limit = Infinity;

  /** Starts counting for one rule with `limit` steps; returns the steps counted before. */
  start(limit: number): void {
    this.used = 0;
    this.limit = limit;
  }

  /** Ends the rule's count and returns how many steps it took. */
  stop(): number {
    const used = this.used;
    this.used = 0;
    this.limit = Infinity;
    return used;
  }

  spend(units = 1): void {
    this.used += units;
    if (this.used > this.limit) throw new MatchBudgetExhausted(`the rule spent its ${this.limit.toLocaleString('en')} matcher steps on this file`);
  }
}
