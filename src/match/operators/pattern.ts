import { z } from 'zod';
import type { MatchContext } from '../match-context.js';
import { patternMetavariables, type Pattern } from '../pattern.js';
import { patternPrefilter, type Prefilter } from '../prefilter.js';
import { EMPTY_STATE, type Binding } from '../state.js';
import type { Formula, Guard, RangeMatch } from '../formula.js';
import { positiveStep } from './positive.js';
import type { Operator } from './operator.js';

/** `pattern`: code that matches a TypeScript pattern (docs/rules.md §2). */
export const patternOperator: Operator<string> = {
  key: 'pattern',
  schema: () => z.string(),
  compile: (text, compiler, path) => positiveStep(compiler.pattern(text, path)),
};

export class PatternFormula implements Formula {
  readonly prefilter: Prefilter;
  readonly binds: ReadonlySet<string>;
  private guards: Guard[] = [];
  private guardsByName: Map<string, Guard[]> | undefined;

  constructor(readonly pattern: Pattern) {
    this.prefilter = patternPrefilter(pattern);
    this.binds = patternMetavariables(pattern);
  }

  get shareKey(): string | undefined {
    return this.guards.length === 0 ? this.pattern.source : undefined;
  }

  addGuards(guards: readonly Guard[]): void {
    this.guards = [...this.guards, ...guards.filter((guard) => this.binds.has(guard.metavariable))];
    this.guardsByName = undefined;
  }

  compute(context: MatchContext): RangeMatch[] {
    if (this.guards.length === 0) return context.matcher.findAll(this.pattern, EMPTY_STATE);
    const byName = (this.guardsByName ??= groupByMetavariable(this.guards));
    const veto = (name: string, binding: Binding) => (byName.get(name) ?? []).every((guard) => guard.holds(binding, context));
    return context.matcher.withGuard(veto).findAll(this.pattern, EMPTY_STATE);
  }
}

function groupByMetavariable(guards: readonly Guard[]): Map<string, Guard[]> {
  const byName = new Map<string, Guard[]>();
  for (const guard of guards) byName.set(guard.metavariable, [...(byName.get(guard.metavariable) ?? []), guard]);
  return byName;
}
