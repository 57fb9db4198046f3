import { z } from 'zod';
import type { FormulaItem } from './operator.js';

/** The value of pattern-not, pattern-inside and pattern-not-inside: a pattern string, or an item such as `patterns`. */
export function operandSchema(item: z.ZodType<FormulaItem>): z.ZodType<string | FormulaItem> {
  return z.union([z.string(), item]);
}
