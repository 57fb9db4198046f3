import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { FUNCTION_TYPES, memberPropertyName, parentOf, propertyKeyName, unwrap, type Node } from '../lang/ast.js';
import { isPrimitive } from '../lang/constants.js';
import { statementExpressions } from '../lang/statements.js';
import type { FlowStep, FlowStepKind } from '../match/evidence.js';
import { callBuiltin } from './builtins.js';
import { Env } from './env.js';
import type { AnalysisHost, TaintFile } from './host.js';
import { DEFAULT_LABEL, labelsHold, type LabelFormula } from './labels.js';
import { scopeOf, type Body, type BodyScope } from './scope.js';
import type { SpecMatch } from './spec-matches.js';
import { type CallbackEffect, type SinkEffect, type SinkSite, type Site, type Summary } from './summary.js';
import { appendSteps, extendTrace, inputOrigin, TaintSet, traceSteps, type SourceOrigin, type Taint } from './taint.js';
import {
  CLEAN, fieldOf, joinAll, joinValues, MAX_DEPTH, objectValue, pathOf, valueOf, wholeTaint, withStep, withTaint, writePath,
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
interface Closure {
  ref: FunctionRef;
  env: Env;
}

interface LoopFrame {
  breaks: Env[];
  continues: Env[];
}

const MAX_INLINE_DEPTH = 3;
const MAX_LOOP_ROUNDS = 12;
/** Names a call's note uses for a function. */
const ANONYMOUS = 'an anonymous function';

/**
 * The abstract interpreter: runs one function body (or a module's top level) over taint values,
 * flow-sensitively, and collects what it does in terms of its inputs (docs/rules.md §10.2).
 */
export class Interpreter {
  env = Env.empty();
  private returned: Value = CLEAN;
  /** The sinks the function's inputs reach, one per sink and report site (their taints joined). */
  private readonly sinkEffects = new Map<string, SinkEffect>();
  readonly callbackEffects: CallbackEffect[] = [];
  private readonly closures: Closure[] = [];
  private readonly analysedClosures = new Set<FunctionNode>();
  /** The last value of each node (for propagators, whose `from` was evaluated before their match ends). */
  private readonly values = new Map<Node, Value>();
  private readonly loops: LoopFrame[] = [];
  private readonly thrown: Value[][] = [];
  /** Inputs reassigned as a whole: their later field writes no longer reach the caller's object. */
  private readonly detachedInputs = new Set<string>();
  private readonly inputNames = new Map<string, number>();
  private readonly file: TaintFile;
  private readonly host: AnalysisHost;
  private thisValue: Value = CLEAN;

  constructor(
    host: AnalysisHost,
    private readonly setup: AnalysisSetup,
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
      this.hoist(body.body);
      this.block(body.body);
    } else {
      this.bindParameters(body);
      if (this.isConstructor(body) && this.setup.owner) this.runFieldInitializers(this.setup.owner.node);
      if (body.body?.type === 'BlockStatement') {
        this.hoist(body.body.body);
        this.block(body.body.body);
      } else if (body.body) {
        this.returned = joinValues(this.returned, this.evaluate(body.body));
      }
    }
    this.runPendingClosures();
    return this.summary();
  }

  private summary(): Summary {
    const inputWrites = new Map<number | 'this', Value>();
    if (this.setup.mode === 'summary') {
      for (const [name, index] of this.inputNames) {
        const value = this.env.get(name);
        if (value?.fields && !this.detachedInputs.has(name)) inputWrites.set(index, { taint: TaintSet.EMPTY, fields: value.fields });
      }
      const thisValue = this.env.get('this');
      if (thisValue?.fields) inputWrites.set('this', { taint: TaintSet.EMPTY, fields: thisValue.fields });
      const owner = this.setup.owner;
      if (owner) for (const [field, value] of thisValue?.fields ?? []) this.host.noteFieldWrite(owner, field, value);
    }
    return { returns: this.returned, sinks: [...this.sinkEffects.values()], inputWrites, callbacks: this.callbackEffects };
  }

  // ---------------------------------------------------------------- inputs

  private initialThis(): Value {
    const owner = this.setup.owner;
    if (this.setup.thisValue) return this.setup.thisValue;
    if (this.setup.mode === 'summary' && owner) {
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
      } else {
        const path = target.type === 'RestElement' ? ['…rest'] : [];
        value = { taint: TaintSet.of(inputTaint(index, path)), input: { input: index, path } };
      }
      const declared = this.declaredType(target);
      if (declared) value = { ...value, instanceOf: [declared] };
      // A parameter may itself be a source (`pattern-inside: function $F($X) …` with focus on $X).
      value = this.applySources(target.type === 'AssignmentPattern' ? target.left : target, value);
      if (target.type === 'Identifier') this.inputNames.set(target.name, index);
      this.assignPattern(target, value);
      if (param.type === 'TSParameterProperty') {
        const name = target.type === 'AssignmentPattern' ? target.left : target;
        if (name.type === 'Identifier') this.writeThisField([name.name], this.env.get(name.name) ?? value);
      }
    });
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
      const name = memberName(member);
      if (name === undefined) continue;
      const value = this.evaluate(member.value);
      this.writeThisField([name], value);
    }
  }

  // ---------------------------------------------------------------- statements

  /** Function and class declarations are usable before their statement runs. */
  private hoist(statements: readonly Node[]): void {
    for (const statement of statements) {
      const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) this.env.set(declaration.id.name, this.functionValue(declaration));
    }
  }

  private block(statements: readonly Node[]): void {
    for (const statement of statements) {
      if (!this.env.reachable) return;
      this.statement(statement);
    }
  }

  private statement(node: Node): void {
    this.host.spend(1);
    switch (node.type) {
      case 'ExpressionStatement':
        this.evaluate(node.expression);
        return;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          const value = declarator.init ? this.evaluate(declarator.init) : CLEAN;
          this.assignPattern(declarator.id, declarator.init ? withStep(value, this.step('assignment', declarator.id, `assigned to ${this.text(declarator.id, 40)}`)) : value);
        }
        this.checkStatementSinks(node);
        return;
      case 'ReturnStatement': {
        const value = node.argument ? withStep(this.evaluate(node.argument), this.step('return', node.argument, 'returned here')) : CLEAN;
        this.checkStatementSinks(node);
        this.returned = joinValues(this.returned, value);
        this.env.reachable = false;
        return;
      }
      case 'ThrowStatement': {
        const value = this.evaluate(node.argument);
        this.checkStatementSinks(node);
        this.thrown.at(-1)?.push(value);
        this.env.reachable = false;
        return;
      }
      case 'BlockStatement':
      case 'StaticBlock':
        this.hoist(node.body);
        this.block(node.body);
        return;
      case 'IfStatement':
        return this.ifStatement(node);
      case 'ForStatement':
        if (node.init?.type === 'VariableDeclaration') this.statement(node.init);
        else if (node.init) this.evaluate(node.init);
        return this.loop(() => (node.test ? this.evaluate(node.test) : CLEAN), node.body, () => {
          if (node.update) this.evaluate(node.update);
        });
      case 'ForInStatement':
      case 'ForOfStatement': {
        const collection = this.evaluate(node.right);
        const element = node.type === 'ForInStatement' ? CLEAN : valueOf(wholeTaint(collection));
        return this.loop(
          () => {
            const target = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left;
            if (target) this.assignPattern(target, withStep(element, this.step('assignment', target, `element of ${this.text(node.right, 40)}`)));
            return CLEAN;
          },
          node.body,
        );
      }
      case 'WhileStatement':
        return this.loop(() => this.evaluate(node.test), node.body);
      case 'DoWhileStatement':
        this.statement(node.body);
        return this.loop(() => this.evaluate(node.test), node.body);
      case 'TryStatement':
        return this.tryStatement(node);
      case 'SwitchStatement':
        return this.switchStatement(node);
      case 'LabeledStatement':
        return this.statement(node.body);
      case 'BreakStatement':
        this.loops.at(-1)?.breaks.push(this.env.clone());
        this.env.reachable = false;
        return;
      case 'ContinueStatement':
        this.loops.at(-1)?.continues.push(this.env.clone());
        this.env.reachable = false;
        return;
      case 'FunctionDeclaration':
        if (node.id) this.env.set(node.id.name, this.functionValue(node));
        return;
      case 'ClassDeclaration':
        if (node.id) this.env.set(node.id.name, { taint: TaintSet.EMPTY, classes: [{ file: this.file.path, node }] });
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) this.statement(node.declaration);
        return;
      case 'ExportDefaultDeclaration': {
        const declaration = node.declaration;
        if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') {
          this.statement(declaration);
          if (declaration.id) this.env.set('default', this.env.get(declaration.id.name) ?? CLEAN);
          else this.env.set('default', declaration.type === 'ClassDeclaration' ? { taint: TaintSet.EMPTY, classes: [{ file: this.file.path, node: declaration }] } : this.functionValue(declaration));
        } else if (declaration.type !== 'TSInterfaceDeclaration' && declaration.type !== 'TSDeclareFunction' && declaration.type !== 'TSEnumDeclaration') {
          this.env.set('default', this.evaluate(declaration));
        }
        return;
      }
      case 'TSExportAssignment':
        this.env.set('default', this.evaluate(node.expression));
        return;
      default:
        // Imports, types, enums, empty statements, debugger: nothing flows.
        return;
    }
  }

  private ifStatement(node: TSESTree.IfStatement): void {
    this.evaluate(node.test);
    const before = this.env;
    this.env = before.clone();
    this.statement(node.consequent);
    const afterThen = this.env;
    this.env = before.clone();
    if (node.alternate) this.statement(node.alternate);
    this.env = Env.join([afterThen, this.env], (name) => this.outside(name));
  }

  /** A loop runs until what it knows stops changing (bounded rounds; the bound is never reached in practice: values only grow). */
  private loop(test: () => Value, body: Node, update?: () => void): void {
    const entry = this.env.clone();
    let head = entry;
    const frame: LoopFrame = { breaks: [], continues: [] };
    this.loops.push(frame);
    try {
      for (let round = 0; round < MAX_LOOP_ROUNDS; round++) {
        this.env = head.clone();
        test();
        const afterTest = this.env.clone();
        this.statement(body);
        this.env = Env.join([this.env, ...frame.continues], (name) => this.outside(name));
        frame.continues = [];
        if (update && this.env.reachable) update();
        const next = Env.join([entry, this.env], (name) => this.outside(name));
        const stable = next.key === head.key;
        head = next;
        if (stable) {
          this.env = Env.join([afterTest, ...frame.breaks], (name) => this.outside(name));
          return;
        }
      }
      this.env = Env.join([head, ...frame.breaks], (name) => this.outside(name));
    } finally {
      this.loops.pop();
    }
  }

  private tryStatement(node: TSESTree.TryStatement): void {
    const before = this.env.clone();
    this.thrown.push([]);
    this.statement(node.block);
    const thrown = this.thrown.pop()!;
    const afterTry = this.env;
    let afterCatch = Env.unreachable();
    if (node.handler) {
      this.env = Env.join([before, afterTry.reachable ? afterTry : before], (name) => this.outside(name));
      this.env.reachable = true;
      if (node.handler.param) this.assignPattern(node.handler.param, joinAll(thrown));
      this.statement(node.handler.body);
      afterCatch = this.env;
    }
    this.env = Env.join([afterTry, afterCatch], (name) => this.outside(name));
    if (node.finalizer) {
      const reachable = this.env.reachable;
      if (!reachable) this.env = Env.join([before, afterTry], (name) => this.outside(name));
      this.env.reachable = true;
      this.statement(node.finalizer);
      if (!reachable) this.env.reachable = false;
    }
  }

  private switchStatement(node: TSESTree.SwitchStatement): void {
    this.evaluate(node.discriminant);
    const before = this.env.clone();
    const frame: LoopFrame = { breaks: [], continues: [] };
    this.loops.push(frame);
    const ends: Env[] = [];
    let fallthrough = Env.unreachable();
    try {
      for (const switchCase of node.cases) {
        this.env = Env.join([before, fallthrough], (name) => this.outside(name));
        if (switchCase.test) this.evaluate(switchCase.test);
        this.block(switchCase.consequent);
        fallthrough = this.env;
      }
      ends.push(fallthrough);
      if (!node.cases.some((switchCase) => switchCase.test === null)) ends.push(before);
    } finally {
      this.loops.pop();
    }
    this.env = Env.join([...ends, ...frame.breaks], (name) => this.outside(name));
  }

  // ---------------------------------------------------------------- expressions

  /** The value of an expression, with its effects on the environment; sources, sanitizers, propagators and sinks apply here. */
  evaluate(expression: Node): Value {
    this.host.spend(1);
    const specs = this.host.spec.sanitizers;
    const sanitized = this.file.matches.sanitizers.containing(expression).filter((match) => !specs[match.spec]!.exact || rangesEqual(match, expression));
    let value: Value;
    if (sanitized.length > 0) {
      // Sanitized code is not checked for sinks, as in Semgrep: `sanitize(sink(t))` is no finding.
      this.sanitizedDepth++;
      try {
        value = this.sanitize(expression, this.compute(expression), sanitized);
      } finally {
        this.sanitizedDepth--;
      }
    } else {
      value = this.applySources(expression, this.compute(expression));
      value = this.applyPropagators(expression, value);
      if (this.sanitizedDepth === 0) this.checkSinks(expression, value);
    }
    this.values.set(expression, value);
    return value;
  }

  private sanitizedDepth = 0;

  private compute(node: Node): Value {
    switch (node.type) {
      case 'Identifier':
        return this.readVariable(node.name);
      case 'ThisExpression':
        return this.thisValue;
      case 'Literal':
        return CLEAN;
      case 'TemplateLiteral':
        return this.join(node.expressions.map((part) => valueOf(wholeTaint(this.evaluate(part)))));
      case 'TaggedTemplateExpression':
        return this.call(node, node.tag, node.quasi.expressions);
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
        return this.call(node, node.callee, node.arguments);
      case 'NewExpression':
        return this.construct(node);
      case 'AssignmentExpression':
        return this.assignment(node);
      case 'BinaryExpression': {
        const left = node.left.type === 'PrivateIdentifier' ? CLEAN : this.evaluate(node.left);
        const right = this.evaluate(node.right);
        if (COMPARISONS.has(node.operator) && (this.host.spec.options.assumeSafeBooleans || this.host.spec.options.assumeSafeComparisons)) return CLEAN;
        if (node.operator !== '+' && this.host.spec.options.assumeSafeNumbers) return CLEAN;
        return this.propagated(valueOf(wholeTaint(left).union(wholeTaint(right))));
      }
      case 'LogicalExpression':
        return joinValues(this.evaluate(node.left), this.evaluate(node.right));
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
        return this.join(node.elements.map((element) => (element ? valueOf(wholeTaint(this.evaluate(element.type === 'SpreadElement' ? element.argument : element))) : CLEAN)));
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
        return this.join(jsxExpressions(node).map((expression) => this.evaluate(expression)));
      default:
        return CLEAN;
    }
  }

  /** Unknown operations keep their operands' taint, unless the rule says taint only flows through assignments. */
  private propagated(value: Value): Value {
    return this.host.spec.options.onlyPropagateThroughAssignments ? CLEAN : value;
  }

  private join(values: readonly Value[]): Value {
    return joinAll(values);
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
  private namespaceMember(node: TSESTree.MemberExpression): Value | undefined {
    const object = unwrap(node.object);
    const key = this.memberKey(node);
    if (object.type !== 'Identifier' || key === undefined || this.env.has(object.name)) return undefined;
    const declaration = this.file.facts.declarations.declarations.get(object.name);
    const only = declaration?.length === 1 ? declaration[0] : undefined;
    if (only?.kind !== 'import' || only.imported !== '*') return undefined;
    const target = this.host.resolveModule(this.file.path, only.module);
    return target ? this.host.exportedValue(target, key) : undefined;
  }

  private memberKey(node: TSESTree.MemberExpression): string | undefined {
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

  private functionValue(node: FunctionNode): Value {
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

  private evaluateTarget(target: Node): Value {
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

  private writePath(root: string, fields: readonly string[], value: Value, strong: boolean): void {
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

  private writeThisField(fields: readonly string[], value: Value, strong = true): void {
    this.env.write('this', fields, value, strong, () => this.thisValue);
  }

  // ---------------------------------------------------------------- calls

  private call(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, calleeNode: Node, argumentNodes: readonly Node[]): Value {
    const callee = unwrap(calleeNode);
    if (callee.type === 'Super') return this.superCall(node, argumentNodes);
    let receiver: Value | undefined;
    let receiverPath: { root: string; fields: string[] } | undefined;
    let calleeValue: Value;
    let method: string | undefined;
    if (callee.type === 'MemberExpression') {
      method = this.memberKey(callee);
      receiver = callee.object.type === 'Super' ? this.superValue() : this.evaluate(callee.object);
      receiverPath = this.accessPath(callee.object);
      calleeValue = this.namespaceMember(callee) ?? (method !== undefined ? this.field(receiver, method) : valueOf(receiver.taint));
      if (callee.computed && method === undefined) this.evaluate(callee.property);
    } else {
      calleeValue = this.evaluate(callee);
    }
    const args = argumentNodes.map((argument) => (argument.type === 'SpreadElement' ? valueOf(wholeTaint(this.evaluate(argument.argument))) : this.evaluate(argument)));
    const targets = this.targets(calleeValue, receiver, method, callee);
    if (targets.length > 0) {
      return this.join(targets.map((target) => this.invoke(target, args, target.thisValue ?? receiver ?? CLEAN, node, argumentNodes)));
    }
    if (calleeValue.input && calleeValue.input.path.length === 0 && typeof calleeValue.input.input === 'number') {
      this.callbackEffects.push({ input: calleeValue.input.input, args });
    }
    if (calleeValue.resolver) {
      calleeValue.resolver.push(args[0] ?? CLEAN);
      return CLEAN;
    }
    const builtin = callBuiltin(this, { node, method, global: this.globalName(callee), calleeValue, receiver, receiverPath, args, argumentNodes });
    return builtin ?? this.opaque(receiver, args);
  }

  /** A call the analysis cannot see into returns its receiver's and arguments' taint (Semgrep's default). */
  opaque(receiver: Value | undefined, args: readonly Value[]): Value {
    this.runCallbacksOf(args);
    if (this.host.spec.options.assumeSafeFunctions || this.host.spec.options.onlyPropagateThroughAssignments) return CLEAN;
    let taint = receiver ? wholeTaint(receiver) : TaintSet.EMPTY;
    for (const arg of args) taint = taint.union(wholeTaint(arg));
    return valueOf(taint);
  }

  /** Closures handed to code the analysis cannot see still run: with what they capture, and nothing known of their arguments. */
  private runCallbacksOf(args: readonly Value[]): void {
    for (const arg of args) for (const fn of arg.functions ?? []) if (fn.closure === this) this.runClosure(fn, [], CLEAN);
  }

  private targets(calleeValue: Value, receiver: Value | undefined, method: string | undefined, callee: Node): Array<FunctionRef & { thisValue?: Value }> {
    const found: Array<FunctionRef & { thisValue?: Value }> = [...(calleeValue.functions ?? [])];
    if (found.length === 0 && method !== undefined && receiver) {
      for (const cls of receiver.instanceOf ?? []) {
        const resolved = this.findMethod(cls, method, false);
        if (resolved) found.push(resolved);
      }
      for (const cls of receiver.classes ?? []) {
        const resolved = this.findMethod(cls, method, true);
        if (resolved) found.push(resolved);
      }
      if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'Super' && this.setup.owner) {
        const parentClass = this.host.superclassOf(this.setup.owner);
        const resolved = parentClass ? this.findMethod(parentClass, method, false) : undefined;
        if (resolved) found.push({ ...resolved, thisValue: this.thisValue });
      }
    }
    return found;
  }

  /** A method of a project class or its project superclasses. */
  private findMethod(cls: ClassRef, name: string, isStatic: boolean): FunctionRef | undefined {
    for (let current: ClassRef | undefined = cls, hops = 0; current && hops < 8; current = this.host.superclassOf(current), hops++) {
      for (const member of current.node.body.body) {
        if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && Boolean(member.static) === isStatic) {
          const key = memberName(member);
          const value = member.value;
          if (key === name && value && (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression') && (member.type === 'PropertyDefinition' || member.kind === 'method')) {
            return { file: current.file, node: value, owner: current };
          }
        }
      }
    }
    return undefined;
  }

  /** Runs a function the code calls: a closure inline (it sees what it captured), a project function by its summary. */
  invoke(target: FunctionRef, args: readonly Value[], thisValue: Value, node: Node, argumentNodes: readonly Node[]): Value {
    if (target.closure instanceof Interpreter) {
      if (this.setup.depth >= MAX_INLINE_DEPTH) return this.opaque(undefined, args);
      return this.runClosure(target, args, thisValue);
    }
    const summary = this.host.summaryOf(target);
    if (!summary) return this.opaque(undefined, args);
    return this.apply(summary, target, args, thisValue, node, argumentNodes);
  }

  runClosure(target: FunctionRef, args: readonly Value[], thisValue: Value): Value {
    const definer = target.closure as Interpreter;
    const closure = definer.closures.find((candidate) => candidate.ref.node === target.node);
    this.analysedClosures.add(target.node);
    definer.analysedClosures.add(target.node);
    const inner = new Interpreter(this.host, {
      file: this.host.taintFile(target.file) ?? this.file,
      body: target.node,
      mode: 'inline',
      ...(target.owner ? { owner: target.owner } : {}),
      args,
      ...(target.node.type === 'ArrowFunctionExpression' ? { thisValue: definer.thisValue } : { thisValue }),
      parent: definer,
      closure: closure?.env ?? definer.env,
      depth: this.setup.depth + 1,
    });
    const summary = inner.run();
    // What the closure does to its inputs' taint belongs to the function that runs it.
    for (const effect of summary.sinks) this.addSinkEffect(effect);
    this.callbackEffects.push(...summary.callbacks);
    return summary.returns;
  }

  private runPendingClosures(): void {
    for (let index = 0; index < this.closures.length; index++) {
      const closure = this.closures[index]!;
      if (this.analysedClosures.has(closure.ref.node)) continue;
      this.runClosure(closure.ref, [], CLEAN);
    }
  }

  /** Applies a callee's summary at a call: its return, the sinks its inputs reach, the fields it writes, the callbacks it calls. */
  private apply(summary: Summary, target: FunctionRef, args: readonly Value[], thisValue: Value, node: Node, argumentNodes: readonly Node[]): Value {
    const name = functionName(target);
    const actuals = { args, thisValue };
    const callSite: Site = { file: this.file.path, range: node.range };
    for (const effect of summary.sinks) this.applySinkEffect(effect, actuals, callSite, name, argumentNodes);
    for (const [input, written] of summary.inputWrites) {
      const path = input === 'this' ? this.receiverPathOf(node) : argumentNodes[input] ? this.accessPath(argumentNodes[input]) : undefined;
      if (!path) continue;
      for (const [field, value] of written.fields ?? []) {
        this.writePath(path.root, [...path.fields, field], this.instantiateValue(value, actuals, node, name, argumentNodes), value.exact === true);
      }
    }
    for (const effect of summary.callbacks) {
      const callback = args[effect.input];
      for (const fn of callback?.functions ?? []) {
        const callbackArgs = effect.args.map((arg) => this.instantiateValue(arg, actuals, node, name, argumentNodes));
        this.invoke(fn, callbackArgs, CLEAN, node, []);
      }
    }
    const returned = this.instantiateValue(summary.returns, actuals, node, name, argumentNodes);
    return withStep(returned, this.step('return', node, `returned by ${name}`));
  }

  private receiverPathOf(node: Node): { root: string; fields: string[] } | undefined {
    if (node.type === 'NewExpression') return undefined;
    const callee = node.type === 'CallExpression' ? unwrap(node.callee) : undefined;
    return callee?.type === 'MemberExpression' ? this.accessPath(callee.object) : undefined;
  }

  /** The callee's value in terms of this call's arguments: each input taint becomes what the caller passed at that path. */
  instantiateValue(value: Value, actuals: Actuals, node: Node, calleeName: string, argumentNodes: readonly Node[]): Value {
    if (value.input && value.fields === undefined) {
      const own = inputOrigin(value.input.input, value.input.path).key;
      const actual = pathOf(this.actualInput(value.input.input, actuals, value.input.path), inputFields(value.input.path));
      const rest = value.taint.filter((taint) => taint.origin.key !== own);
      const passed = withStep(actual, this.passStep(value.input.input, node, calleeName, argumentNodes));
      return withTaint({ ...passed, ...(value.instanceOf && !passed.instanceOf ? { instanceOf: value.instanceOf } : {}) }, this.instantiateTaints(rest, actuals, node, calleeName, argumentNodes));
    }
    const taint = this.instantiateTaints(value.taint, actuals, node, calleeName, argumentNodes);
    const fields = value.fields ? new Map([...value.fields].map(([name, field]) => [name, this.instantiateValue(field, actuals, node, calleeName, argumentNodes)])) : undefined;
    return { ...value, taint, ...(fields ? { fields } : {}), ...(value.input ? { input: undefined } : {}) };
  }

  instantiateTaints(taints: TaintSet, actuals: Actuals, node: Node, calleeName: string, argumentNodes: readonly Node[]): TaintSet {
    if (taints.isEmpty()) return taints;
    return taints.map((taint): Taint | Taint[] | undefined => {
      if (taint.origin.kind === 'source') {
        if (!taint.condition) return taint;
        const inputs = taint.condition.inputs.flatMap((input) => this.instantiateTaints(TaintSet.of(input), actuals, node, calleeName, argumentNodes).toArray());
        const pending = inputs.filter(isSymbolic);
        const labels = new Set(inputs.filter((input) => !isSymbolic(input)).map((input) => input.label));
        if (labelsHold(taint.condition.requires, labels)) return { origin: taint.origin, label: taint.label, trace: taint.trace };
        return pending.length > 0 ? { ...taint, condition: { requires: taint.condition.requires, inputs: pending } } : undefined;
      }
      const origin = taint.origin;
      const actual = pathOf(this.actualInput(origin.input, actuals, origin.path), inputFields(origin.path));
      const inner = traceSteps(taint.trace);
      const pass = this.passStep(origin.input, node, calleeName, argumentNodes);
      return wholeTaint(actual)
        .toArray()
        .map((passed) => ({
          ...passed,
          label: taint.label === DEFAULT_LABEL ? passed.label : taint.label,
          trace: appendSteps(extendTrace(passed.trace, pass), inner),
        }));
    });
  }

  private actualInput(input: number | 'this', actuals: Actuals, path: readonly string[]): Value {
    if (input === 'this') return actuals.thisValue;
    if (path[0] === '…rest') return joinAll(actuals.args.slice(input));
    return actuals.args[input] ?? CLEAN;
  }

  private passStep(input: number | 'this', node: Node, calleeName: string, argumentNodes: readonly Node[]): FlowStep {
    const argument = typeof input === 'number' ? argumentNodes[input] : undefined;
    return this.step('call', argument ?? node, input === 'this' ? `the receiver of ${calleeName}` : `passed to ${calleeName}`);
  }

  private applySinkEffect(effect: SinkEffect, actuals: Actuals, callSite: Site, calleeName: string, argumentNodes: readonly Node[]): void {
    const call = { type: 'CallExpression', range: callSite.range } as unknown as Node;
    const passed = this.instantiateTaints(effect.taints, actuals, call, calleeName, argumentNodes);
    // Taint that reached the sink through a parameter is reported at this call; through `this`, at the sink.
    const throughArgument = [...effect.taints.values()].some((taint) => taint.origin.kind === 'input' && taint.origin.input !== 'this');
    const reportAt = throughArgument ? callSite : effect.reportAt;
    const concrete = passed.filter((taint) => !isSymbolic(taint));
    const labels = new Set([...effect.labels, ...concrete.labels()]);
    if (!concrete.isEmpty() && labelsHold(effect.sink.requires, labels)) {
      for (const taint of relevantTaints(concrete, effect.sink.requires)) this.reportFinding(effect.sink, reportAt, taint);
    }
    const symbolic = passed.filter(isSymbolic);
    if (!symbolic.isEmpty()) this.addSinkEffect({ sink: effect.sink, reportAt, taints: symbolic, labels });
  }

  private construct(node: TSESTree.NewExpression): Value {
    const calleeValue = this.evaluate(node.callee);
    const args = node.arguments.map((argument) => (argument.type === 'SpreadElement' ? valueOf(wholeTaint(this.evaluate(argument.argument))) : this.evaluate(argument)));
    const classes = calleeValue.classes ?? [];
    if (classes.length === 0) {
      const builtin = callBuiltin(this, { node, method: undefined, global: this.globalName(node.callee), calleeValue, receiver: undefined, receiverPath: undefined, args, argumentNodes: node.arguments });
      return builtin ?? this.opaque(undefined, args);
    }
    return this.join(classes.map((cls) => this.instantiateClass(cls, args, node)));
  }

  private instantiateClass(cls: ClassRef, args: readonly Value[], node: TSESTree.NewExpression): Value {
    const constructor = this.constructorOf(cls);
    const summary = constructor ? this.host.summaryOf(constructor) : this.host.initializerSummaryOf(cls);
    const instance: Value = { taint: TaintSet.EMPTY, instanceOf: [cls] };
    if (!summary) return joinValues(instance, this.opaque(undefined, args));
    const actuals = { args, thisValue: instance };
    const name = `new ${cls.node.id?.name ?? 'class'}`;
    const callSite: Site = { file: this.file.path, range: node.range };
    for (const effect of summary.sinks) this.applySinkEffect(effect, actuals, callSite, name, node.arguments);
    const written = summary.inputWrites.get('this');
    const fields = written?.fields ? new Map([...written.fields].map(([field, value]) => [field, this.instantiateValue(value, actuals, node, name, node.arguments)])) : undefined;
    return { taint: TaintSet.EMPTY, instanceOf: [cls], ...(fields ? { fields } : {}) };
  }

  private constructorOf(cls: ClassRef): FunctionRef | undefined {
    for (const member of cls.node.body.body) {
      if (member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.type === 'FunctionExpression') return { file: cls.file, node: member.value, owner: cls };
    }
    return undefined;
  }

  private superCall(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, argumentNodes: readonly Node[]): Value {
    const args = argumentNodes.map((argument) => this.evaluate(argument.type === 'SpreadElement' ? argument.argument : argument));
    const parentClass = this.setup.owner ? this.host.superclassOf(this.setup.owner) : undefined;
    if (!parentClass) return CLEAN;
    const constructor = this.constructorOf(parentClass);
    const summary = constructor ? this.host.summaryOf(constructor) : this.host.initializerSummaryOf(parentClass);
    if (!summary) return CLEAN;
    const actuals = { args, thisValue: this.env.get('this') ?? this.thisValue };
    const name = `super (${parentClass.node.id?.name ?? 'class'})`;
    for (const effect of summary.sinks) this.applySinkEffect(effect, actuals, { file: this.file.path, range: node.range }, name, argumentNodes);
    for (const [field, value] of summary.inputWrites.get('this')?.fields ?? []) {
      this.writeThisField([field], this.instantiateValue(value, actuals, node, name, argumentNodes), value.exact === true);
    }
    return CLEAN;
  }

  private superValue(): Value {
    return this.env.get('this') ?? this.thisValue;
  }

  // ---------------------------------------------------------------- specs

  private sanitize(node: Node, value: Value, matches: SpecMatch[]): Value {
    const specs = this.host.spec.sanitizers;
    const sideEffect = matches.find((match) => specs[match.spec]!.bySideEffect !== false && rangesEqual(match, node));
    if (sideEffect) {
      const path = this.accessPath(node);
      if (path) this.writePath(path.root, path.fields, keepShape(value, TaintSet.EMPTY), true);
      if (specs[sideEffect.spec]!.bySideEffect === 'only') return value;
    }
    return keepShape(value, TaintSet.EMPTY);
  }

  private applySources(node: Node, value: Value): Value {
    const specs = this.host.spec.sources;
    // A field source (a key pair's privateKey) taints that field of the exact match only: its
    // subexpressions are no part of the key.
    const matches = this.file.matches.sources.containing(node).filter((match) => (!specs[match.spec]!.exact && !specs[match.spec]!.field) || rangesEqual(match, node));
    if (matches.length === 0) return value;
    let result = value;
    for (const match of matches) {
      const spec = specs[match.spec]!;
      const exactly = rangesEqual(match, node);
      const taint = this.sourceTaint(match, node, value);
      if (!taint) continue;
      if (spec.bySideEffect !== false && exactly) {
        const path = this.accessPath(node);
        if (path) this.writePath(path.root, path.fields, withTaint(this.evaluateTarget(node), TaintSet.of(taint)), true);
        if (spec.bySideEffect === 'only') continue;
      }
      result = spec.field ? writePath(result, spec.field, withTaint(pathOf(result, spec.field), TaintSet.of(taint)), true) : withTaint(result, TaintSet.of(taint));
    }
    return result;
  }

  private sourceTaint(match: SpecMatch, node: Node, value: Value): Taint | undefined {
    const spec = this.host.spec.sources[match.spec]!;
    const origin: SourceOrigin = {
      kind: 'source',
      key: `src:${this.file.path}:${match.range[0]}:${match.range[1]}:${match.spec}`,
      file: this.file.path,
      range: match.range,
      spec: match.spec,
      ...(spec.confidence ? { confidence: spec.confidence } : {}),
      bindings: match.bindings,
    };
    const trace = extendTrace(undefined, { kind: 'source', file: this.file.path, range: match.range, note: this.sourceNote(match) });
    const taint: Taint = { origin, label: spec.label, trace };
    if (!spec.requires) return taint;
    const incoming = wholeTaint(value);
    const concrete = incoming.filter((item) => !isSymbolic(item));
    if (labelsHold(spec.requires, concrete.labels())) return taint;
    const symbolic = incoming.filter(isSymbolic);
    // Inside a summary, the inputs' labels are not known yet: the caller decides.
    if (!symbolic.isEmpty() && node) return { ...taint, condition: { requires: spec.requires, inputs: symbolic.toArray() } };
    return undefined;
  }

  private sourceNote(match: SpecMatch): string {
    const entry = this.host.spec.sources[match.spec]!.entry;
    return `${this.text({ range: match.range }, 50)} is a source${entry ? ` (${entry})` : ''}`;
  }

  private applyPropagators(node: Node, value: Value): Value {
    const specs = this.host.spec.propagators;
    let result = value;
    for (const match of this.file.matches.propagators.exactly(node)) {
      const spec = specs[match.spec]!;
      const from = match.bindings[spec.from];
      const to = match.bindings[spec.to];
      if (!from || !to || from.nodes.length !== 1 || to.nodes.length !== 1) continue;
      const fromValue = this.values.get(from.nodes[0]!) ?? this.evaluateTarget(from.nodes[0]!);
      let taint = wholeTaint(fromValue);
      if (spec.requires && !labelsHold(spec.requires, taint.filter((item) => !isSymbolic(item)).labels())) continue;
      if (spec.label) {
        const replaced = new Set(spec.replaceLabels ?? []);
        taint = taint.map((item) => (spec.replaceLabels && !replaced.has(item.label) ? item : { ...item, label: spec.label! }));
      }
      if (taint.isEmpty()) continue;
      const toNode = to.nodes[0]!;
      taint = taint.withStep(this.step('assignment', toNode, `flows into ${this.text(toNode, 40)}`));
      const path = this.accessPath(toNode);
      if (spec.bySideEffect && path) this.writePath(path.root, path.fields, taintOnly(taint), false);
      if (toNode === node || rangesEqual(toNode, node)) result = withTaint(result, taint);
    }
    return result;
  }

  /** Sinks matched exactly at this node (or, for non-exact sinks, around it) see its value. */
  private checkSinks(node: Node, value: Value): void {
    const specs = this.host.spec.sinks;
    const matches = this.file.matches.sinks.containing(node);
    for (const match of matches) {
      const spec = specs[match.spec]!;
      const exactly = rangesEqual(match, node);
      if (!exactly && spec.exact) continue;
      // A sink such as `log(...)`, matched on the call, is reached through the call's arguments; a
      // sink focused on an expression (which may itself be a call) sees that expression's value.
      const wholeCall = exactly && (node.type === 'CallExpression' || node.type === 'NewExpression') && !isFocusedOnWhole(match);
      const seen = wholeCall ? this.argumentsTaint(node) : wholeTaint(value);
      this.sinkReached(match, seen);
    }
  }

  /** A sink matched on a statement (`return $X;`) sees the statement's expressions. */
  private checkStatementSinks(node: Node): void {
    for (const match of this.file.matches.sinks.exactly(node)) {
      const taint = statementExpressions(node).reduce((all, expression) => all.union(wholeTaint(this.values.get(expression) ?? CLEAN)), TaintSet.EMPTY);
      this.sinkReached(match, taint);
    }
  }

  private argumentsTaint(node: TSESTree.CallExpression | TSESTree.NewExpression): TaintSet {
    let taint = TaintSet.EMPTY;
    for (const argument of node.arguments) {
      const inner = argument.type === 'SpreadElement' ? argument.argument : argument;
      taint = taint.union(wholeTaint(this.values.get(inner) ?? CLEAN));
    }
    return taint;
  }

  private sinkReached(match: SpecMatch, taint: TaintSet): void {
    if (taint.isEmpty()) return;
    const spec = this.host.spec.sinks[match.spec]!;
    const sink: SinkSite = { file: this.file.path, range: match.range, spec: match.spec, bindings: match.bindings, requires: spec.requires };
    const concrete = taint.filter((item) => !isSymbolic(item));
    const labels = concrete.labels();
    if (!concrete.isEmpty() && labelsHold(spec.requires, labels)) {
      for (const item of relevantTaints(concrete, spec.requires)) this.reportFinding(sink, sink, item);
    }
    const symbolic = taint.filter(isSymbolic);
    if (!symbolic.isEmpty()) this.addSinkEffect({ sink, reportAt: sink, taints: symbolic, labels });
  }

  /** Effects on one sink reported at one site are one effect: callers would otherwise multiply them. */
  private addSinkEffect(effect: SinkEffect): void {
    const key = `${effect.sink.file}:${effect.sink.range[0]}:${effect.sink.spec}@${effect.reportAt.file}:${effect.reportAt.range[0]}:${effect.reportAt.range[1]}`;
    const existing = this.sinkEffects.get(key);
    if (!existing) {
      this.sinkEffects.set(key, effect);
      return;
    }
    this.sinkEffects.set(key, { ...existing, taints: existing.taints.union(effect.taints), labels: new Set([...existing.labels, ...effect.labels]) });
  }

  private reportFinding(sink: SinkSite, reportAt: Site, taint: Taint): void {
    const atSink = extendTrace(taint.trace, { kind: 'sink', file: sink.file, range: sink.range, note: 'reaches the sink' });
    this.host.report({ sink, reportAt, taint: { ...taint, trace: atSink }, sourceBindings: taint.origin.kind === 'source' ? taint.origin.bindings : {} });
  }

  /** A callee's global name (`Promise.all`, `Object.assign`), for the built-in semantics of the language. */
  private globalName(callee: Node): string | undefined {
    const qualified = this.file.facts.names.qualifiedName(callee);
    return qualified?.origin === 'global' ? qualified.name : undefined;
  }

  // ---------------------------------------------------------------- helpers

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

export interface Actuals {
  args: readonly Value[];
  thisValue: Value;
}

/** A class body run as its implicit constructor declares nothing of its own. */
const NO_SCOPE: BodyScope = { locals: new Set(), functions: new Map(), classes: new Map() };

const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);

export function inputTaint(input: number | 'this', path: readonly string[]): Taint {
  return { origin: inputOrigin(input, path), label: DEFAULT_LABEL, trace: undefined };
}

/** Taint that stands for a function's input (or waits for its labels): a caller makes it concrete. */
export function isSymbolic(taint: Taint): boolean {
  return taint.origin.kind === 'input' || taint.condition !== undefined;
}

function inputFields(path: readonly string[]): string[] {
  return path[0] === '…rest' ? [] : [...path];
}

/** The taints a finding is about: those with a label the sink requires (all, when it requires none by name). */
function relevantTaints(taints: TaintSet, requires: LabelFormula): Taint[] {
  const wanted = new Set(positiveLabels(requires));
  const all = taints.toArray();
  const chosen = wanted.size > 0 ? all.filter((taint) => wanted.has(taint.label)) : all;
  return chosen.length > 0 ? chosen : all;
}

function positiveLabels(formula: LabelFormula): string[] {
  switch (formula.kind) {
    case 'label':
      return [formula.name];
    case 'not':
      return [];
    default:
      return formula.operands.flatMap(positiveLabels);
  }
}

function rangesEqual(match: { range: readonly [number, number] }, node: Node): boolean {
  if (match.range[0] !== node.range[0]) return false;
  if (match.range[1] === node.range[1]) return true;
  return match.range[1] > node.range[1] && match.range[1] - node.range[1] <= 2;
}

/** A match that is exactly one metavariable's binding: a focused (or `$X`) spec, not a call pattern. */
function isFocusedOnWhole(match: SpecMatch): boolean {
  return Object.values(match.bindings).some((binding) => binding.range[0] === match.range[0] && binding.range[1] === match.range[1]);
}

function keepShape(value: Value, taint: TaintSet): Value {
  return { taint, ...(value.functions ? { functions: value.functions } : {}), ...(value.instanceOf ? { instanceOf: value.instanceOf } : {}), ...(value.classes ? { classes: value.classes } : {}) };
}

function taintOnly(taint: TaintSet): Value {
  return valueOf(taint);
}

function wholeOf(values: readonly Value[]): TaintSet {
  return values.reduce((all, value) => all.union(wholeTaint(value)), TaintSet.EMPTY);
}

function functionName(ref: FunctionRef): string {
  const node = ref.node;
  if (node.id) return `${node.id.name}()`;
  const parent = parentOf(node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `${parent.id.name}()`;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
    return `${ref.owner?.node.id?.name ? `${ref.owner.node.id.name}.` : ''}${parent.key.name}()`;
  }
  return ANONYMOUS;
}

/** A class member's name: `#secret` for private names. */
export function memberName(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (member.key.type === 'PrivateIdentifier') return `#${member.key.name}`;
  if (member.key.type === 'Identifier' && !member.computed) return member.key.name;
  if (member.key.type === 'Literal') return String(member.key.value);
  return undefined;
}

function jsxExpressions(node: TSESTree.JSXElement | TSESTree.JSXFragment): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'JSXExpressionContainer') {
      if (current.expression.type !== 'JSXEmptyExpression') out.push(current.expression);
      continue;
    }
    if (current.type === 'JSXSpreadAttribute') {
      out.push(current.argument);
      continue;
    }
    if (current.type === 'JSXElement') stack.push(...current.openingElement.attributes, ...current.children);
    else if (current.type === 'JSXFragment') stack.push(...current.children);
    else if (current.type === 'JSXAttribute' && current.value) stack.push(current.value);
  }
  return out;
}
