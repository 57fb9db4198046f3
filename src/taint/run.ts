import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classMemberName } from '../lang/ast.js';
import type { ExportBinding, ProjectContext } from '../lang/cross-file.js';
import type { FileFacts } from '../lang/file-facts.js';
import { MatchContext, type ScanScope } from '../match/match-context.js';
import { sameCode } from '../match/state.js';
import { memoized } from '../util/memo.js';
import type { AnalysisHost, TaintFile, TaintFinding } from './host.js';
import { Interpreter } from './interpreter.js';
import { relevantFunctions, type Relevance, type RelevanceInputs } from './relevance.js';
import { scopeOf } from './scope.js';
import { findSpecMatches, nodeRangeKeys } from './spec-matches.js';
import type { TaintSpec } from './spec.js';
import { summaryKey, type Summary, type SymbolicInputs } from './summary.js';
import { isSymbolic, TaintSet } from './taint.js';
import { CLEAN, isClean, joinValues, MAX_DEPTH, objectValue, valueKey, valueOf, wholeTaint, type ClassNode, type ClassRef, type FunctionRef, type Value } from './value.js';

/** Summaries nested deeper than this (a call chain this long, across any files) make the call opaque. */
export const MAX_CALL_DEPTH = 24;
/** Rounds for a recursive function's summary to stop changing. */
const MAX_RECURSION_ROUNDS = 8;
/** Units of work (nodes evaluated) one rule may spend on one file, its callees included. */
export const WORK_BUDGET = 2_000_000;
/** Files whose spec matches are kept at once. */
const MAX_OPEN_FILES = 128;

export class TaintBudgetExhausted extends Error {
  override readonly name = 'TaintBudgetExhausted';
}

/** A bound of the analysis cut a search: the scan says so (docs/rules.md §10.5). */
export interface TaintLimitNotice {
  kind: 'taint-depth' | 'taint-recursion' | 'taint-budget';
  file: string;
  message: string;
}

const nodeKeysByFacts = new WeakMap<FileFacts, Set<string>>();

/**
 * One taint rule over one scan's project: the files it read, the summaries of their functions,
 * each module's top-level values, and the findings so far. Everything is computed on demand and
 * kept for the rest of the scan, so each function is summarised once per rule.
 */
export class TaintRun implements AnalysisHost {
  private readonly files = new Map<string, TaintFile | null>();
  private readonly summaries = new Map<string, Summary>();
  private readonly partial = new Map<string, Summary>();
  /** Each function's summaries, one per set of symbolic inputs it was asked for. */
  private readonly summaryKeys = new Map<string, Set<string>>();
  private readonly inProgress: string[] = [];
  /** What each summary being computed has read that may still change (see `reusable`). */
  private readonly frames: SummaryReads[] = [];
  private readonly recursive = new Set<string>();
  /** Bumped for a summary each time its unfinished version changes: who read it knows when it is stale. */
  private readonly versions = new Map<string, number>();
  /**
   * Unfinished summaries (inside a recursive cycle that is still being solved), with what they
   * were computed from. A function of a large cycle is called again and again while the cycle is
   * solved; computing it again when nothing it read has changed would give the same summary.
   */
  private readonly reusable = new Map<string, ReusableSummary>();
  private moduleWriteGeneration = 0;
  private readonly modules = new Map<string, Interpreter | 'pending'>();
  private readonly moduleWrites = new Map<string, Map<string, Value>>();
  private readonly findings = new Map<string, TaintFinding>();
  private fresh: string[] = [];
  readonly notices: TaintLimitNotice[] = [];
  private used = 0;
  private budget = WORK_BUDGET;

  private readonly project: ProjectContext | undefined;

  constructor(
    readonly ruleId: string,
    readonly spec: TaintSpec,
    /** The scan, whose project answers cross-file questions; files opened here are matched in it too. */
    private readonly scope: ScanScope | undefined,
  ) {
    this.project = scope?.project;
  }

  /** Starts the work of one file: its budget, and the file's facts as that file's analysis has them. */
  begin(file: TaintFile): void {
    this.used = 0;
    this.budget = WORK_BUDGET;
    this.files.delete(file.path);
    this.files.set(file.path, file);
  }

