import { unify } from '../state.js';
import { operandSchema } from './operand.js';
import type { FormulaItem, Operator } from './operator.js';

/** `pattern-inside`: keeps matches inside one of its matches, and adds the metavariables it binds. */
export const patternInsideOperator: Operator<string | FormulaItem> = {
  key: 'pattern-inside',
  schema: operandSchema,
  compile(value, compiler, path) {
    const formula = compiler.operand(value, path);
    return {
      stage: 'inside',
      formula,
      prefilter: formula.prefilter,
      binds: formula.binds,
      reads: [],
      apply: (matches, context) => {
        const outer = context.indexed(formula);
        return matches.flatMap((match) =>
          outer.containing(match.range).flatMap((container) => {
            const merged = unify(match.state, container.state);
            return merged ? [{ range: match.range, state: merged }] : [];
          }),
        );
      },
    };
  },
};
