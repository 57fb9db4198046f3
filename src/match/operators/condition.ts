import { unwrap } from '../../lang/ast.js';
import type { RangeMatch, Step } from '../formula.js';
import type { MatchContext } from '../match-context.js';
import { addConstantOrigins } from '../state.js';

interface ConditionSpec {
  /** The metavariables the condition reads. */
  reads: string[];
  holds(match: RangeMatch, context: MatchContext): boolean;
  /** Set when the condition reads one metavariable only, so it can run the moment that one is bound. */
  guardOn?: string;
  /** Metavariables whose constant values decide the condition: their definitions join the finding's trace. */
  decidedByConstants?: string[];
}

/** The step of a `metavariable-*` operator: a filter on each match's bindings. */
export function conditionStep(spec: ConditionSpec): Step {
  const guardOn = spec.guardOn;
  return {
    stage: 'condition',
    binds: new Set(),
    reads: spec.reads,
    ...(guardOn !== undefined
      ? {
          guard: {
            metavariable: guardOn,
            holds: (binding, context) => spec.holds({ range: binding.range, state: { bindings: { [guardOn]: binding }, evidence: [] } }, context),
          },
        }
      : {}),
    apply: (matches, context) =>
      matches.filter((match) => spec.holds(match, context)).map((match) => withConstantOrigins(match, spec.decidedByConstants ?? [], context)),
  };
}

function withConstantOrigins(match: RangeMatch, names: readonly string[], context: MatchContext): RangeMatch {
  const origins = names.flatMap((name) => {
    const binding = match.state.bindings[name];
    if (!binding || binding.nodes.length !== 1) return [];
    return context.facts.constants.valueOf(unwrap(binding.nodes[0]!))?.via ?? [];
  });
  return origins.length === 0 ? match : { range: match.range, state: addConstantOrigins(match.state, origins) };
}
