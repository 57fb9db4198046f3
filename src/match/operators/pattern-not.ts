import { unify } from '../state.js';
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
        const excluded = context.indexed(formula);
        return matches.filter((match) => !excluded.sameRange(match.range).some((other) => unify(match.state, other.state)));
      },
    };
  },
};
