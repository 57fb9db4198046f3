import { unify } from '../state.js';
import { operandSchema } from './operand.js';
import type { FormulaItem, Operator } from './operator.js';

/** `pattern-not-inside`: drops matches inside one of its matches (whose shared metavariables agree). */
export const patternNotInsideOperator: Operator<string | FormulaItem> = {
  key: 'pattern-not-inside',
  schema: operandSchema,
  compile(value, compiler, path) {
    const formula = compiler.operand(value, path);
    return {
      stage: 'not-inside',
      formula,
      binds: new Set(),
      reads: [],
      apply: (matches, context) => {
        const outer = context.indexed(formula);
        return matches.filter((match) => !outer.containing(match.range).some((container) => unify(match.state, container.state)));
      },
    };
  },
};
