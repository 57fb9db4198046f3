import { z } from 'zod';
import type { FileFacts } from '../../lang/file-facts.js';
import { ValueIdentity } from '../../lang/value-identity.js';
import { canonicalMetavariable } from '../metavariable.js';
import { conditionStep } from './condition.js';
import { metavariableReference } from './metavariable-schema.js';
import { CompileProblem, type Operator } from './operator.js';

interface MetavariableSameValue {
  metavariable: string;
  as?: string | undefined;
  'every-iteration'?: boolean | undefined;
}

const identities = new WeakMap<FileFacts, ValueIdentity>();

function identityOf(facts: FileFacts): ValueIdentity {
  let identity = identities.get(facts);
  if (!identity) identities.set(facts, (identity = new ValueIdentity(facts)));
  return identity;
}

/**
 * `metavariable-same-value`: the bound reference reads the same value as the one bound to `as`
 * (nothing between them may change it), or the same value on every turn of the loop around it
 * (`every-iteration: true`). See docs/rules.md §3.
 */
export const metavariableSameValueOperator: Operator<MetavariableSameValue> = {
  key: 'metavariable-same-value',
  schema: () =>
    z
      .strictObject({ metavariable: metavariableReference, as: metavariableReference.optional(), 'every-iteration': z.boolean().optional() })
      .meta({ description: 'The bound variable or member holds the same value where `as` is bound (unchanged between), or on every turn of the loop around it.' }),
  compile(spec, _compiler, path) {
    const name = canonicalMetavariable(spec.metavariable);
    const other = spec.as === undefined ? undefined : canonicalMetavariable(spec.as);
    const everyIteration = spec['every-iteration'] ?? false;
    if ((other === undefined) === !everyIteration) throw new CompileProblem('metavariable-same-value needs exactly one of "as" and "every-iteration: true"', path);
    return conditionStep({
      reads: other === undefined ? [name] : [name, other],
      ...(other === undefined ? { guardOn: name } : {}),
      holds(match, context) {
        const binding = match.state.bindings[name];
        if (binding?.nodes.length !== 1) return false;
        const identity = identityOf(context.facts);
        if (other === undefined) return identity.sameEachIteration(binding.nodes[0]!);
        const otherBinding = match.state.bindings[other];
        return otherBinding?.nodes.length === 1 && identity.sameValue(otherBinding.nodes[0]!, binding.nodes[0]!);
      },
    });
  },
};
