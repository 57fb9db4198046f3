import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classMemberName, FUNCTION_TYPES, jsxExpressions, memberPropertyName, parentOf, propertyKeyName, unwrap, type Node } from '../lang/ast.js';
import { isPrimitive } from '../lang/constants.js';
import type { FlowStep, FlowStepKind } from '../match/evidence.js';
import { construct, evaluateCall, invoke, opaque, runPendingClosures } from './calls.js';
import { Env } from './env.js';
import type { AnalysisHost, TaintFile } from './host.js';
import { scopeOf, type Body, type BodyScope } from './scope.js';
import { SpecEffects } from './spec-effects.js';
import { hoist, runBlock, type LoopFrame } from './statements.js';
import { type CallbackEffect, type Summary, type SymbolicInputs } from './summary.js';
import { inputTaint, TaintSet } from './taint.js';
import {
  carriesSomething, CLEAN, fieldOf, joinAll, joinValues, MAX_DEPTH, objectValue, pathOf, valueOf, wholeOf, wholeTaint, withStep,
  type ClassNode, type ClassRef, type FunctionNode, type FunctionRef, type Value,
} from './value.js';

/** How a body is run: for its summary (inputs symbolic), inline with the values a caller passes, or as a module's top level. */
export type AnalysisMode = 'summary' | 'inline' | 'module';

export interface AnalysisSetup {
  file: TaintFile;
  /** A function, the module, or a class (its implicit constructor: field initialisers only). */
  body: Body | ClassNode;
  mode: AnalysisMode;
  owner?: ClassRef;
  /** Summary: the inputs that stand for what callers pass (default all); the others carry nothing. */
  symbolic?: SymbolicInputs;
  /** Inline: the values passed in; `this` for methods and callbacks. */
  args?: readonly Value[];
  thisValue?: Value;
  /** Inline: the enclosing analysis (for captured variables) and what it knew where the function was defined. */
  parent?: Interpreter;
  closure?: Env;
  /** Inline analyses nested in each other, bounded. */
  depth: number;
}

/** A closure defined while a function runs, with what it captured. */
export interface Closure {
  ref: FunctionRef;
  env: Env;
}

/**
 * The abstract interpreter: runs one function body (or a module's top level) over taint values,
 * flow-sensitively, and collects what it does in terms of its inputs (docs/rules.md §10.2).
 * Expressions, variables and field paths are here; statements (statements.ts), calls (calls.ts)
 * and what the rule's specs do where they match (spec-effects.ts) work on its state, which is
 * therefore readable by those modules rather than private.
 */
export class Interpreter {
  env = Env.empty();
  returned: Value = CLEAN;
  readonly specs: SpecEffects = new SpecEffects(this);
  readonly callbackEffects: CallbackEffect[] = [];
  readonly closures: Closure[] = [];
  readonly analysedClosures = new Set<FunctionNode>();
  readonly loops: LoopFrame[] = [];
  /** What each enclosing `try` block throws. */
  readonly thrown: Value[][] = [];
  readonly file: TaintFile;
  readonly host: AnalysisHost;
  thisValue: Value = CLEAN;
  /** The last value of each node (for propagators, whose `from` was evaluated before their match ends). */
  private readonly values = new Map<Node, Value>();
  /** Inputs reassigned as a whole: their later field writes no longer reach the caller's object. */
  private readonly detachedInputs = new Set<string>();
  private readonly inputNames = new Map<string, number>();

  constructor(
    host: AnalysisHost,
    readonly setup: AnalysisSetup,
  ) {
    this.host = host;
    this.file = setup.file;
  }

  /** Runs the body and returns its summary (inline and module runs return what they computed too). */
  run(): Summary {
    const body = this.setup.body;
    this.thisValue = this.initialThis();
    if (body.type === 'ClassDeclaration' || body.type === 'ClassExpression') {
      this.runFieldInitializers(body);
    } else if (body.type === 'Program') {
      hoist(this, body.body);
      runBlock(this, body.body);
    } else {
      this.bindParameters(body);
      if (this.isConstructor(body) && this.setup.owner) this.runFieldInitializers(this.setup.owner.node);
      if (body.body?.type === 'BlockStatement') {
        hoist(this, body.body.body);
        runBlock(this, body.body.body);
      } else if (body.body) {
        this.returned = joinValues(this.returned, this.evaluate(body.body));
      }
    }
    runPendingClosures(this);
    return this.summary();
  }

