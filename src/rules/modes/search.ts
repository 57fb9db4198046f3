import { z } from 'zod';
import { FORMULA_ITEM, FORMULA_KEYS, formulaCompiler, CompileProblem, type FormulaItem, type Path } from '../../match/operators/index.js';
import type { RuleEngine } from '../compiled-rule.js';

/** The top-level keys of a search rule: exactly one formula (docs/rules.md §3). */
export const SEARCH_MODE_FIELDS = {
  pattern: z.string().optional(),
  patterns: z.array(FORMULA_ITEM).optional(),
  'pattern-either': z.array(FORMULA_ITEM).optional(),
  'pattern-regex': z.string().optional(),
};

/** `mode: search` (the default): a finding for every match of the rule's formula. */
export function compileSearchRule(rule: FormulaItem & { id: string }, path: Path): RuleEngine {
  const keys = FORMULA_KEYS.filter((key) => rule[key] !== undefined);
  if (keys.length !== 1) {
    throw new CompileProblem(
      keys.length === 0
        ? `rule "${rule.id}" has no pattern: add one of ${FORMULA_KEYS.join(', ')}`
        : `rule "${rule.id}" has ${keys.join(' and ')}: use exactly one of ${FORMULA_KEYS.join(', ')} at the top (combine them under "patterns")`,
      path,
    );
  }
  const formula = formulaCompiler.positive({ [keys[0]!]: rule[keys[0]!] }, path);
  return {
    mode: 'search',
    mayMatch: formula.prefilter,
    binds: formula.binds,
    run: (context) => context.evaluate(formula),
  };
}
