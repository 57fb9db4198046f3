import { z } from 'zod';
import { allOf, type Prefilter } from '../prefilter.js';
import { intersect, STAGES, type Formula, type Guard, type RangeMatch, type Step } from '../formula.js';
import type { MatchContext } from '../match-context.js';
import { isMetavariableName } from '../pattern.js';
import { PatternFormula } from './pattern.js';
import { EitherFormula } from './pattern-either.js';
import { positiveStep } from './positive.js';
import { CompileProblem, type FormulaCompiler, type FormulaItem, type Operator, type Path } from './operator.js';

/** `patterns`: every item holds; applied in Semgrep's order, whatever the written order (docs/rules.md §3). */
export const patternsOperator: Operator<FormulaItem[]> = {
  key: 'patterns',
  schema: (item) => z.array(item),
  compile: (items, compiler, path) => positiveStep(compileConjunction(items, compiler, path, { implicitPositive: false })),
};

/**
 * `implicitPositive`: under metavariable-pattern a `patterns` of negatives alone is allowed, the
 * bound code being its positive (Semgrep's implicit `pattern: ...`).
 */
export function compileConjunction(items: readonly FormulaItem[], compiler: FormulaCompiler, path: Path, options: { implicitPositive: boolean }): Conjunction {
  const steps = items.map((item, index) => compiler.step(item, [...path, index]));
  if (!options.implicitPositive && !steps.some((step) => step.stage === 'positive' || step.stage === 'inside')) {
    throw new CompileProblem('"patterns" needs at least one positive operator (pattern, patterns, pattern-either, pattern-regex or pattern-inside)', path);
  }
  if (!options.implicitPositive) checkReadsAreBound(steps, path);
  const guards = steps.flatMap((step) => (step.guard ? [step.guard] : []));
  const conjunction = new Conjunction(steps);
  if (guards.length > 0) conjunction.addGuards(guards);
  return conjunction;
}

/** A condition or focus on a metavariable that no pattern binds never holds: Semgrep users meet this daily, silently. */
function checkReadsAreBound(steps: readonly Step[], path: Path): void {
  const bound = new Set(steps.flatMap((step) => [...step.binds]));
  steps.forEach((step, index) => {
    const unbound = step.reads.find((name) => !bound.has(name));
    if (unbound !== undefined) {
      throw new CompileProblem(`${unbound} is not bound by any pattern of this "patterns", so this item can never hold; bind it in a pattern or fix its spelling`, [...path, index]);
    }
  });
}

export class Conjunction implements Formula {
  readonly prefilter: Prefilter;
  readonly binds: ReadonlySet<string>;
  private readonly positives: Step[];
  private readonly insides: Step[];
  private readonly rest: Step[];

  constructor(readonly steps: readonly Step[]) {
    this.prefilter = allOf(steps.flatMap((step) => (step.prefilter ? [step.prefilter] : [])));
    this.binds = new Set(steps.flatMap((step) => [...step.binds]));
    const positives = steps.filter((step) => step.stage === 'positive');
    // Beside pattern-insides and no other positive, a pattern-either of pattern-insides is one more
    // inside (Semgrep's registry rule express-libxml-noent: an either of imports, then the call
    // that must lie in one of them).
    const insideOnly = positives.every((step) => step.formula instanceof EitherFormula && step.formula.insideOnly);
    this.positives = insideOnly ? [] : positives;
    this.insides = [...(insideOnly ? positives : []), ...steps.filter((step) => step.stage === 'inside')];
    const order = (step: Step) => STAGES.indexOf(step.stage);
    this.rest = steps.filter((step) => step.stage !== 'positive' && step.stage !== 'inside').sort((a, b) => order(a) - order(b));
  }

  addGuards(guards: readonly Guard[]): void {
    for (const positive of this.positives) positive.formula?.addGuards?.(guards);
  }

  compute(context: MatchContext): RangeMatch[] {
    return this.evaluateFrom(undefined, context);
  }

  /** The conjunction over `seed` instead of its positives' matches, for metavariable-pattern's implicit positive. */
  evaluateFrom(seed: RangeMatch[] | undefined, context: MatchContext): RangeMatch[] {
    // Selective positives first: when one has no match, a bare `$X` (every expression) is never listed.
    for (const positive of this.positives) {
      if (!matchesAnyExpression(positive.formula!) && context.evaluate(positive.formula!).length === 0) return [];
    }
    let matches = seed;
    for (const positive of this.positives) {
      matches = matches === undefined ? context.evaluate(positive.formula!) : positive.apply(matches, context);
      if (matches.length === 0) return [];
    }
    if (matches === undefined) {
      // Only pattern-insides: as in Semgrep, their ranges are the matches, each inside all the
      // others' (the innermost range is kept, with the metavariables of all).
      const [first, ...others] = this.insides;
      matches = others.reduce((sofar, inside) => intersect(sofar, context.indexed(inside.formula!)), first ? context.evaluate(first.formula!) : []);
    } else {
      for (const inside of this.insides) matches = inside.apply(matches, context);
    }
    for (const step of this.rest) {
      if (matches.length === 0) return [];
      matches = step.apply(matches, context);
    }
    return matches;
  }
}

/** `$X` (every expression) or `"$X"` (every string): a positive that rules nothing out on its own. */
function matchesAnyExpression(formula: Formula): boolean {
  if (!(formula instanceof PatternFormula) || formula.pattern.kind !== 'expression') return false;
  const node = formula.pattern.node;
  if (node.type === 'Identifier') return isMetavariableName(node.name);
  return node.type === 'Literal' && typeof node.value === 'string' && (isMetavariableName(node.value) || node.value === '...');
}