  private summary(): Summary {
    const inputWrites = new Map<number | 'this', Value>();
    if (this.setup.mode === 'summary') {
      for (const [name, index] of this.inputNames) {
        const value = this.env.get(name);
        if (value?.fields && !this.detachedInputs.has(name)) this.noteInputWrites(inputWrites, index, value.fields);
      }
      const thisValue = this.env.get('this');
      if (thisValue?.fields) this.noteInputWrites(inputWrites, 'this', thisValue.fields);
      const owner = this.setup.owner;
      if (owner) for (const [field, value] of thisValue?.fields ?? []) this.host.noteFieldWrite(owner, field, value);
    }
    return { returns: this.returned, sinks: this.specs.effects, inputWrites, callbacks: this.callbackEffects };
  }

  /** The fields written to an input; to an input that carried nothing, only those that now carry something matter. */
  private noteInputWrites(writes: Map<number | 'this', Value>, input: number | 'this', fields: ReadonlyMap<string, Value>): void {
    const kept = this.inputsSymbolic ? fields : new Map([...fields].filter(([, value]) => carriesSomething(value)));
    if (kept.size > 0) writes.set(input, { taint: TaintSet.EMPTY, fields: kept });
  }

  // ---------------------------------------------------------------- inputs

  private initialThis(): Value {
    const owner = this.setup.owner;
    if (this.setup.thisValue) return this.setup.thisValue;
    if (this.setup.mode === 'summary' && owner && this.inputsSymbolic) {
      return { taint: TaintSet.of(inputTaint('this', [])), input: { input: 'this', path: [] }, instanceOf: [owner] };
    }
    return owner ? { taint: TaintSet.EMPTY, instanceOf: [owner] } : CLEAN;
  }

  private bindParameters(fn: FunctionNode): void {
    fn.params.forEach((param, index) => {
      const target = param.type === 'TSParameterProperty' ? param.parameter : param;
      let value: Value;
      if (this.setup.mode === 'inline') {
        const args = this.setup.args ?? [];
        value = target.type === 'RestElement' ? valueOf(wholeOf(args.slice(index))) : (args[index] ?? CLEAN);
      } else if (this.inputsSymbolic) {
        const path = target.type === 'RestElement' ? ['…rest'] : [];
        value = { taint: TaintSet.of(inputTaint(index, path)), input: { input: index, path } };
      } else {
        value = CLEAN;
      }
      const declared = this.declaredType(target);
      if (declared) value = { ...value, instanceOf: [declared] };
      // A parameter may itself be a source (`pattern-inside: function $F($X) …` with focus on $X).
      value = this.specs.applySources(target.type === 'AssignmentPattern' ? target.left : target, value);
      if (target.type === 'Identifier') this.inputNames.set(target.name, index);
      this.assignPattern(target, value);
      if (param.type === 'TSParameterProperty') {
        const name = target.type === 'AssignmentPattern' ? target.left : target;
        if (name.type === 'Identifier') this.writeThisField([name.name], this.env.get(name.name) ?? value);
      }
    });
  }

  /** Whether inputs stand for what callers pass (else they carry nothing). */
  private get inputsSymbolic(): boolean {
    return (this.setup.symbolic ?? 'all') === 'all';
  }

