import { z } from 'zod';
import { canonicalMetavariable } from '../metavariable.js';
import { conditionStep } from './condition.js';
import { metavariableReference } from './metavariable-schema.js';
import type { Operator } from './operator.js';

interface MetavariableRegex {
  metavariable: string;
  regex: string;
  'constant-propagation'?: boolean | undefined;
}

/**
 * `metavariable-regex`: the regex matches at the start of the bound code (Semgrep's re.match);
 * when the code is a constant, its value is tried too unless constant-propagation is false.
 */
export const metavariableRegexOperator: Operator<MetavariableRegex> = {
  key: 'metavariable-regex',
  schema: () => z.strictObject({ metavariable: metavariableReference, regex: z.string(), 'constant-propagation': z.boolean().optional() }),
  compile(spec, compiler, path) {
    const name = canonicalMetavariable(spec.metavariable);
    const regex = compiler.regex(spec.regex, [...path, 'regex'], { multiline: false });
    const constantPropagation = spec['constant-propagation'] ?? true;
    return conditionStep({
      reads: [name],
      guardOn: name,
      decidedByConstants: [name],
      holds(match, context) {
        const binding = match.state.bindings[name];
        if (!binding) return false;
        if (regex.matchesAtStart(binding.text)) return true;
        if (!constantPropagation) return false;
        const value = context.primitiveOf(binding);
        return typeof value === 'string' && regex.matchesAtStart(value);
      },
    });
  },
};
