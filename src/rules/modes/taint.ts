import { z } from 'zod';
import type { Formula } from '../../match/formula.js';
import { metavariableReference } from '../../match/operators/metavariable-schema.js';
import { CompileProblem, FORMULA_ITEM, FORMULA_KEYS, formulaCompiler, type FormulaItem, type Path } from '../../match/operators/index.js';
import { CONFIDENCES } from '../../report/severity.js';
import { TaintEngine } from '../../taint/engine.js';
import { DEFAULT_LABEL, LabelSyntaxError, parseLabelFormula, type LabelFormula } from '../../taint/labels.js';
import type { PropagatorSpec, SanitizerSpec, SinkSpec, SourceSpec, TaintOptions, TaintSpec } from '../../taint/spec.js';
import type { RuleEngine } from '../compiled-rule.js';
import type { ModelEntry, ModelRegistry } from '../models.js';

const formulaFields = {
  pattern: z.string().optional(),
  patterns: z.array(FORMULA_ITEM).optional(),
  'pattern-either': z.array(FORMULA_ITEM).optional(),
  'pattern-regex': z.string().optional(),
};
const sideEffect = z.union([z.boolean(), z.literal('only')]);
const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a label such as "KEY" (letters, digits, "_")');

/** One item of pattern-sources, -sinks, -sanitizers: a formula, or `kind:` for the entries of a model kind. */
export const SOURCE_ITEM = z.strictObject({
  ...formulaFields,
  kind: z.string().optional(),
  label: labelName.optional(),
  requires: z.string().optional(),
  exact: z.boolean().optional(),
  'by-side-effect': sideEffect.optional(),
});
export const SINK_ITEM = z.strictObject({ ...formulaFields, kind: z.string().optional(), requires: z.string().optional(), exact: z.boolean().optional() });
export const SANITIZER_ITEM = z.strictObject({ ...formulaFields, kind: z.string().optional(), exact: z.boolean().optional(), 'by-side-effect': sideEffect.optional() });
export const PROPAGATOR_ITEM = z.strictObject({
  ...formulaFields,
  kind: z.string().optional(),
  from: metavariableReference.optional(),
  to: metavariableReference.optional(),
  'by-side-effect': z.boolean().optional(),
  label: labelName.optional(),
  requires: z.string().optional(),
  'replace-labels': z.array(labelName).optional(),
});

type SourceItem = z.infer<typeof SOURCE_ITEM>;
type SinkItem = z.infer<typeof SINK_ITEM>;
type SanitizerItem = z.infer<typeof SANITIZER_ITEM>;
type PropagatorItem = z.infer<typeof PROPAGATOR_ITEM>;

/** Semgrep's taint options this engine honours; any other `taint_*` option is an error that names it. */
export const TAINT_OPTION_NAMES = {
  taint_assume_safe_functions: 'assumeSafeFunctions',
  taint_assume_safe_indexes: 'assumeSafeIndexes',
  taint_assume_safe_booleans: 'assumeSafeBooleans',
  taint_assume_safe_numbers: 'assumeSafeNumbers',
  taint_assume_safe_comparisons: 'assumeSafeComparisons',
  taint_only_propagate_through_assignments: 'onlyPropagateThroughAssignments',
  taint_unify_mvars: 'unifyMetavariables',
} as const satisfies Record<string, keyof TaintOptions>;

/** The top-level keys of a taint rule (docs/rules.md §10). */
export const TAINT_MODE_FIELDS = {
  'pattern-sources': z.array(SOURCE_ITEM).optional(),
  'pattern-sinks': z.array(SINK_ITEM).optional(),
  'pattern-sanitizers': z.array(SANITIZER_ITEM).optional(),
  'pattern-propagators': z.array(PROPAGATOR_ITEM).optional(),
};

export interface TaintRuleDocument {
  id: string;
  'pattern-sources'?: SourceItem[] | undefined;
  'pattern-sinks'?: SinkItem[] | undefined;
  'pattern-sanitizers'?: SanitizerItem[] | undefined;
  'pattern-propagators'?: PropagatorItem[] | undefined;
  options?: Record<string, unknown> | undefined;
}

/** `mode: taint`: sources, sinks, sanitizers and propagators, each a formula or a model kind. */
export function compileTaintRule(rule: TaintRuleDocument, path: Path, models: ModelRegistry): RuleEngine {
  if (!rule['pattern-sources']?.length) throw new CompileProblem('a taint rule needs "pattern-sources" (a non-empty list)', path);
  if (!rule['pattern-sinks']?.length) throw new CompileProblem('a taint rule needs "pattern-sinks" (a non-empty list)', path);
  const specs = new SpecCompiler(models);
  const sources = rule['pattern-sources'].flatMap((item, index) => specs.sources(item, [...path, 'pattern-sources', index]));
  const sinks = rule['pattern-sinks'].flatMap((item, index) => specs.sinks(item, [...path, 'pattern-sinks', index]));
  const sanitizers = (rule['pattern-sanitizers'] ?? []).flatMap((item, index) => specs.sanitizers(item, [...path, 'pattern-sanitizers', index]));
  const propagators = (rule['pattern-propagators'] ?? []).flatMap((item, index) => specs.propagators(item, [...path, 'pattern-propagators', index]));
  const spec: TaintSpec = { sources, sinks, sanitizers, propagators, options: taintOptions(rule.options, [...path, 'options']) };
  const binds = new Set([...sinks.flatMap((sink) => [...sink.formula.binds]), ...sources.flatMap((source) => [...source.formula.binds])]);
  return new TaintEngine(rule.id, spec, binds);
}

