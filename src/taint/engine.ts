import type { Node } from '../lang/ast.js';
import type { FileFacts } from '../lang/file-facts.js';
import type { FlowEvidence } from '../match/evidence.js';
import type { RangeMatch } from '../match/formula.js';
import type { MatchContext } from '../match/match-context.js';
import { ALWAYS } from '../match/prefilter.js';
import type { Binding } from '../match/state.js';
import type { RuleEngine } from '../rules/compiled-rule.js';
import { explainFile } from './explain.js';
import type { TaintFile, TaintFinding } from './host.js';
import { TaintBudgetExhausted, TaintRun } from './run.js';
import type { TaintSpec } from './spec.js';
import { classesWithoutConstructor, standaloneFunctions } from './relevance.js';
import { traceSteps } from './taint.js';
import type { FunctionRef } from './value.js';

/**
 * `mode: taint` (docs/rules.md §10): for each file, the module's top level and every function
 * not nested in another are summarised; taint that reaches a sink is a finding, reported where
 * it enters the sink or the outermost project wrapper that leads to it.
 */
export class TaintEngine implements RuleEngine {
  readonly mode = 'taint';
  /** Taint can arrive from other files, so no file is ruled out by its own words. */
  readonly mayMatch = ALWAYS;

  constructor(
    readonly ruleId: string,
    readonly spec: TaintSpec,
    readonly binds: ReadonlySet<string>,
  ) {}

  run(context: MatchContext): RangeMatch[] {
    const facts = context.facts;
    const taintRun = this.runFor(context);
    const path = facts.absolutePath ?? facts.path;
    const file = taintRun.openFile(path, facts, context);
    taintRun.begin(file);
    const debug = context.scan?.debug;
    const startsTaint = taintRun.mayCarryTaint(path, facts.text);
    const reachesSink = startsTaint && taintRun.mayReachSink(path, facts.text);
    if (!startsTaint || !reachesSink || !this.mayFlow(file, taintRun)) {
      const why = !startsTaint
        ? 'no source can match in this file or in the files it imports'
        : !reachesSink
          ? 'no sink can match in this file or in the files it imports'
          : 'this file has no import of a project file, and not both a source and a sink';
      debug?.(explainFile(this.ruleId, this.spec, file, [], { skipped: `${why}; its functions are analysed only when another file calls them` }));
      return taintRun.drainFindings().map((finding) => toMatch(finding, path));
    }
    let functions: FunctionRef[] = [];
    try {
      taintRun.moduleOf(path);
      const relevant = taintRun.relevantFunctions(file);
      functions = standaloneFunctions(facts, path).filter((fn) => relevant.has(fn.node));
      // Methods share their class's fields: when one stores new taint in a field, the others run again.
      for (let round = 0; round < FIELD_ROUNDS; round++) {
        const generation = taintRun.fieldGeneration;
        for (const cls of classesWithoutConstructor(facts, path)) taintRun.initializerSummaryOf(cls, 'none');
        // Roots run with nothing passed in: taint that callers pass reaches them through the callers' own runs.
        for (const fn of functions) taintRun.summaryOf(fn, 'none');
        if (taintRun.fieldGeneration === generation) break;
        taintRun.forget(functions.filter((fn) => fn.owner));
      }
    } catch (error) {
      if (!(error instanceof TaintBudgetExhausted)) throw error;
      taintRun.notice('taint-budget', path, `${error.message}; the rest of the file was not analysed for this rule`);
    }
    if (debug) debug(explainFile(this.ruleId, this.spec, file, functions.map((fn) => [fn, taintRun.finishedSummary(fn)]), { factsOf: (other) => context.scan?.project?.factsOf?.(other) }));
    for (const notice of taintRun.notices.splice(0)) {
      context.scan?.warn({ file: context.scan.project?.displayPath(notice.file) ?? notice.file, message: `${this.ruleId}: ${notice.message}`, kind: notice.kind });
    }
    return taintRun.drainFindings().map((finding) => toMatch(finding, path));
  }

  /** The rule's state for this scan (or, for a file analysed alone, for this file). */
  private runFor(context: MatchContext): TaintRun {
    const state = context.scan?.state;
    const existing = state?.get(this) as TaintRun | undefined;
    if (existing) return existing;
    const created = new TaintRun(this.ruleId, this.spec, context.scan);
    state?.set(this, created);
    return created;
  }

  /**
   * A file can hold a finding only if taint can arise in it (a source here, or a value from a
   * project import) and reach a sink (a sink here, or a function from a project import).
   */
  private mayFlow(file: TaintFile, run: TaintRun): boolean {
    if (hasProjectImports(file.facts, file.path, run)) return true;
    return !file.matches.sources.isEmpty && !file.matches.sinks.isEmpty;
  }
}

/** Rounds over a file's methods while they keep storing new taint in their classes' fields. */
const FIELD_ROUNDS = 3;

function toMatch(finding: TaintFinding, analysed: string): RangeMatch {
  const sinkBindings = finding.sink.bindings;
  const bindings: Record<string, Binding> = { ...finding.sourceBindings, ...sinkBindings };
  // Source metavariables from another file would show that file's code: only this file's are kept.
  if (finding.taint.origin.kind === 'source' && finding.taint.origin.file !== finding.reportAt.file) {
    for (const name of Object.keys(finding.sourceBindings)) if (!(name in sinkBindings)) delete bindings[name];
  }
  const origin = finding.taint.origin.kind === 'source' ? finding.taint.origin : undefined;
  const evidence: FlowEvidence = {
    kind: 'flow',
    steps: traceSteps(finding.taint.trace),
    ...(origin?.confidence ? { confidence: origin.confidence } : {}),
    ...(origin?.severity ? { severity: origin.severity } : {}),
  };
  return {
    range: finding.reportAt.range,
    state: { bindings, evidence: [evidence] },
    ...(finding.reportAt.file !== analysed ? { file: finding.reportAt.file } : {}),
  };
}

const projectImports = new WeakMap<FileFacts, boolean>();

function hasProjectImports(facts: FileFacts, path: string, run: TaintRun): boolean {
  let known = projectImports.get(facts);
  if (known === undefined) {
    known = false;
    for (const declarations of facts.declarations.declarations.values()) {
      for (const declaration of declarations) {
        if (declaration.kind === 'import' && run.resolveModule(path, declaration.module)) known = true;
      }
    }
    if (!known) {
      for (const call of facts.nodesByType.get('CallExpression') ?? []) {
        const callee = (call as { callee: Node }).callee;
        const argument = (call as { arguments: Node[] }).arguments[0];
        if (callee.type === 'Identifier' && callee.name === 'require' && argument?.type === 'Literal' && typeof argument.value === 'string' && run.resolveModule(path, argument.value)) {
          known = true;
          break;
        }
      }
    }
    projectImports.set(facts, known);
  }
  return known;
}

