import { z } from 'zod';
import { anyOf, type Prefilter } from '../prefilter.js';
import type { Formula, Guard, RangeMatch } from '../formula.js';
import type { MatchContext } from '../match-context.js';
import { positiveStep } from './positive.js';
import { CompileProblem, type FormulaItem, type Operator } from './operator.js';

/** `pattern-either`: the union of its alternatives; metavariables need not agree across them. */
export const patternEitherOperator: Operator<FormulaItem[]> = {
  key: 'pattern-either',
  schema: (item) => z.array(item),
  compile(alternatives, compiler, path) {
    let insideOnly = true;
    const formulas = alternatives.map((alternative, index) => {
      const here = [...path, index];
      // Semgrep lets an alternative be a pattern-inside, which then matches its own ranges.
      const inside = alternative['pattern-inside'];
      if (inside !== undefined && Object.keys(alternative).length === 1) return compiler.operand(inside as string | FormulaItem, [...here, 'pattern-inside']);
      const step = compiler.step(alternative, here);
      if (step.stage !== 'positive' || !step.formula) {
        throw new CompileProblem(`"${Object.keys(alternative)[0]}" cannot be an alternative of pattern-either; use pattern, patterns, pattern-either, pattern-regex or pattern-inside`, here);
      }
      if (!(step.formula instanceof EitherFormula && step.formula.insideOnly)) insideOnly = false;
      return step.formula;
    });
    return positiveStep(new EitherFormula(formulas, insideOnly));
  },
};

export class EitherFormula implements Formula {
  readonly prefilter: Prefilter;
  readonly binds: ReadonlySet<string>;

  /**
   * @param insideOnly every alternative is a pattern-inside (or such an either): beside other
   *   items of a `patterns` it is a pattern-inside of their union, as Semgrep's inside ranges are.
   */
  constructor(
    readonly alternatives: readonly Formula[],
    readonly insideOnly = false,
  ) {
    this.prefilter = anyOf(alternatives.map((alternative) => alternative.prefilter));
    this.binds = new Set(alternatives.flatMap((alternative) => [...alternative.binds]));
  }

  addGuards(guards: readonly Guard[]): void {
    for (const alternative of this.alternatives) alternative.addGuards?.(guards);
  }

  compute(context: MatchContext): RangeMatch[] {
    return this.alternatives.flatMap((alternative) => context.evaluate(alternative));
  }
}
