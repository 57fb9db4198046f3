import { z } from 'zod';
import { canonicalMetavariable } from '../metavariable.js';
import { type Formula, type RangeMatch } from '../formula.js';
import type { MatchContext } from '../match-context.js';
import { EMPTY_STATE, unify, type Binding } from '../state.js';
import { metavariableReference } from './metavariable-schema.js';
import { compileConjunction, Conjunction } from './patterns.js';
import { CompileProblem, type FormulaItem, type Operator } from './operator.js';

const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const;

interface MetavariablePattern {
  metavariable: string;
  language?: string | undefined;
  pattern?: string | undefined;
  patterns?: FormulaItem[] | undefined;
  'pattern-either'?: FormulaItem[] | undefined;
  'pattern-regex'?: string | undefined;
}

/**
 * `metavariable-pattern`: the formula must match inside the code bound to the metavariable, and
 * may bind more metavariables. A `patterns` of negatives alone starts from the bound code itself.
 */
export const metavariablePatternOperator: Operator<MetavariablePattern> = {
  key: 'metavariable-pattern',
  schema: (item) =>
    z.strictObject({
      metavariable: metavariableReference,
      language: z.string().optional(),
      pattern: z.string().optional(),
      patterns: z.array(item).optional(),
      'pattern-either': z.array(item).optional(),
      'pattern-regex': z.string().optional(),
    }),
  compile(spec, compiler, path) {
    const operators = FORMULA_KEYS.filter((key) => spec[key] !== undefined);
    if (operators.length !== 1) throw new CompileProblem(`metavariable-pattern needs exactly one of ${FORMULA_KEYS.join(', ')}`, path);
    if (spec.language && !['typescript', 'javascript', 'ts', 'js'].includes(spec.language)) {
      throw new CompileProblem(`metavariable-pattern language "${spec.language}" is not supported; omit it to match the bound code as TypeScript`, path);
    }
    const key = operators[0]!;
    const formula =
      key === 'patterns'
        ? compileConjunction(spec.patterns!, compiler, [...path, 'patterns'], { implicitPositive: true })
        : compiler.positive({ [key]: spec[key] }, path);
    const name = canonicalMetavariable(spec.metavariable);
    return {
      stage: 'condition',
      formula,
      prefilter: formula.prefilter,
      binds: formula.binds,
      reads: [name],
      apply: (matches, context) =>
        matches.flatMap((match) => {
          const binding = match.state.bindings[name];
          if (!binding) return [];
          return matchesWithin(formula, binding, context).flatMap((inner) => {
            const merged = unify(match.state, inner.state);
            return merged ? [{ range: match.range, state: merged }] : [];
          });
        }),
    };
  },
};

function matchesWithin(formula: Formula, binding: Binding, context: MatchContext): RangeMatch[] {
  if (formula instanceof Conjunction && !formula.steps.some((step) => step.stage === 'positive' || step.stage === 'inside')) {
    return formula.evaluateFrom([{ range: binding.range, state: EMPTY_STATE }], context);
  }
  return context.indexed(formula).within(binding.range);
}