  openFile(path: string, facts: FileFacts, context = new MatchContext(facts, this.scope)): TaintFile {
    const keys = memoized(nodeKeysByFacts, facts, () => nodeRangeKeys(facts.nodes, facts.text));
    return { path, facts, matches: findSpecMatches(this.spec, context, keys) };
  }

  taintFile(path: string): TaintFile | undefined {
    const known = this.files.get(path);
    if (known !== undefined) return known ?? undefined;
    const facts = this.project?.factsOf?.(path);
    const file = facts ? this.openFile(path, facts) : undefined;
    this.files.set(path, file ?? null);
    if (this.files.size > MAX_OPEN_FILES) this.files.delete(this.files.keys().next().value!);
    return file;
  }

  spend(units: number): void {
    this.used += units;
    if (this.used > this.budget) throw new TaintBudgetExhausted(`the rule spent its ${WORK_BUDGET.toLocaleString('en')} units of work on this file`);
  }

  // ---------------------------------------------------------------- summaries

  summaryOf(fn: FunctionRef, inputs: SymbolicInputs): Summary | undefined {
    return this.summarise(functionKey(fn), inputs, fn.file, () => ({ file: fn.file, body: fn.node, owner: fn.owner }));
  }

  /** A root's summary already computed, else the most general one (for explanations: never starts work). */
  finishedSummary(fn: FunctionRef): Summary | undefined {
    for (const inputs of ['none', 'all'] as const) {
      const key = `${functionKey(fn)}|${inputs}`;
      const found = this.summaries.get(key) ?? this.partial.get(key);
      if (found) return found;
    }
    return undefined;
  }

  initializerSummaryOf(cls: ClassRef, inputs: SymbolicInputs): Summary | undefined {
    return this.summarise(`${cls.file}:${cls.node.range[0]}:${cls.node.range[1]}:init`, inputs, cls.file, () => ({ file: cls.file, body: cls.node, owner: cls }));
  }

  private summarise(
    functionId: string,
    inputs: SymbolicInputs,
    path: string,
    what: () => { file: string; body: FunctionRef['node'] | ClassNode; owner: ClassRef | undefined },
  ): Summary | undefined {
    const key = `${functionId}|${inputs}`;
    const done = this.summaries.get(key);
    if (done) return done;
    if (this.inProgress.includes(key)) {
      // Recursion: the functions between here and the first call of `key` depend on a summary that is still growing.
      this.markRecursion(key);
      this.noteRead(key, [key]);
      return this.partial.get(key) ?? { returns: CLEAN, sinks: [], inputWrites: new Map(), callbacks: [] };
    }
    const reused = this.reusableSummary(key);
    if (reused) {
      // What computing it again would have done to the functions on the stack.
      for (const cycle of reused.cycles) if (this.inProgress.includes(cycle)) this.markRecursion(cycle);
      this.noteRead(key, reused.cycles);
      return reused.summary;
    }
    if (this.inProgress.length >= MAX_CALL_DEPTH) {
      this.notice('taint-depth', path, `a call chain is deeper than ${MAX_CALL_DEPTH} functions; deeper calls were treated as opaque`);
      return undefined;
    }
    const file = this.taintFile(path);
    if (!file) return undefined;
    const target = what();
    this.inProgress.push(key);
    let summary: Summary | undefined;
    let reads = this.newReads();
    try {
      for (let round = 0; round < MAX_RECURSION_ROUNDS; round++) {
        this.recursive.delete(key);
        reads = this.newReads();
        this.frames.push(reads);
        try {
          summary = new Interpreter(this, { file, body: target.body, mode: 'summary', symbolic: inputs, ...(target.owner ? { owner: target.owner } : {}), depth: 0 }).run();
        } finally {
          this.frames.pop();
        }
        const previous = this.partial.get(key);
        this.partial.set(key, summary);
        const unchanged = previous !== undefined && summaryKey(previous) === summaryKey(summary);
        if (!unchanged) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
        if (!this.recursive.has(key) || unchanged) break;
        if (round === MAX_RECURSION_ROUNDS - 1) this.notice('taint-recursion', path, `a recursive function's summary was still changing after ${MAX_RECURSION_ROUNDS} rounds; the last one was kept`);
      }
    } finally {
      this.inProgress.pop();
    }
    // A summary computed inside a recursive cycle is final only when the cycle's first function is done.
    if (!this.recursive.has(key) || this.inProgress.every((pending) => !this.recursive.has(pending))) {
      this.summaries.set(key, summary!);
      memoized(this.summaryKeys, functionId, () => new Set<string>()).add(key);
      this.partial.delete(key);
      this.reusable.delete(key);
    } else {
      this.reusable.set(key, { summary: summary!, version: this.versions.get(key) ?? 0, reads });
      this.noteRead(key, reads.cycles);
    }
    this.recursive.delete(key);
    return summary;
  }