function taintOptions(options: Record<string, unknown> | undefined, path: Path): TaintOptions {
  const result: TaintOptions = {
    assumeSafeFunctions: false, assumeSafeIndexes: false, assumeSafeBooleans: false, assumeSafeNumbers: false,
    assumeSafeComparisons: false, onlyPropagateThroughAssignments: false, unifyMetavariables: false,
  };
  for (const [name, value] of Object.entries(options ?? {})) {
    if (!name.startsWith('taint_')) continue;
    const field = TAINT_OPTION_NAMES[name as keyof typeof TAINT_OPTION_NAMES];
    if (!field) {
      throw new CompileProblem(`option "${name}" is not supported by nobackdoor's taint engine; the supported ones are ${Object.keys(TAINT_OPTION_NAMES).join(', ')}`, [...path, name]);
    }
    if (typeof value !== 'boolean') throw new CompileProblem(`option "${name}" takes true or false`, [...path, name]);
    result[field] = value;
  }
  return result;
}

class SpecCompiler {
  constructor(private readonly models: ModelRegistry) {}

  sources(item: SourceItem, path: Path): SourceSpec[] {
    const options = { label: item.label, requires: this.requires(item.requires, [...path, 'requires']), exact: item.exact, bySideEffect: item['by-side-effect'] };
    return this.expand(item, path, 'sources', (formula, entry) => ({
      formula,
      label: options.label ?? entry?.label ?? DEFAULT_LABEL,
      ...optional('requires', options.requires ?? this.requires(entry?.requires, path)),
      exact: options.exact ?? entry?.exact ?? false,
      bySideEffect: options.bySideEffect ?? entry?.bySideEffect ?? false,
      ...optional('confidence', entry?.confidence),
      ...optional('severity', entry?.severity),
      ...optional('entry', entry?.id),
      ...optional('fields', entry?.fields),
    }));
  }

  sinks(item: SinkItem, path: Path): SinkSpec[] {
    const requires = this.requires(item.requires, [...path, 'requires']);
    return this.expand(item, path, 'sinks', (formula, entry) => ({
      formula,
      requires: requires ?? this.requires(entry?.requires, path) ?? { kind: 'label', name: DEFAULT_LABEL },
      exact: item.exact ?? entry?.exact ?? true,
      ...optional('entry', entry?.id),
    }));
  }

  sanitizers(item: SanitizerItem, path: Path): SanitizerSpec[] {
    return this.expand(item, path, 'sanitizers', (formula, entry) => ({
      formula,
      exact: item.exact ?? entry?.exact ?? false,
      bySideEffect: item['by-side-effect'] ?? entry?.bySideEffect ?? false,
      ...optional('entry', entry?.id),
    }));
  }

  propagators(item: PropagatorItem, path: Path): PropagatorSpec[] {
    const requires = this.requires(item.requires, [...path, 'requires']);
    return this.expand(item, path, 'propagators', (formula, entry, at) => {
      const from = item.from ?? entry?.from;
      const to = item.to ?? entry?.to;
      if (!from || !to) throw new CompileProblem('a propagator needs "from" and "to" metavariables', at);
      for (const name of [from, to]) {
        if (!formula.binds.has(name)) throw new CompileProblem(`${name} is not bound by the propagator's pattern, so it can never propagate; bind it or fix its spelling`, at);
      }
      return {
        formula,
        from,
        to,
        bySideEffect: item['by-side-effect'] ?? true,
        ...optional('label', item.label ?? entry?.label),
        ...optional('requires', requires ?? this.requires(entry?.requires, path)),
        ...optional('replaceLabels', item['replace-labels']),
        ...optional('entry', entry?.id),
      };
    });
  }

  /** A formula item compiles to one spec; `kind: X` to one per enabled entry of the model kind. */
  private expand<T>(item: FormulaItem & { kind?: string | undefined }, path: Path, role: string, make: (formula: Formula, entry: ModelEntry | undefined, at: Path) => T): T[] {
    const keys = FORMULA_KEYS.filter((key) => item[key] !== undefined);
    if (item.kind !== undefined) {
      if (keys.length > 0) throw new CompileProblem(`an item holds either "kind" or a pattern, not both (it has kind and ${keys.join(', ')})`, path);
      const entries = this.models.entries(item.kind, [...path, 'kind']);
      return entries.map((entry) => make(entry.formula, entry, [...path, 'kind']));
    }
    if (keys.length !== 1) {
      throw new CompileProblem(
        keys.length === 0 ? `each item of pattern-${role} needs one of ${FORMULA_KEYS.join(', ')}, or "kind" naming a model kind` : `this item has ${keys.join(' and ')}: use exactly one (combine them under "patterns")`,
        path,
      );
    }
    const formula = formulaCompiler.positive({ [keys[0]!]: item[keys[0]!] }, path);
    return [make(formula, undefined, path)];
  }

  private requires(text: string | undefined, path: Path): LabelFormula | undefined {
    if (text === undefined) return undefined;
    try {
      return parseLabelFormula(text);
    } catch (error) {
      if (error instanceof LabelSyntaxError) throw new CompileProblem(error.message, path);
      throw error;
    }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export { CONFIDENCES };
