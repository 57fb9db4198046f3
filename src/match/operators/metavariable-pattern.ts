import { z } from 'zod';
import { definitionOf } from '../../lang/definition.js';
import type { FileFacts } from '../../lang/file-facts.js';
import { canonicalMetavariable } from '../metavariable.js';
import { type Formula, type RangeMatch } from '../formula.js';
import { MatchContext } from '../match-context.js';
import { addConstantOrigins, EMPTY_STATE, unify, type Binding } from '../state.js';
import { metavariableReference } from './metavariable-schema.js';
import { compileConjunction, Conjunction } from './patterns.js';
import { CompileProblem, type FormulaItem, type Operator } from './operator.js';

const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const;

interface MetavariablePattern {
  metavariable: string;
  language?: string | undefined;
  pattern?: string | undefined;
  patterns?: FormulaItem[] | undefined;
  'pattern-either'?: FormulaItem[] | undefined;
  'pattern-regex'?: string | undefined;
}

/**
 * `metavariable-pattern`: the formula must match inside the code bound to the metavariable, and
 * may bind more metavariables. A `patterns` of negatives alone starts from the bound code itself.
 */
export const metavariablePatternOperator: Operator<MetavariablePattern> = {
  key: 'metavariable-pattern',
  schema: (item) =>
    z.strictObject({
      metavariable: metavariableReference,
      language: z.string().optional(),
      pattern: z.string().optional(),
      patterns: z.array(item).optional(),
      'pattern-either': z.array(item).optional(),
      'pattern-regex': z.string().optional(),
    }),
  compile(spec, compiler, path) {
    const operators = FORMULA_KEYS.filter((key) => spec[key] !== undefined);
    if (operators.length !== 1) throw new CompileProblem(`metavariable-pattern needs exactly one of ${FORMULA_KEYS.join(', ')}`, path);
    if (spec.language && !['typescript', 'javascript', 'ts', 'js'].includes(spec.language)) {
      throw new CompileProblem(`metavariable-pattern language "${spec.language}" is not supported; omit it to match the bound code as TypeScript`, path);
    }
    const key = operators[0]!;
    const formula =
      key === 'patterns'
        ? compileConjunction(spec.patterns!, compiler, [...path, 'patterns'], { implicitPositive: true })
        : compiler.positive({ [key]: spec[key] }, path);
    const name = canonicalMetavariable(spec.metavariable);
    return {
      stage: 'condition',
      formula,
      prefilter: formula.prefilter,
      binds: formula.binds,
      reads: [name],
      apply: (matches, context) =>
        matches.flatMap((match) => {
          const binding = match.state.bindings[name];
          if (!binding) return [];
          const local = matchesWithin(formula, binding, context).flatMap((inner) => {
            const merged = unify(match.state, inner.state);
            return merged ? [{ range: match.range, state: merged }] : [];
          });
          if (local.length > 0) return local;
          return matchesAtForeignDefinition(formula, binding, context, match);
        }),
    };
  },
};

function matchesWithin(formula: Formula, binding: Binding, context: MatchContext): RangeMatch[] {
  if (formula instanceof Conjunction && !formula.steps.some((step) => step.stage === 'positive' || step.stage === 'inside')) {
    return formula.evaluateFrom([{ range: binding.range, state: EMPTY_STATE }], context);
  }
  return context.indexed(formula).within(binding.range);
}

const foreignContexts = new WeakMap<FileFacts, MatchContext>();

/**
 * A name imported from another project file (`import { KEY } from './config'`) is matched at its
 * definition there, as the same code written in this file would be matched by
 * `pattern-inside: $X = $INIT; ...`. The match is kept with the definition as its origin; the
 * metavariables bound in the other file are not kept.
 */
function matchesAtForeignDefinition(formula: Formula, binding: Binding, context: MatchContext, match: RangeMatch): RangeMatch[] {
  const project = context.scan?.project;
  if (!project?.factsOf || binding.nodes.length !== 1) return [];
  const node = binding.nodes[0]!;
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return [];
  const definition = definitionOf(node, context.facts, project);
  if (!definition?.file || definition.file === context.facts.absolutePath) return [];
  const facts = project.factsOf(definition.file);
  if (!facts) return [];
  let foreign = foreignContexts.get(facts);
  if (!foreign) foreignContexts.set(facts, (foreign = new MatchContext(facts, context.scan)));
  const range = definition.node.range;
  const text = facts.text.slice(range[0], range[1]);
  if (matchesWithin(formula, { nodes: [definition.node], range, text }, foreign).length === 0) return [];
  const position = project.positionIn(definition.file, range[0]);
  if (!position) return [match];
  return [{ range: match.range, state: addConstantOrigins(match.state, [{ external: true, file: definition.file, line: position.line, column: position.column, text: text.slice(0, 60) }]) }];
}
