import { z } from 'zod';
import type { Formula, Step } from '../formula.js';
import { parsePattern, PatternSyntaxError } from '../pattern.js';
import { compileRegex, RegexSyntaxError, type SafeRegex } from '../safe-regex.js';
import { focusMetavariableOperator } from './focus-metavariable.js';
import { metavariableComparisonOperator } from './metavariable-comparison.js';
import { metavariableNameOperator } from './metavariable-name.js';
import { metavariablePatternOperator } from './metavariable-pattern.js';
import { metavariableRegexOperator } from './metavariable-regex.js';
import { metavariableSameValueOperator } from './metavariable-same-value.js';
import { metavariableTypeOperator } from './metavariable-type.js';
import { CompileProblem, type FormulaCompiler, type FormulaItem, type Operator, type Path } from './operator.js';
import { PatternFormula, patternOperator } from './pattern.js';
import { patternEitherOperator } from './pattern-either.js';
import { patternInsideOperator } from './pattern-inside.js';
import { patternNotOperator } from './pattern-not.js';
import { patternNotInsideOperator } from './pattern-not-inside.js';
import { patternNotRegexOperator } from './pattern-not-regex.js';
import { patternRegexOperator } from './pattern-regex.js';
import { patternsOperator } from './patterns.js';

/** Every operator of the rule language, in the order docs/rules.md §3 lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operator types its own value through its schema
export const OPERATORS: ReadonlyArray<Operator<any>> = [
  patternOperator,
  patternsOperator,
  patternEitherOperator,
  patternRegexOperator,
  patternNotOperator,
  patternInsideOperator,
  patternNotInsideOperator,
  patternNotRegexOperator,
  metavariableRegexOperator,
  metavariablePatternOperator,
  metavariableComparisonOperator,
  metavariableNameOperator,
  metavariableTypeOperator,
  metavariableSameValueOperator,
  focusMetavariableOperator,
];

const BY_KEY = new Map(OPERATORS.map((operator) => [operator.key, operator]));

/** The operators that produce matches of their own: a rule's formula is one of them. */
export const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const;

/** One item of `patterns` or `pattern-either`: a mapping with exactly one operator (checked when compiled). */
export const FORMULA_ITEM: z.ZodType<FormulaItem> = z.lazy(() =>
  z
    .strictObject(Object.fromEntries(OPERATORS.map((operator) => [operator.key, operator.schema(FORMULA_ITEM).optional()])))
    .meta({ description: 'One matching operator (exactly one key per item).' }),
);

/** Compiles formula items by handing each to its operator. */
export const formulaCompiler: FormulaCompiler = {
  step(item: FormulaItem, path: Path): Step {
    const key = singleOperator(item, path);
    return BY_KEY.get(key)!.compile(item[key], formulaCompiler, [...path, key]);
  },

  positive(item: FormulaItem, path: Path): Formula {
    const key = singleOperator(item, path);
    const step = formulaCompiler.step(item, path);
    if (step.stage !== 'positive' || !step.formula) throw new CompileProblem(`"${key}" must sit inside "patterns" beside a positive pattern`, [...path, key]);
    return step.formula;
  },

  operand(value: string | FormulaItem, path: Path): Formula {
    return typeof value === 'string' ? formulaCompiler.pattern(value, path) : formulaCompiler.positive(value, path);
  },

  pattern(text: string, path: Path): Formula {
    try {
      return new PatternFormula(parsePattern(text));
    } catch (error) {
      if (error instanceof PatternSyntaxError) throw new CompileProblem(`${error.message} (pattern line ${error.line}, column ${error.column})`, path);
      throw error;
    }
  },

  regex(source: string, path: Path, options: { multiline: boolean }): SafeRegex {
    try {
      return compileRegex(source, options);
    } catch (error) {
      if (error instanceof RegexSyntaxError) throw new CompileProblem(error.message, path);
      throw error;
    }
  },
};

function singleOperator(item: FormulaItem, path: Path): string {
  const keys = Object.keys(item);
  const known = keys.filter((key) => BY_KEY.has(key));
  if (known.length !== 1 || keys.length !== 1) {
    throw new CompileProblem(
      keys.length === 0
        ? `empty item: expected one of ${OPERATORS.map((operator) => operator.key).join(', ')}`
        : `each item holds exactly one operator; this one has ${keys.map((key) => `"${key}"`).join(', ')}`,
      path,
    );
  }
  return known[0]!;
}

export { CompileProblem, type FormulaItem, type Path } from './operator.js';
