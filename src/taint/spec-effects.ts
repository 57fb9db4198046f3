import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '../lang/ast.js';
import { statementExpressions } from '../lang/statements.js';
import type { Interpreter } from './interpreter.js';
import { labelsHold, positiveLabels, type LabelFormula } from './labels.js';
import { isFocusedOnWhole, rangesEqual, type SpecMatch } from './spec-matches.js';
import type { SinkEffect, SinkSite, Site } from './summary.js';
import { extendTrace, isSymbolic, TaintSet, type SourceOrigin, type Taint } from './taint.js';
import { CLEAN, keepShape, pathOf, valueOf, wholeTaint, withTaint, writePath, type Value } from './value.js';

/**
 * What a rule's specs do where they match, for one interpreter run: sources add taint,
 * sanitizers remove it, propagators move it, and sinks report it or, when it is still an input's
 * symbolic taint, record a sink effect for the callers.
 */
export class SpecEffects {
  /** The sinks the function's inputs reach, one per sink and report site (their taints joined). */
  private readonly sinkEffects = new Map<string, SinkEffect>();
  /** Sanitized code is not checked for sinks, as in Semgrep: `sanitize(sink(t))` is no finding. */
  private sanitizedDepth = 0;

  constructor(private readonly run: Interpreter) {}

  get effects(): SinkEffect[] {
    return [...this.sinkEffects.values()];
  }

  /** The value of an expression after the specs that match it: `compute` evaluates the expression itself. */
  around(node: Node, compute: () => Value): Value {
    const specs = this.run.host.spec.sanitizers;
    const sanitized = this.run.file.matches.sanitizers.containing(node).filter((match) => !specs[match.spec]!.exact || rangesEqual(match, node));
    if (sanitized.length > 0) {
      this.sanitizedDepth++;
      try {
        return this.sanitize(node, compute(), sanitized);
      } finally {
        this.sanitizedDepth--;
      }
    }
    let value = this.applySources(node, compute());
    value = this.applyPropagators(node, value);
    if (this.sanitizedDepth === 0) this.checkSinks(node, value);
    return value;
  }

  private sanitize(node: Node, value: Value, matches: SpecMatch[]): Value {
    const specs = this.run.host.spec.sanitizers;
    const sideEffect = matches.find((match) => specs[match.spec]!.bySideEffect !== false && rangesEqual(match, node));
    if (sideEffect) {
      const path = this.run.accessPath(node);
      if (path) this.run.writePath(path.root, path.fields, keepShape(value, TaintSet.EMPTY), true);
      if (specs[sideEffect.spec]!.bySideEffect === 'only') return value;
    }
    return keepShape(value, TaintSet.EMPTY);
  }

  applySources(node: Node, value: Value): Value {
    const specs = this.run.host.spec.sources;
    // A field source (a key pair's privateKey) taints that field of the exact match only: its
    // subexpressions are no part of the key.
    const matches = this.run.file.matches.sources.containing(node).filter((match) => (!specs[match.spec]!.exact && !specs[match.spec]!.fields) || rangesEqual(match, node));
    if (matches.length === 0) return value;
    let result = value;
    for (const match of matches) {
      const spec = specs[match.spec]!;
      const exactly = rangesEqual(match, node);
      // `requires` sees what the expression carries, with the sources listed before this one that
      // matched it too: a source that requires `not __SOURCE__` is a fallback for the others.
      const taint = this.sourceTaint(match, result);
      if (!taint) continue;
      if (spec.bySideEffect !== false && exactly) {
        const path = this.run.accessPath(node);
        if (path) this.run.writePath(path.root, path.fields, withTaint(this.run.evaluateTarget(node), TaintSet.of(taint)), true);
        if (spec.bySideEffect === 'only') continue;
      }
      result = spec.fields ? spec.fields.reduce((tainted, field) => writePath(tainted, field, withTaint(pathOf(tainted, field), TaintSet.of(taint)), true), result) : withTaint(result, TaintSet.of(taint));
    }
    return result;
  }

  private sourceTaint(match: SpecMatch, value: Value): Taint | undefined {
    const spec = this.run.host.spec.sources[match.spec]!;
    const file = this.run.file.path;
    const origin: SourceOrigin = {
      kind: 'source',
      key: `src:${file}:${match.range[0]}:${match.range[1]}:${match.spec}`,
      file,
      range: match.range,
      spec: match.spec,
      ...(spec.confidence ? { confidence: spec.confidence } : {}),
      ...(spec.severity ? { severity: spec.severity } : {}),
      bindings: match.bindings,
    };
    const note = `${this.run.text({ range: match.range }, 50)} is a source${spec.entry ? ` (${spec.entry})` : ''}`;
    const taint: Taint = { origin, label: spec.label, trace: extendTrace(undefined, { kind: 'source', file, range: match.range, note }) };
    if (!spec.requires) return taint;
    const incoming = wholeTaint(value);
    if (labelsHold(spec.requires, incoming.filter((item) => !isSymbolic(item)).labels())) return taint;
    const symbolic = incoming.filter(isSymbolic);
    // Inside a summary, the inputs' labels are not known yet: the caller decides.
    return symbolic.isEmpty() ? undefined : { ...taint, condition: { requires: spec.requires, inputs: symbolic.toArray() } };
  }

