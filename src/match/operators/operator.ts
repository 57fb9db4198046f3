import type { z } from 'zod';
import type { Formula, Step } from '../formula.js';
import type { SafeRegex } from '../safe-regex.js';

/** A place in a rule file: keys and list indexes from the file's root. */
export type Path = ReadonlyArray<string | number>;

/** One item of `patterns`, `pattern-either`, … : a mapping that holds exactly one operator. */
export type FormulaItem = Readonly<Record<string, unknown>>;

/**
 * One operator of the rule language (docs/rules.md §3): its YAML key, the shape of its value,
 * and how it compiles into a step of a `patterns` conjunction. Each lives in its own module, so
 * adding an operator is one module and one line in the registry.
 */
export interface Operator<V = unknown> {
  readonly key: string;
  /** The value's shape; `item` is the schema of a nested formula item, for operators that nest. */
  schema(item: z.ZodType<FormulaItem>): z.ZodType<V>;
  compile(value: V, compiler: FormulaCompiler, path: Path): Step;
}

/** What operators may ask of the compiler while they compile their value. */
export interface FormulaCompiler {
  /** An item that must produce matches of its own: pattern, patterns, pattern-either, pattern-regex. */
  positive(item: FormulaItem, path: Path): Formula;
  /** Any item of a `patterns` list. */
  step(item: FormulaItem, path: Path): Step;
  /** The value of pattern-not, pattern-inside and pattern-not-inside: a pattern string or a positive item. */
  operand(value: string | FormulaItem, path: Path): Formula;
  pattern(text: string, path: Path): Formula;
  regex(source: string, path: Path, options: { multiline: boolean }): SafeRegex;
}

/** A mistake in a rule, with the place to fix it; `offset` points inside a multi-line value. */
export class CompileProblem extends Error {
  constructor(
    message: string,
    readonly path: Path,
    readonly offset: { line: number; column: number } = { line: 0, column: 0 },
  ) {
    super(message);
  }
}