  private newReads(): SummaryReads {
    return { versions: new Map(), cycles: new Set(), fieldGeneration: this.fieldGeneration, moduleWriteGeneration: this.moduleWriteGeneration };
  }

  private markRecursion(key: string): void {
    for (const pending of this.inProgress.slice(this.inProgress.indexOf(key))) this.recursive.add(pending);
  }

  /** The summary being computed read an unfinished summary, which depends on these functions in progress. */
  private noteRead(key: string, cycles: Iterable<string>): void {
    const reads = this.frames[this.frames.length - 1];
    if (!reads) return;
    reads.versions.set(key, this.versions.get(key) ?? 0);
    for (const cycle of cycles) reads.cycles.add(cycle);
  }

  /** An unfinished summary none of whose inputs changed since it was computed: computing it again would give it back. */
  private reusableSummary(key: string): { summary: Summary; cycles: ReadonlySet<string> } | undefined {
    const known = this.reusable.get(key);
    if (!known) return undefined;
    const { reads } = known;
    const current =
      known.version === (this.versions.get(key) ?? 0) &&
      reads.fieldGeneration === this.fieldGeneration &&
      reads.moduleWriteGeneration === this.moduleWriteGeneration &&
      [...reads.versions].every(([read, version]) => (this.versions.get(read) ?? 0) === version);
    if (!current) {
      this.reusable.delete(key);
      return undefined;
    }
    return { summary: known.summary, cycles: reads.cycles };
  }

  // ---------------------------------------------------------------- what is worth running

  private readonly carries = new Map<string, boolean>();
  private readonly reaches = new Map<string, boolean>();
  private readonly relevance = new Map<string, Relevance>();

  /**
   * Whether taint of this rule can arise in a file or reach it through its imports, judged from
   * text alone (the words its sources need, the modules it imports), so that files that cannot
   * hold a finding cost nothing. Over-approximate: a yes may find nothing.
   */
  mayCarryTaint(path: string, text?: string): boolean {
    return this.holdsThroughImports(path, text, this.carries, (words) => this.spec.sources.some((spec) => spec.formula.prefilter(words)));
  }

  /**
   * Whether code run from this file can reach a sink of this rule: a sink can match in the file or
   * in a project file it imports, directly or through others. Judged from text, like mayCarryTaint.
   */
  mayReachSink(path: string, text?: string): boolean {
    return this.holdsThroughImports(path, text, this.reaches, (words) => this.spec.sinks.some((spec) => spec.formula.prefilter(words)));
  }

  private holdsThroughImports(path: string, text: string | undefined, known: Map<string, boolean>, ownWords: (words: Set<string>) => boolean): boolean {
    const answer = known.get(path);
    if (answer !== undefined) return answer;
    // An import cycle asks about a file still being judged: it adds nothing of its own.
    known.set(path, false);
    const source = text ?? this.project?.sourceText?.(path);
    let holds = false;
    if (source !== undefined) {
      holds = ownWords(textWords(source));
      if (!holds) holds = importedSpecifiers(source).some((specifier) => {
        const target = this.resolveModule(path, specifier);
        return target !== undefined && target !== path && this.holdsThroughImports(target, undefined, known, ownWords);
      });
    }
    known.set(path, holds);
    return holds;
  }

  mayMakeTaint(fn: FunctionRef): boolean {
    const file = this.taintFile(fn.file);
    if (!file) return false;
    if (this.relevanceOf(file).functions.has(fn.node)) return true;
    // A function nested in another is not judged by relevance: a source inside it is enough.
    return file.matches.sources.matches.some((match) => fn.node.range[0] <= match.range[0] && match.range[1] <= fn.node.range[1]);
  }