  private applyPropagators(node: Node, value: Value): Value {
    const specs = this.run.host.spec.propagators;
    let result = value;
    for (const match of this.run.file.matches.propagators.exactly(node)) {
      const spec = specs[match.spec]!;
      const from = match.bindings[spec.from];
      const to = match.bindings[spec.to];
      if (!from || !to || from.nodes.length !== 1 || to.nodes.length !== 1) continue;
      const fromValue = this.run.valueOfNode(from.nodes[0]!) ?? this.run.evaluateTarget(from.nodes[0]!);
      let taint = wholeTaint(fromValue);
      if (spec.requires && !labelsHold(spec.requires, taint.filter((item) => !isSymbolic(item)).labels())) continue;
      if (spec.label) {
        const replaced = new Set(spec.replaceLabels ?? []);
        taint = taint.map((item) => (spec.replaceLabels && !replaced.has(item.label) ? item : { ...item, label: spec.label! }));
      }
      if (taint.isEmpty()) continue;
      const toNode = to.nodes[0]!;
      taint = taint.withStep(this.run.step('assignment', toNode, `flows into ${this.run.text(toNode, 40)}`));
      const path = this.run.accessPath(toNode);
      if (spec.bySideEffect && path) this.run.writePath(path.root, path.fields, valueOf(taint), false);
      if (toNode === node || rangesEqual(toNode, node)) result = withTaint(result, taint);
    }
    return result;
  }

  /**
   * A propagator matched on a declaration (`const { privateKey } = $OBJ;` with `to` on the
   * binding) writes the variables it declares: no expression of the statement is its match.
   */
  applyDeclarationPropagators(node: Node): void {
    this.applyPropagators(node, CLEAN);
  }

  /** Sinks matched exactly at this node (or, for non-exact sinks, around it) see its value. */
  private checkSinks(node: Node, value: Value): void {
    const specs = this.run.host.spec.sinks;
    for (const match of this.run.file.matches.sinks.containing(node)) {
      const exactly = rangesEqual(match, node);
      if (!exactly && specs[match.spec]!.exact) continue;
      // A sink such as `log(...)`, matched on the call, is reached through the call's arguments; a
      // sink focused on an expression (which may itself be a call) sees that expression's value.
      const wholeCall = exactly && (node.type === 'CallExpression' || node.type === 'NewExpression') && !isFocusedOnWhole(match);
      this.sinkReached(match, wholeCall ? this.argumentsTaint(node) : wholeTaint(value));
    }
  }

  /** A sink matched on a statement (`return $X;`) sees the statement's expressions. */
  checkStatementSinks(node: Node): void {
    for (const match of this.run.file.matches.sinks.exactly(node)) {
      const taint = statementExpressions(node).reduce((all, expression) => all.union(wholeTaint(this.run.valueOfNode(expression) ?? CLEAN)), TaintSet.EMPTY);
      this.sinkReached(match, taint);
    }
  }

  private argumentsTaint(node: TSESTree.CallExpression | TSESTree.NewExpression): TaintSet {
    let taint = TaintSet.EMPTY;
    for (const argument of node.arguments) {
      const inner = argument.type === 'SpreadElement' ? argument.argument : argument;
      taint = taint.union(wholeTaint(this.run.valueOfNode(inner) ?? CLEAN));
    }
    return taint;
  }

  private sinkReached(match: SpecMatch, taint: TaintSet): void {
    if (taint.isEmpty()) return;
    const spec = this.run.host.spec.sinks[match.spec]!;
    const sink: SinkSite = { file: this.run.file.path, range: match.range, spec: match.spec, bindings: match.bindings, requires: spec.requires };
    this.reach(sink, sink, taint, new Set());
  }

  /**
   * Taint at a sink, reported at `reportAt`: concrete taint with the labels the sink requires is a
   * finding; an input's symbolic taint becomes an effect that each caller instantiates.
   */
  reach(sink: SinkSite, reportAt: Site, taint: TaintSet, knownLabels: ReadonlySet<string>): void {
    const concrete = taint.filter((item) => !isSymbolic(item));
    const labels = new Set([...knownLabels, ...concrete.labels()]);
    if (!concrete.isEmpty() && labelsHold(sink.requires, labels)) {
      for (const item of relevantTaints(concrete, sink.requires)) this.reportFinding(sink, reportAt, item);
    }
    const symbolic = taint.filter(isSymbolic);
    if (!symbolic.isEmpty()) this.addSinkEffect({ sink, reportAt, taints: symbolic, labels });
  }

  /** Effects on one sink reported at one site are one effect: callers would otherwise multiply them. */
  addSinkEffect(effect: SinkEffect): void {
    const key = `${effect.sink.file}:${effect.sink.range[0]}:${effect.sink.spec}@${effect.reportAt.file}:${effect.reportAt.range[0]}:${effect.reportAt.range[1]}`;
    const existing = this.sinkEffects.get(key);
    if (!existing) {
      this.sinkEffects.set(key, effect);
      return;
    }
    this.sinkEffects.set(key, { ...existing, taints: existing.taints.union(effect.taints), labels: new Set([...existing.labels, ...effect.labels]) });
  }

  private reportFinding(sink: SinkSite, reportAt: Site, taint: Taint): void {
    const entry = this.run.host.spec.sinks[sink.spec]?.entry;
    const atSink = extendTrace(taint.trace, { kind: 'sink', file: sink.file, range: sink.range, note: `reaches the sink${entry ? ` (${entry})` : ''}` });
    this.run.host.report({ sink, reportAt, taint: { ...taint, trace: atSink }, sourceBindings: taint.origin.kind === 'source' ? taint.origin.bindings : {} });
  }
}

/** The taints a finding is about: those with a label the sink requires (all, when it requires none by name). */
function relevantTaints(taints: TaintSet, requires: LabelFormula): Taint[] {
  const wanted = new Set(positiveLabels(requires));
  const all = taints.toArray();
  const chosen = wanted.size > 0 ? all.filter((taint) => wanted.has(taint.label)) : all;
  return chosen.length > 0 ? chosen : all;
}
