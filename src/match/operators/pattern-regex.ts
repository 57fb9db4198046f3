import { z } from 'zod';
import { ALWAYS } from '../prefilter.js';
import type { Formula, RangeMatch } from '../formula.js';
import type { MatchContext } from '../match-context.js';
import type { RegexMatch, SafeRegex } from '../safe-regex.js';
import type { Binding } from '../state.js';
import { positiveStep } from './positive.js';
import type { Operator } from './operator.js';

/** `pattern-regex`: RE2 matches in the file's text, multi-line; groups bind `$1`, `$NAME`. */
export const patternRegexOperator: Operator<string> = {
  key: 'pattern-regex',
  schema: () => z.string(),
  compile: (source, compiler, path) => positiveStep(new RegexFormula(compiler.regex(source, path, { multiline: true }))),
};

class RegexFormula implements Formula {
  readonly prefilter = ALWAYS;
  readonly binds: ReadonlySet<string>;

  constructor(private readonly regex: SafeRegex) {
    this.binds = new Set(regex.groupNames.map((name) => `$${name}`));
  }

  compute(context: MatchContext): RangeMatch[] {
    return this.regex.findAll(context.facts.text).map((match) => ({ range: [match.start, match.end] as const, state: { bindings: groupBindings(match), evidence: [] } }));
  }
}

function groupBindings(match: RegexMatch): Record<string, Binding> {
  const bindings: Record<string, Binding> = {};
  for (const [name, group] of Object.entries(match.groups)) bindings[`$${name}`] = { nodes: [], range: [group.start, group.end], text: group.text };
  return bindings;
}
