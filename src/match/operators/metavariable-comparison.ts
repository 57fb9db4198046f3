import { z } from 'zod';
import { compileComparison, ComparisonSyntaxError } from '../comparison.js';
import { conditionStep } from './condition.js';
import { metavariableReference } from './metavariable-schema.js';
import { CompileProblem, type Operator } from './operator.js';

interface MetavariableComparison {
  metavariable?: string | undefined;
  comparison: string;
  base?: number | undefined;
  strip?: boolean | undefined;
  'constant-propagation'?: boolean | undefined;
}

/** `metavariable-comparison`: a safe Python-like expression over bound values (docs/rules.md §4). */
export const metavariableComparisonOperator: Operator<MetavariableComparison> = {
  key: 'metavariable-comparison',
  schema: () =>
    z.strictObject({
      metavariable: metavariableReference.optional(),
      comparison: z.string(),
      base: z.number().int().optional(),
      strip: z.boolean().optional(),
      'constant-propagation': z.boolean().optional(),
    }),
  compile(spec, _compiler, path) {
    let source = spec.comparison;
    // `comparison: "< 2048"` with `metavariable: $BITS` reads as `$BITS < 2048`.
    if (spec.metavariable && !source.includes(spec.metavariable)) source = `${spec.metavariable} ${source}`;
    let comparison;
    try {
      comparison = compileComparison(source);
    } catch (error) {
      if (error instanceof ComparisonSyntaxError) throw new CompileProblem(`metavariable-comparison: ${error.message}`, [...path, 'comparison']);
      throw error;
    }
    const base = spec.base;
    const strip = spec.strip ?? false;
    const single = comparison.metavariables.length === 1 && base === undefined && !strip ? comparison.metavariables[0] : undefined;
    return conditionStep({
      reads: comparison.metavariables,
      ...(single !== undefined ? { guardOn: single } : {}),
      decidedByConstants: comparison.metavariables,
      holds(match, context) {
        return comparison.evaluate((name, conversion) => {
          const binding = match.state.bindings[name];
          if (!binding) return undefined;
          if (conversion === 'text') {
            const value = context.primitiveOf(binding);
            return typeof value === 'string' || typeof value === 'number' ? value : binding.text;
          }
          if (base !== undefined) {
            const parsed = parseInt(stripQuotes(binding.text), base);
            return Number.isNaN(parsed) ? undefined : parsed;
          }
          const value = context.primitiveOf(binding);
          if (value !== undefined) return value;
          return strip ? stripQuotes(binding.text) : undefined;
        });
      },
    });
  },
};

function stripQuotes(text: string): string {
  return text.replace(/^(['"`])(.*)\1$/s, '$2');
}
