import { z } from 'zod';
import { overlaps, type RangeMatch } from '../formula.js';
import { metavariableReference } from './metavariable-schema.js';
import type { Operator } from './operator.js';

/**
 * `focus-metavariable`: narrows each match to the code bound to `$X`; a list gives one match per
 * name (set union); several focus items in a row keep what they all cover (intersection).
 */
export const focusMetavariableOperator: Operator<string | string[]> = {
  key: 'focus-metavariable',
  schema: () => z.union([metavariableReference, z.array(metavariableReference)]),
  compile(value) {
    const names = ([] as string[]).concat(value);
    return {
      stage: 'focus',
      binds: new Set(),
      reads: names,
      apply: (matches) => matches.flatMap((match) => focus(match, names)),
    };
  },
};

function focus(match: RangeMatch, names: readonly string[]): RangeMatch[] {
  return names.flatMap((name) => {
    const binding = match.state.bindings[name];
    if (!binding) return [];
    const start = Math.max(binding.range[0], match.range[0]);
    const end = Math.min(binding.range[1], match.range[1]);
    return start <= end && overlaps(binding.range, match.range) ? [{ range: [start, end] as const, state: match.state }] : [];
  });
}
