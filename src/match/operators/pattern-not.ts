import { unify } from '../state.js';
import { sameRange } from '../formula.js';
import { operandSchema } from './operand.js';
import type { FormulaItem, Operator } from './operator.js';

/** `pattern-not`: drops matches equal to one of its matches (whose shared metavariables agree). */
export const patternNotOperator: Operator<string | FormulaItem> = {
  key: 'pattern-not',
  schema: operandSchema,
  compile(value, compiler, path) {
    const formula = compiler.operand(value, path);
    return {
      stage: 'not',
      formula,
      binds: new Set(),
      reads: [],
      apply: (matches, context) => {
        const excluded = context.evaluate(formula);
        return matches.filter((match) => !excluded.some((other) => sameRange(match.range, other.range) && unify(match.state, other.state)));
      },
    };
  },
};