  /** `(svc: KeyService)`: an annotation naming a project class says whose methods calls on it reach. */
  private declaredType(target: Node): ClassRef | undefined {
    const annotation = (target as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return undefined;
    return this.host.classNamed(this.file.path, annotation.typeName.name);
  }

  private isConstructor(fn: FunctionNode): boolean {
    const parent = parentOf(fn);
    return parent?.type === 'MethodDefinition' && parent.kind === 'constructor';
  }

  /** Field initialisers run at the start of the constructor: `key = generateKey();`, `#cache = new Map()`. */
  private runFieldInitializers(cls: ClassNode): void {
    for (const member of cls.body.body) {
      if (member.type !== 'PropertyDefinition' || member.static || !member.value) continue;
      const name = classMemberName(member);
      if (name === undefined) continue;
      const value = this.evaluate(member.value);
      this.writeThisField([name], value);
    }
  }

  // ---------------------------------------------------------------- expressions

  /** The value of an expression, with its effects on the environment; sources, sanitizers, propagators and sinks apply here. */
  evaluate(expression: Node): Value {
    this.host.spend(1);
    const value = this.specs.around(expression, () => this.compute(expression));
    this.values.set(expression, value);
    return value;
  }

  private compute(node: Node): Value {
    switch (node.type) {
      case 'Identifier':
        return this.readVariable(node.name);
      case 'ThisExpression':
        return this.thisValue;
      case 'Literal':
        return CLEAN;
      case 'TemplateLiteral':
        return joinAll(node.expressions.map((part) => valueOf(wholeTaint(this.evaluate(part)))));
      case 'TaggedTemplateExpression':
        return evaluateCall(this, node, node.tag, node.quasi.expressions);
      case 'MemberExpression':
        return this.member(node);
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        return this.evaluate(node.expression);
      case 'AwaitExpression':
        return this.evaluate(node.argument);
      case 'CallExpression':
        return evaluateCall(this, node, node.callee, node.arguments);
      case 'NewExpression':
        return construct(this, node);
      case 'AssignmentExpression':
        return this.assignment(node);
      case 'BinaryExpression': {
        const left = node.left.type === 'PrivateIdentifier' ? CLEAN : this.evaluate(node.left);
        const right = this.evaluate(node.right);
        if (COMPARISONS.has(node.operator) && (this.host.spec.options.assumeSafeBooleans || this.host.spec.options.assumeSafeComparisons)) return CLEAN;
        if (node.operator !== '+' && this.host.spec.options.assumeSafeNumbers) return CLEAN;
        return this.propagated(valueOf(wholeTaint(left).union(wholeTaint(right))));
      }
      case 'LogicalExpression': {
        const left = this.evaluate(node.left);
        const right = this.evaluate(node.right);
        // `a && b` is `a` only when `a` is falsy (null, undefined, '', 0, false), which holds nothing of a secret.
        return node.operator === '&&' ? right : joinValues(left, right);
      }
      case 'ConditionalExpression': {
        this.evaluate(node.test);
        return joinValues(this.evaluate(node.consequent), this.evaluate(node.alternate));
      }
      case 'UnaryExpression': {
        const operand = this.evaluate(node.argument);
        if (node.operator === 'void' || node.operator === 'delete') return CLEAN;
        if (node.operator === '!' && this.host.spec.options.assumeSafeBooleans) return CLEAN;
        return this.propagated(valueOf(wholeTaint(operand)));
      }
      case 'UpdateExpression':
        return this.evaluate(node.argument);
      case 'SequenceExpression': {
        let last = CLEAN;
        for (const expression of node.expressions) last = this.evaluate(expression);
        return last;
      }
      case 'ArrayExpression':
        return joinAll(node.elements.map((element) => (element ? valueOf(wholeTaint(this.evaluate(element.type === 'SpreadElement' ? element.argument : element))) : CLEAN)));
      case 'ObjectExpression':
        return this.object(node);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.functionValue(node);
      case 'ClassExpression':
        return { taint: TaintSet.EMPTY, classes: [{ file: this.file.path, node }] };
      case 'YieldExpression': {
        const value = node.argument ? this.evaluate(node.argument) : CLEAN;
        this.returned = joinValues(this.returned, value);
        return CLEAN;
      }
      case 'ImportExpression': {
        this.evaluate(node.source);
        const target = node.source.type === 'Literal' && typeof node.source.value === 'string' ? this.host.resolveModule(this.file.path, node.source.value) : undefined;
        return target ? { taint: TaintSet.EMPTY, namespace: target } : CLEAN;
      }
      case 'JSXElement':
      case 'JSXFragment':
        return joinAll(jsxExpressions(node).map((expression) => this.evaluate(expression)));
      default:
        return CLEAN;
    }
  }

  /** Unknown operations keep their operands' taint, unless the rule says taint only flows through assignments. */
  private propagated(value: Value): Value {
    return this.host.spec.options.onlyPropagateThroughAssignments ? CLEAN : value;
  }

  /**
   * `o.a.b` reads field by field, each prefix evaluated as an expression of its own, so that a
   * source, sanitizer or sink matched on a prefix (`req.query` in `req.query.id`) applies.
   */
  private member(node: TSESTree.MemberExpression): Value {
    const imported = this.namespaceMember(node);
    if (imported) return imported;
    const key = this.memberKey(node);
    // `this.f`: a field the function has not assigned yet holds what the class's methods store there.
    if (key !== undefined && unwrap(node.object).type === 'ThisExpression') {
      this.evaluate(node.object);
      return this.readPath('this', [key]);
    }
    const object = node.object.type === 'Super' ? this.superValue() : this.evaluate(node.object);
    if (key !== undefined) return this.field(object, key);
    const index = node.computed ? this.evaluate(node.property) : CLEAN;
    const indexTaint = this.host.spec.options.assumeSafeIndexes ? TaintSet.EMPTY : wholeTaint(index);
    return valueOf(wholeTaint(object).union(indexTaint));
  }

  /** `ns.fn` after `import * as ns from './lib'` is lib's export `fn`. */
  namespaceMember(node: TSESTree.MemberExpression): Value | undefined {
    const object = unwrap(node.object);
    const key = this.memberKey(node);
    if (object.type !== 'Identifier' || key === undefined || this.env.has(object.name)) return undefined;
    const declaration = this.file.facts.declarations.declarations.get(object.name);
    const only = declaration?.length === 1 ? declaration[0] : undefined;
    if (only?.kind !== 'import' || only.imported !== '*') return undefined;
    const target = this.host.resolveModule(this.file.path, only.module);
    return target ? this.host.exportedValue(target, key) : undefined;
  }

  memberKey(node: TSESTree.MemberExpression): string | undefined {
    if (node.property.type === 'PrivateIdentifier') return `#${node.property.name}`;
    const name = memberPropertyName(node);
    if (name !== undefined) return name;
    if (!node.computed) return undefined;
    const constant = this.file.facts.constants.valueOf(node.property);
    return constant && isPrimitive(constant.value) && constant.value !== null ? String(constant.value) : undefined;
  }

  private object(node: TSESTree.ObjectExpression): Value {
    const fields = new Map<string, Value>();
    let taint = TaintSet.EMPTY;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.evaluate(property.argument);
        taint = taint.union(spread.taint);
        for (const [name, field] of spread.fields ?? []) fields.set(name, field);
        continue;
      }
      const key = property.computed ? this.constantKey(property.key) : propertyKeyName(property);
      if (property.computed) this.evaluate(property.key);
      const value = this.evaluate(property.value);
      if (key === undefined) taint = taint.union(wholeTaint(value));
      else fields.set(key, value);
    }
    return objectValue(fields, taint);
  }

  private constantKey(node: Node): string | undefined {
    const constant = this.file.facts.constants.valueOf(node);
    return constant && isPrimitive(constant.value) && constant.value !== null ? String(constant.value) : undefined;
  }

  functionValue(node: FunctionNode): Value {
    const ref: FunctionRef = { file: this.file.path, node, ...(this.setup.owner && node.type === 'ArrowFunctionExpression' ? { owner: this.setup.owner } : {}) };
    // Functions of the module's top level are summarised on their own; closures are run where they are used.
    if (this.setup.mode === 'module' && this.isTopLevel(node)) return { taint: TaintSet.EMPTY, functions: [ref] };
    let closure = this.closures.find((candidate) => candidate.ref.node === node);
    if (!closure) {
      closure = { ref: { ...ref, closure: this }, env: this.env.clone() };
      this.closures.push(closure);
    }
    return { taint: TaintSet.EMPTY, functions: [closure.ref] };
  }

  private isTopLevel(node: Node): boolean {
    for (let current = parentOf(node); current; current = parentOf(current)) {
      if (FUNCTION_TYPES.has(current.type)) return false;
    }
    return true;
  }

  private assignment(node: TSESTree.AssignmentExpression): Value {
    const right = this.evaluate(node.right);
    let value = right;
    if (node.operator !== '=') {
      const current = this.evaluateTarget(node.left);
      value = node.operator === '&&=' || node.operator === '||=' || node.operator === '??=' ? joinValues(current, right) : valueOf(wholeTaint(current).union(wholeTaint(right)));
    }
    this.assignPattern(node.left, withStep(value, this.step('assignment', node.left, `assigned to ${this.text(node.left, 40)}`)));
    return value;
  }

  evaluateTarget(target: Node): Value {
    const path = this.accessPath(target);
    return path ? this.readPath(path.root, path.fields) : CLEAN;
  }

  // ---------------------------------------------------------------- variables and paths

  /** A variable's value where it is read: this function's own, else captured, module-level, imported or global. */
  readVariable(name: string): Value {
    if (name === 'undefined') return CLEAN;
    return this.env.get(name) ?? this.outside(name);
  }

  /** What a variable this function has not assigned holds: a declaration here, a captured variable, a module variable or an import. */
  outside(name: string): Value {
    const scope = this.bodyScope();
    if (scope.locals.has(name)) {
      const fn = scope.functions.get(name);
      if (fn) return this.functionValue(fn);
      const cls = scope.classes.get(name);
      if (cls) return { taint: TaintSet.EMPTY, classes: [{ file: this.file.path, node: cls }] };
      return CLEAN;
    }
    if (this.setup.mode === 'inline' && this.setup.closure) {
      const captured = this.setup.closure.get(name);
      if (captured) return captured;
      if (this.setup.parent) return this.setup.parent.outside(name);
    }
    if (this.setup.mode !== 'module') {
      const moduleScope = scopeOf(this.file.facts.program);
      if (moduleScope.locals.has(name)) {
        const fn = moduleScope.functions.get(name);
        if (fn) return { taint: TaintSet.EMPTY, functions: [{ file: this.file.path, node: fn }] };
        const cls = moduleScope.classes.get(name);
        if (cls) return { taint: TaintSet.EMPTY, classes: [{ file: this.file.path, node: cls }] };
        return this.host.moduleValue(this.file.path, name) ?? CLEAN;
      }
    }
    return this.host.importedValue(this.file.path, name) ?? CLEAN;
  }

  private bodyScope(): BodyScope {
    const body = this.setup.body;
    return body.type === 'ClassDeclaration' || body.type === 'ClassExpression' ? NO_SCOPE : scopeOf(body);
  }

  private readPath(root: string, fields: readonly string[]): Value {
    if (root === 'this') {
      const own = this.env.get('this');
      const base = own ?? this.thisValue;
      const value = pathOf(base, fields);
      const owner = this.setup.owner;
      if (owner && fields.length > 0 && !own?.fields?.has(fields[0]!)) return joinValues(value, pathOf(this.host.classFieldValue(owner, fields[0]!), fields.slice(1)));
      return value;
    }
    return this.fieldPath(this.readVariable(root), fields);
  }

  /** A field of a value; a module namespace's fields are the module's exports. */
  field(value: Value, key: string): Value {
    if (value.namespace) return this.host.exportedValue(value.namespace, key) ?? CLEAN;
    return fieldOf(value, key);
  }

  private fieldPath(value: Value, fields: readonly string[]): Value {
    return fields.reduce((current, key) => this.field(current, key), value);
  }

  /** `x`, `this.a.b`, `x['k']` (constant keys): a variable and a field path, or undefined for other expressions. */
  accessPath(node: Node): { root: string; fields: string[] } | undefined {
    const target = unwrap(node);
    if (target.type === 'Identifier') return { root: target.name, fields: [] };
    if (target.type === 'ThisExpression') return { root: 'this', fields: [] };
    if (target.type !== 'MemberExpression') return undefined;
    const key = this.memberKey(target);
    if (key === undefined) return undefined;
    const base = this.accessPath(target.object);
    if (!base) return undefined;
    return { root: base.root, fields: [...base.fields, key].slice(0, MAX_DEPTH + 1) };
  }

  /** Assigns a value to a binding pattern or an assignment target. */
  assignPattern(pattern: Node, value: Value): void {
    switch (pattern.type) {
      case 'Identifier':
        this.writeVariable(pattern.name, value);
        return;
      case 'MemberExpression': {
        const path = this.accessPath(pattern);
        if (!path) {
          // `a[i] = v`: arrays and maps are one value, element-insensitive.
          const object = this.accessPath(pattern.object);
          if (pattern.computed) this.evaluate(pattern.property);
          if (object) this.writePath(object.root, object.fields, valueOf(wholeTaint(value)), false);
          else this.evaluate(pattern.object);
          return;
        }
        // The target's object is read to reach the field: a source or sanitizer on it applies.
        if (pattern.object.type !== 'ThisExpression') this.evaluate(pattern.object);
        this.writePath(path.root, path.fields, value, true);
        return;
      }
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            this.assignPattern(property.argument, value);
            continue;
          }
          const key = property.computed ? this.constantKey(property.key) : propertyKeyName(property);
          this.assignPattern(property.value, key === undefined ? valueOf(wholeTaint(value)) : this.field(value, key));
        }
        return;
      case 'ArrayPattern': {
        const element = valueOf(wholeTaint(value));
        for (const item of pattern.elements) if (item) this.assignPattern(item, item.type === 'RestElement' ? value : element);
        return;
      }
      case 'AssignmentPattern':
        this.assignPattern(pattern.left, joinValues(value, this.evaluate(pattern.right)));
        return;
      case 'RestElement':
        this.assignPattern(pattern.argument, value);
        return;
      case 'TSParameterProperty':
        this.assignPattern(pattern.parameter, value);
        return;
      default:
        return;
    }
  }

  private writeVariable(name: string, value: Value): void {
    if (this.inputNames.has(name) && this.env.has(name)) this.detachedInputs.add(name);
    this.env.set(name, value);
    if (!this.bodyScope().locals.has(name) && this.setup.mode !== 'module' && scopeOf(this.file.facts.program).locals.has(name)) {
      this.host.noteModuleWrite(this.file.path, name, value);
    }
  }

  writePath(root: string, fields: readonly string[], value: Value, strong: boolean): void {
    if (fields.length === 0) {
      if (root === 'this') return;
      if (strong) this.writeVariable(root, value);
      else this.env.set(root, joinValues(this.readVariable(root), value));
      return;
    }
    if (root === 'this') return this.writeThisField(fields, value, strong);
    this.env.write(root, fields, value, strong, () => this.readVariable(root));
    if (!this.bodyScope().locals.has(root) && this.setup.mode !== 'module' && scopeOf(this.file.facts.program).locals.has(root)) {
      this.host.noteModuleWrite(this.file.path, root, this.env.get(root)!);
    }
  }

  writeThisField(fields: readonly string[], value: Value, strong = true): void {
    this.env.write('this', fields, value, strong, () => this.thisValue);
  }

  // ---------------------------------------------------------------- helpers

  /** `super` as a value: this object, seen through the parent class. */
  superValue(): Value {
    return this.env.get('this') ?? this.thisValue;
  }

  /** For built-ins that call back into project code (`then`, `map`, `call`). */
  invoke(target: FunctionRef, args: readonly Value[], thisValue: Value, node: Node, argumentNodes: readonly Node[]): Value {
    return invoke(this, target, args, thisValue, node, argumentNodes);
  }

  opaque(receiver: Value | undefined, args: readonly Value[]): Value {
    return opaque(this, receiver, args);
  }

  /** The value a node had when this run last evaluated it (module runs answer for exported expressions). */
  valueOfNode(node: Node): Value | undefined {
    return this.values.get(node);
  }

  resolveModule(specifier: string): string | undefined {
    return this.host.resolveModule(this.file.path, specifier);
  }

  step(kind: FlowStepKind, node: { range: readonly [number, number] }, note: string): FlowStep {
    return { kind, file: this.file.path, range: node.range, note };
  }

  text(node: { range: readonly [number, number] }, max: number): string {
    const text = this.file.facts.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
  }
}

/** A class body run as its implicit constructor declares nothing of its own. */
const NO_SCOPE: BodyScope = { locals: new Set(), functions: new Map(), classes: new Map() };

const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);
