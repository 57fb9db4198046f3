import { FUNCTION_TYPES, parentOf, type Node } from '../lang/ast.js';
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
import { traceSteps } from './taint.js';
import type { ClassNode, ClassRef, FunctionNode, FunctionRef } from './value.js';

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
    if (!this.mayFlow(file, taintRun)) {
      debug?.(explainFile(this.ruleId, this.spec, file, [], 'no source and no sink here, and no project import through which taint could come or go'));
      return taintRun.drainFindings().map((finding) => toMatch(finding, path));
    }
    const functions = standaloneFunctions(facts, path);
    try {
      taintRun.moduleOf(path);
      for (const fn of functions) taintRun.summaryOf(fn);
      for (const cls of classesWithoutConstructor(facts, path)) taintRun.initializerSummaryOf(cls);
    } catch (error) {
      if (!(error instanceof TaintBudgetExhausted)) throw error;
      taintRun.notice('taint-budget', path, `${error.message}; the rest of the file was not analysed for this rule`);
    }
    if (debug) debug(explainFile(this.ruleId, this.spec, file, functions.map((fn) => [fn, taintRun.finishedSummary(fn)])));
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
    const created = new TaintRun(this.ruleId, this.spec, context.scan?.project);
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

function toMatch(finding: TaintFinding, analysed: string): RangeMatch {
  const sinkBindings = finding.sink.bindings;
  const bindings: Record<string, Binding> = { ...finding.sourceBindings, ...sinkBindings };
  // Source metavariables from another file would show that file's code: only this file's are kept.
  if (finding.taint.origin.kind === 'source' && finding.taint.origin.file !== finding.reportAt.file) {
    for (const name of Object.keys(finding.sourceBindings)) if (!(name in sinkBindings)) delete bindings[name];
  }
  const confidence = finding.taint.origin.kind === 'source' ? finding.taint.origin.confidence : undefined;
  const evidence: FlowEvidence = { kind: 'flow', steps: traceSteps(finding.taint.trace), ...(confidence ? { confidence } : {}) };
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

/** Functions not nested in another function: declarations, methods, arrows of the top level. */
function standaloneFunctions(facts: FileFacts, file: string): FunctionRef[] {
  const out: FunctionRef[] = [];
  for (const type of FUNCTION_TYPES) {
    for (const node of facts.nodesByType.get(type) ?? []) {
      if (hasFunctionAncestor(node)) continue;
      const owner = classOf(node, file);
      out.push({ file, node: node as FunctionNode, ...(owner ? { owner } : {}) });
    }
  }
  return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function classesWithoutConstructor(facts: FileFacts, file: string): ClassRef[] {
  const out: ClassRef[] = [];
  for (const type of ['ClassDeclaration', 'ClassExpression']) {
    for (const node of facts.nodesByType.get(type) ?? []) {
      const cls = node as ClassNode;
      if (hasFunctionAncestor(cls)) continue;
      if (cls.body.body.some((member) => member.type === 'MethodDefinition' && member.kind === 'constructor')) continue;
      if (!cls.body.body.some((member) => member.type === 'PropertyDefinition' && !member.static && member.value)) continue;
      out.push({ file, node: cls });
    }
  }
  return out;
}

function hasFunctionAncestor(node: Node): boolean {
  for (let current = parentOf(node); current; current = parentOf(current)) if (FUNCTION_TYPES.has(current.type)) return true;
  return false;
}

/** The class a method or a field's arrow function belongs to. */
function classOf(node: Node, file: string): ClassRef | undefined {
  const member = parentOf(node);
  if (member?.type !== 'MethodDefinition' && member?.type !== 'PropertyDefinition') return undefined;
  const cls = parentOf(parentOf(member)!);
  return cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression' ? { file, node: cls } : undefined;
}
