import { z } from 'zod';
import { normalizeModuleName } from '../../lang/names.js';
import { canonicalMetavariable } from '../metavariable.js';
import { moduleWords } from '../prefilter.js';
import { conditionStep } from './condition.js';
import { metavariableReference } from './metavariable-schema.js';
import { CompileProblem, type Operator } from './operator.js';

interface MetavariableName {
  metavariable: string;
  module?: string | undefined;
  modules?: string[] | undefined;
}

/** `metavariable-name`: the bound identifier comes from one of the modules (Semgrep Pro's semantics). */
export const metavariableNameOperator: Operator<MetavariableName> = {
  key: 'metavariable-name',
  schema: () => z.strictObject({ metavariable: metavariableReference, module: z.string().optional(), modules: z.array(z.string()).optional() }),
  compile(spec, _compiler, path) {
    const modules = [...(spec.module ? [spec.module] : []), ...(spec.modules ?? [])].map(normalizeModuleName);
    if (modules.length === 0) throw new CompileProblem('metavariable-name needs "module" or "modules"', path);
    const name = canonicalMetavariable(spec.metavariable);
    return {
      ...conditionStep({
        reads: [name],
        guardOn: name,
        holds(match, context) {
          const binding = match.state.bindings[name];
          const node = binding?.nodes.length === 1 ? binding.nodes[0]! : undefined;
          const qualified = node ? context.facts.names.qualifiedName(node) : undefined;
          if (!qualified || qualified.origin !== 'module') return false;
          return modules.some((module) => qualified.name === module || qualified.name.startsWith(`${module}.`));
        },
      }),
      // A name from one of these modules means the file imports or requires it, and so spells its words.
      prefilter: moduleWords(modules),
    };
  },
};
