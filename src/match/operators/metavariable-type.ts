import { z } from 'zod';
import { canonicalMetavariable } from '../metavariable.js';
import { hasTypeNamed } from '../type-names.js';
import { conditionStep } from './condition.js';
import { metavariableReference } from './metavariable-schema.js';
import { CompileProblem, type Operator } from './operator.js';

interface MetavariableType {
  metavariable: string;
  type?: string | undefined;
  types?: string[] | undefined;
  language?: string | undefined;
}

/** `metavariable-type`: the bound expression's TypeScript type is one of the names (docs/rules.md §3). */
export const metavariableTypeOperator: Operator<MetavariableType> = {
  key: 'metavariable-type',
  schema: () =>
    z.strictObject({ metavariable: metavariableReference, type: z.string().optional(), types: z.array(z.string()).optional(), language: z.string().optional() }),
  compile(spec, _compiler, path) {
    const types = [...(spec.type ? [spec.type] : []), ...(spec.types ?? [])];
    if (types.length === 0) throw new CompileProblem('metavariable-type needs "type" or "types"', path);
    const name = canonicalMetavariable(spec.metavariable);
    return conditionStep({
      reads: [name],
      guardOn: name,
      holds(match, context) {
        const binding = match.state.bindings[name];
        const node = binding?.nodes.length === 1 ? binding.nodes[0]! : undefined;
        return node !== undefined && types.some((type) => hasTypeNamed(context.facts, node, type));
      },
    });
  },
};