  classMayMakeTaint(cls: ClassRef): boolean {
    const file = this.taintFile(cls.file);
    if (!file) return false;
    const relevant = this.relevanceOf(file).functions;
    return cls.node.body.body.some((member) => (member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && member.value !== null && relevant.has(member.value as FunctionRef['node']));
  }

  /** The functions of a file that can make taint appear (see relevance.ts); the others run only when called. */
  relevantFunctions(file: TaintFile): Set<FunctionRef['node']> {
    return this.relevanceOf(file).functions;
  }

  private relevanceOf(file: TaintFile): Relevance {
    const known = this.relevance.get(file.path);
    if (known) return known;
    // A cycle of imports asks about a file still being judged: it counts as nothing, for now.
    this.relevance.set(file.path, { functions: new Set(), names: new Set() });
    const computed = relevantFunctions(file, this.taintedInputs(file));
    this.relevance.set(file.path, computed);
    return computed;
  }

  /** Names of the file that may carry taint: its tainted top-level variables and what it imports that can make taint appear. */
  private taintedInputs(file: TaintFile): RelevanceInputs {
    const taintedNames = new Set<string>();
    const taintedMembers = new Set<string>();
    const module = this.moduleOf(file.path);
    for (const name of module?.env.names() ?? []) {
      const value = module!.env.get(name)!;
      if (this.valueProducesTaint(value, taintedMembers)) taintedNames.add(name);
    }
    for (const [name, declarations] of file.facts.declarations.declarations) {
      for (const declaration of declarations) {
        if (declaration.kind !== 'import') continue;
        const target = this.resolveModule(file.path, declaration.module);
        if (!target || !this.mayCarryTaint(target)) continue;
        const value = declaration.imported === '*' ? ({ taint: TaintSet.EMPTY, namespace: target } as Value) : this.exportedValue(target, declaration.imported);
        if (value && this.valueProducesTaint(value, taintedMembers)) taintedNames.add(name);
      }
    }
    return { taintedNames, taintedMembers };
  }

  /** A value carries taint, or is a function, class or module of the project that can make some appear. */
  private valueProducesTaint(value: Value, members: Set<string>): boolean {
    if (!wholeTaint(value).isEmpty()) return true;
    let produces = false;
    for (const fn of value.functions ?? []) {
      const file = this.taintFile(fn.file);
      if (file && this.relevanceOf(file).functions.has(fn.node)) produces = true;
    }
    for (const cls of [...(value.classes ?? []), ...(value.instanceOf ?? [])]) {
      const file = this.taintFile(cls.file);
      if (!file) continue;
      const relevance = this.relevanceOf(file);
      for (const member of cls.node.body.body) {
        if (member.type !== 'MethodDefinition' || !relevance.functions.has(member.value as FunctionRef['node'])) continue;
        produces = true;
        const name = member.key.type === 'Identifier' ? member.key.name : undefined;
        if (name) members.add(name);
      }
    }
    if (value.namespace && this.mayCarryTaint(value.namespace)) {
      const file = this.taintFile(value.namespace);
      const relevance = file ? this.relevanceOf(file) : undefined;
      if (relevance && relevance.functions.size > 0) {
        produces = true;
        for (const name of relevance.names) members.add(name);
      }
    }
    return produces;
  }

  // ---------------------------------------------------------------- module values

  /** Runs a file's top level once, and keeps what it leaves in its variables. */
  moduleOf(path: string): Interpreter | undefined {
    const known = this.modules.get(path);
    if (known === 'pending') return undefined;
    if (known) return known;
    const file = this.taintFile(path);
    if (!file) return undefined;
    this.modules.set(path, 'pending');
    const module = new Interpreter(this, { file, body: file.facts.program, mode: 'module', depth: 0 });
    try {
      module.run();
    } finally {
      this.modules.delete(path);
    }
    this.modules.set(path, module);
    return module;
  }

  moduleValue(file: string, name: string): Value | undefined {
    const module = this.moduleOf(file);
    const own = module?.env.get(name);
    const written = this.moduleWrites.get(file)?.get(name);
    if (own && written) return joinValues(own, written);
    return own ?? written;
  }

  noteModuleWrite(file: string, name: string, value: Value): void {
    const writes = memoized(this.moduleWrites, file, () => new Map<string, Value>());
    const previous = writes.get(name);
    const next = previous ? joinValues(previous, value) : value;
    if (!previous || valueKey(next) !== valueKey(previous)) this.moduleWriteGeneration++;
    writes.set(name, next);
  }

  // ---------------------------------------------------------------- imports and exports

  resolveModule(file: string, specifier: string): string | undefined {
    return this.project?.lookup.resolveModule(file, specifier);
  }

  importedValue(file: string, localName: string): Value | undefined {
    const facts = this.taintFile(file)?.facts;
    const declarations = facts?.declarations.declarations.get(localName);
    const declaration = declarations?.length === 1 ? declarations[0] : undefined;
    if (declaration?.kind !== 'import') return undefined;
    const target = this.resolveModule(file, declaration.module);
    if (!target) return undefined;
    if (declaration.imported === '*') return { taint: TaintSet.EMPTY, namespace: target };
    return this.exportedValue(target, declaration.imported);
  }

  exportedValue(file: string, exportName: string): Value | undefined {
    const binding = this.project?.lookup.exportBinding(file, exportName);
    return binding ? this.bindingValue(binding) : undefined;
  }

  private bindingValue(binding: ExportBinding): Value | undefined {
    if (binding.kind === 'namespace') return { taint: TaintSet.EMPTY, namespace: binding.file };
    const file = this.taintFile(binding.file);
    if (!file) return undefined;
    if (binding.kind === 'local') {
      const scope = scopeOf(file.facts.program);
      const fn = scope.functions.get(binding.name);
      if (fn) return { taint: TaintSet.EMPTY, functions: [{ file: binding.file, node: fn }] };
      const cls = scope.classes.get(binding.name);
      if (cls) return { taint: TaintSet.EMPTY, classes: [{ file: binding.file, node: cls }] };
      return this.moduleValue(binding.file, binding.name) ?? this.importedValue(binding.file, binding.name);
    }
    const node = binding.node;
    if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') {
      return { taint: TaintSet.EMPTY, functions: [{ file: binding.file, node }] };
    }
    if (node.type === 'ClassExpression' || node.type === 'ClassDeclaration') return { taint: TaintSet.EMPTY, classes: [{ file: binding.file, node }] };
    if (node.type === 'Identifier') return this.moduleValue(binding.file, node.name) ?? this.bindingValue({ kind: 'local', file: binding.file, name: node.name });
    return this.moduleOf(binding.file)?.valueOfNode(node) ?? CLEAN;
  }

  // ---------------------------------------------------------------- classes

  classNamed(file: string, name: string): ClassRef | undefined {
    const facts = this.taintFile(file)?.facts;
    if (!facts) return undefined;
    const local = scopeOf(facts.program).classes.get(name);
    if (local) return { file, node: local };
    return this.importedValue(file, name)?.classes?.[0];
  }

  superclassOf(cls: ClassRef): ClassRef | undefined {
    const parent = cls.node.superClass;
    return parent?.type === 'Identifier' ? this.classNamed(cls.file, parent.name) : undefined;
  }

  private readonly fieldWrites = new Map<ClassNode, Map<string, Value>>();
  private readonly fieldTypes = new Map<ClassNode, Map<string, ClassRef | null>>();
  /** Bumped whenever a method stores taint in a field that was not there: the file's methods then run again. */
  fieldGeneration = 0;

  /** What the class's methods store in a field from a source (so far, field by field), and the type its declaration gives it. */
  classFieldValue(cls: ClassRef, field: string): Value {
    const types = memoized(this.fieldTypes, cls.node, () => new Map<string, ClassRef | null>());
    if (!types.has(field)) types.set(field, this.declaredFieldType(cls, field) ?? null);
    const declared = types.get(field);
    const stored = this.fieldWrites.get(cls.node)?.get(field) ?? CLEAN;
    return declared ? { ...stored, instanceOf: [declared] } : stored;
  }

  noteFieldWrite(cls: ClassRef, field: string, value: Value): void {
    const concrete = concreteTaintOf(value);
    if (isClean(concrete)) return;
    const fields = memoized(this.fieldWrites, cls.node, () => new Map<string, Value>());
    const previous = fields.get(field) ?? CLEAN;
    const next = joinValues(previous, concrete);
    if (valueKey(next) === valueKey(previous)) return;
    fields.set(field, next);
    this.fieldGeneration++;
  }

  /** Forgets the summaries of these functions, so that they run again with what is known now. */
  forget(functions: readonly FunctionRef[]): void {
    // Unfinished summaries may have read the forgotten ones.
    this.reusable.clear();
    for (const fn of functions) {
      for (const key of this.summaryKeys.get(functionKey(fn)) ?? []) this.summaries.delete(key);
      this.summaryKeys.delete(functionKey(fn));
    }
  }

  private declaredFieldType(cls: ClassRef, field: string): ClassRef | undefined {
    for (const member of cls.node.body.body) {
      if (member.type === 'PropertyDefinition' && classMemberName(member) === field) return this.typeNamed(cls.file, member.typeAnnotation?.typeAnnotation);
      if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== 'TSParameterProperty') continue;
          const target = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
          if (target.type === 'Identifier' && target.name === field) return this.typeNamed(cls.file, target.typeAnnotation?.typeAnnotation);
        }
      }
    }
    return undefined;
  }

  private typeNamed(file: string, annotation: TSESTree.TypeNode | undefined): ClassRef | undefined {
    return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' ? this.classNamed(file, annotation.typeName.name) : undefined;
  }

  // ---------------------------------------------------------------- findings

  report(finding: TaintFinding): void {
    // taint_unify_mvars: a metavariable bound by both the source and the sink must bind the same code.
    if (this.spec.options.unifyMetavariables) {
      for (const [name, binding] of Object.entries(finding.sourceBindings)) {
        const other = finding.sink.bindings[name];
        if (other && !sameCode(binding, other)) return;
      }
    }
    // One finding per source and report site: two sinks reached through one call (a wrapper that logs twice, a client that is a sink itself and calls one) are one place to fix.
    const key = `${finding.taint.origin.key}|${finding.taint.label}|${finding.reportAt.file}:${finding.reportAt.range.join('-')}`;
    const existing = this.findings.get(key);
    if (existing) {
      if (this.drained.has(key) || (existing.taint.trace?.length ?? 0) <= (finding.taint.trace?.length ?? 0)) return;
    } else this.fresh.push(key);
    this.findings.set(key, finding);
  }

  private readonly drained = new Set<string>();

  /** The findings made since the last call, in the order they were first found. */
  drainFindings(): TaintFinding[] {
    const out = this.fresh.map((key) => this.findings.get(key)!);
    for (const key of this.fresh) this.drained.add(key);
    this.fresh = [];
    return out;
  }

  notice(kind: TaintLimitNotice['kind'], file: string, message: string): void {
    if (!this.notices.some((notice) => notice.kind === kind && notice.file === file)) this.notices.push({ kind, file, message });
  }
}

/** A value's concrete taint, field by field (a class field keeps the shape of what is stored in it). */
function concreteTaintOf(value: Value, depth = 0): Value {
  const taint = value.taint.filter((item) => !isSymbolic(item));
  if (!value.fields || depth > MAX_DEPTH) return valueOf(taint);
  const fields = new Map<string, Value>();
  for (const [name, field] of value.fields) {
    const concrete = concreteTaintOf(field, depth + 1);
    if (!isClean(concrete)) fields.set(name, field.exact ? { ...concrete, exact: true } : concrete);
  }
  return objectValue(fields, taint);
}

/** The identifier-like words of a text: what a rule's prefilter asks of a file, read without parsing it. */
function textWords(text: string): Set<string> {
  const known = wordsByText.get(text);
  if (known) return known;
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
  if (wordsByText.size >= MAX_WORD_SETS) wordsByText.delete(wordsByText.keys().next().value!);
  wordsByText.set(text, words);
  return words;
}

/** Every taint rule asks for the words of the same files: they are read once for all rules. */
const wordsByText = new Map<string, Set<string>>();
const MAX_WORD_SETS = 1024;

/** Module specifiers a file imports, requires or re-exports, read from its text. */
function importedSpecifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"]([^'"\n]+)['"]/g)].map((match) => match[1]!);
}

/** What a summary was computed from that may still change: unfinished summaries (by version), class fields and module variables. */
interface SummaryReads {
  versions: Map<string, number>;
  /** Functions in progress that it depended on (its recursion goes through them). */
  cycles: Set<string>;
  fieldGeneration: number;
  moduleWriteGeneration: number;
}

interface ReusableSummary {
  summary: Summary;
  version: number;
  reads: SummaryReads;
}

function functionKey(fn: FunctionRef): string {
  return `${fn.file}:${fn.node.range[0]}:${fn.node.range[1]}`;
}
