import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classMemberName, parentOf, unwrap, type Node } from '../lang/ast.js';
import { callBuiltin } from './builtins.js';
import { instantiateTaints, instantiateValue, type CallInstance } from './instantiate.js';
import { Interpreter } from './interpreter.js';
import type { SinkEffect, Site, Summary, SymbolicInputs } from './summary.js';
import { TaintSet } from './taint.js';
import { carriesSomething, CLEAN, wholeOf, joinAll, joinValues, valueOf, wholeTaint, withStep, type ClassNode, type ClassRef, type FunctionNode, type FunctionRef, type Value } from './value.js';

/** Closures run inline inside closures at most this deep; deeper calls are opaque. */
const MAX_INLINE_DEPTH = 3;

type CallNode = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
type Target = FunctionRef & { thisValue?: Value };

/** A call: project functions by their summaries, closures inline, built-ins by their semantics, anything else opaque. */
export function evaluateCall(run: Interpreter, node: CallNode, calleeNode: Node, argumentNodes: readonly Node[]): Value {
  const callee = unwrap(calleeNode);
  if (callee.type === 'Super') return superCall(run, node, argumentNodes);
  let receiver: Value | undefined;
  let receiverPath: { root: string; fields: string[] } | undefined;
  let calleeValue: Value;
  let method: string | undefined;
  if (callee.type === 'MemberExpression') {
    method = run.memberKey(callee);
    receiver = callee.object.type === 'Super' ? run.superValue() : run.evaluate(callee.object);
    receiverPath = run.accessPath(callee.object);
    calleeValue = run.namespaceMember(callee) ?? (method !== undefined ? run.field(receiver, method) : valueOf(receiver.taint));
    if (callee.computed && method === undefined) run.evaluate(callee.property);
  } else {
    calleeValue = run.evaluate(callee);
  }
  const args = evaluateArguments(run, argumentNodes);
  const targets = targetsOf(run, calleeValue, receiver, method, callee);
  if (targets.length > 0) {
    return joinAll(targets.map((target) => invoke(run, target, args, target.thisValue ?? receiver ?? CLEAN, node, argumentNodes)));
  }
  if (calleeValue.input && calleeValue.input.path.length === 0 && typeof calleeValue.input.input === 'number') {
    run.callbackEffects.push({ input: calleeValue.input.input, args });
  }
  if (calleeValue.resolver) {
    calleeValue.resolver.push(args[0] ?? CLEAN);
    return CLEAN;
  }
  const builtin = callBuiltin(run, { node, method, global: globalName(run, callee), calleeValue, receiver, receiverPath, args, argumentNodes });
  return builtin ?? opaque(run, receiver, args);
}

/** `new C(…)`: a project class through its constructor's summary (fields included), anything else as a built-in or opaque call. */
export function construct(run: Interpreter, node: TSESTree.NewExpression): Value {
  const calleeValue = run.evaluate(node.callee);
  const args = evaluateArguments(run, node.arguments);
  const classes = calleeValue.classes ?? [];
  if (classes.length === 0) {
    const builtin = callBuiltin(run, { node, method: undefined, global: globalName(run, node.callee), calleeValue, receiver: undefined, receiverPath: undefined, args, argumentNodes: node.arguments });
    return builtin ?? opaque(run, undefined, args);
  }
  return joinAll(classes.map((cls) => instantiateClass(run, cls, args, node)));
}

/** A call the analysis cannot see into returns its receiver's and arguments' taint (Semgrep's default). */
export function opaque(run: Interpreter, receiver: Value | undefined, args: readonly Value[]): Value {
  // Closures handed to code the analysis cannot see still run: with what they capture, and nothing known of their arguments.
  for (const arg of args) for (const fn of arg.functions ?? []) if (fn.closure === run) runClosure(run, fn, [], CLEAN);
  const options = run.host.spec.options;
  if (options.assumeSafeFunctions || options.onlyPropagateThroughAssignments) return CLEAN;
  return valueOf(wholeOf(receiver ? [receiver, ...args] : args));
}

/** Runs a function the code calls: a closure inline (it sees what it captured), a project function by its summary. */
export function invoke(run: Interpreter, target: FunctionRef, args: readonly Value[], thisValue: Value, node: Node, argumentNodes: readonly Node[]): Value {
  if (target.closure instanceof Interpreter) {
    if (run.setup.depth >= MAX_INLINE_DEPTH) return opaque(run, undefined, args);
    return runClosure(run, target, args, thisValue);
  }
  const inputs = symbolicInputs(run, args, thisValue);
  // Nothing tainted goes in and nothing tainted can come out: the call cannot matter to the rule.
  if (inputs === 'none' && !run.host.mayMakeTaint(target)) return CLEAN;
  const summary = run.host.summaryOf(target, inputs);
  if (!summary) return opaque(run, undefined, args);
  return applySummary(run, summary, target, args, thisValue, node, argumentNodes);
}

/** Runs a closure with the environment it captured where it was defined. */
export function runClosure(run: Interpreter, target: FunctionRef, args: readonly Value[], thisValue: Value): Value {
  const definer = target.closure as Interpreter;
  const closure = definer.closures.find((candidate) => candidate.ref.node === target.node);
  run.analysedClosures.add(target.node);
  definer.analysedClosures.add(target.node);
  const inner = new Interpreter(run.host, {
    file: run.host.taintFile(target.file) ?? run.file,
    body: target.node,
    mode: 'inline',
    ...(target.owner ? { owner: target.owner } : {}),
    args,
    ...(target.node.type === 'ArrowFunctionExpression' ? { thisValue: definer.thisValue } : { thisValue }),
    parent: definer,
    closure: closure?.env ?? definer.env,
    depth: run.setup.depth + 1,
  });
  const summary = inner.run();
  // What the closure does to its inputs' taint belongs to the function that runs it.
  for (const effect of summary.sinks) run.specs.addSinkEffect(effect);
  run.callbackEffects.push(...summary.callbacks);
  return summary.returns;
}

/** Closures that were defined but never called (event handlers, say) run once, with nothing known of their arguments. */
export function runPendingClosures(run: Interpreter): void {
  for (let index = 0; index < run.closures.length; index++) {
    const closure = run.closures[index]!;
    if (!run.analysedClosures.has(closure.ref.node)) runClosure(run, closure.ref, [], CLEAN);
  }
}

/**
 * A call whose inputs carry nothing (no taint, no functions, no instances of classes that can make
 * taint appear) needs only the callee's summary with no symbolic inputs, which is cheap and mostly
 * clean; any other call uses the general summary, one per function, shared by all its callers.
 */
function symbolicInputs(run: Interpreter, args: readonly Value[], thisValue: Value | undefined): SymbolicInputs {
  const argumentMatters = args.some((arg) => carriesSomething(arg) || arg.instanceOf?.some((cls) => run.host.classMayMakeTaint(cls)));
  // The callee's own class is known to it without `this` being symbolic.
  return argumentMatters || (thisValue && carriesSomething(thisValue)) ? 'all' : 'none';
}

function evaluateArguments(run: Interpreter, argumentNodes: readonly Node[]): Value[] {
  return argumentNodes.map((argument) => (argument.type === 'SpreadElement' ? valueOf(wholeTaint(run.evaluate(argument.argument))) : run.evaluate(argument)));
}

function targetsOf(run: Interpreter, calleeValue: Value, receiver: Value | undefined, method: string | undefined, callee: Node): Target[] {
  const found: Target[] = [...(calleeValue.functions ?? [])];
  if (found.length === 0 && method !== undefined && receiver) {
    for (const cls of receiver.instanceOf ?? []) {
      const resolved = findMethod(run, cls, method, false);
      if (resolved) found.push(resolved);
    }
    for (const cls of receiver.classes ?? []) {
      const resolved = findMethod(run, cls, method, true);
      if (resolved) found.push(resolved);
    }
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'Super' && run.setup.owner) {
      const parentClass = run.host.superclassOf(run.setup.owner);
      const resolved = parentClass ? findMethod(run, parentClass, method, false) : undefined;
      if (resolved) found.push({ ...resolved, thisValue: run.thisValue });
    }
  }
  return found;
}

/** A method of a project class or its project superclasses. */
function findMethod(run: Interpreter, cls: ClassRef, name: string, isStatic: boolean): FunctionRef | undefined {
  for (let current: ClassRef | undefined = cls, hops = 0; current && hops < 8; current = run.host.superclassOf(current), hops++) {
    const value = methodsOf(current.node).get(`${isStatic ? 1 : 0}:${name}`);
    if (value) return { file: current.file, node: value, owner: current };
  }
  return undefined;
}

const methodIndex = new WeakMap<ClassNode, Map<string, FunctionNode>>();

/** A class's own methods (and function-valued fields) by name, the first declared winning: classes can be large and are asked often. */
function methodsOf(node: ClassNode): Map<string, FunctionNode> {
  let methods = methodIndex.get(node);
  if (methods) return methods;
  methods = new Map();
  for (const member of node.body.body) {
    if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
    const value = member.value;
    const name = classMemberName(member);
    if (name === undefined || !value || (value.type !== 'FunctionExpression' && value.type !== 'ArrowFunctionExpression')) continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    const key = `${member.static ? 1 : 0}:${name}`;
    if (!methods.has(key)) methods.set(key, value);
  }
  methodIndex.set(node, methods);
  return methods;
}

/** Applies a callee's summary at a call: its return, the sinks its inputs reach, the fields it writes, the callbacks it calls. */
function applySummary(run: Interpreter, summary: Summary, target: FunctionRef, args: readonly Value[], thisValue: Value, node: Node, argumentNodes: readonly Node[]): Value {
  const call: CallInstance = { actuals: { args, thisValue }, node, calleeName: functionName(target), argumentNodes };
  const callSite: Site = { file: run.file.path, range: node.range };
  for (const effect of summary.sinks) applySinkEffect(run, effect, call, callSite);
  for (const [input, written] of summary.inputWrites) {
    const path = input === 'this' ? receiverPathOf(run, node) : argumentNodes[input] ? run.accessPath(argumentNodes[input]) : undefined;
    if (!path) continue;
    for (const [field, value] of written.fields ?? []) run.writePath(path.root, [...path.fields, field], instantiateValue(run, value, call), value.exact === true);
  }
  for (const effect of summary.callbacks) {
    const callbackArgs = effect.args.map((arg) => instantiateValue(run, arg, call));
    for (const fn of args[effect.input]?.functions ?? []) invoke(run, fn, callbackArgs, CLEAN, node, []);
  }
  return withStep(instantiateValue(run, summary.returns, call), run.step('return', node, `returned by ${call.calleeName}`));
}

function receiverPathOf(run: Interpreter, node: Node): { root: string; fields: string[] } | undefined {
  const callee = node.type === 'CallExpression' ? unwrap(node.callee) : undefined;
  return callee?.type === 'MemberExpression' ? run.accessPath(callee.object) : undefined;
}

/** A callee's sink effect at this call: a finding when the caller passed concrete taint, or the caller's own effect. */
function applySinkEffect(run: Interpreter, effect: SinkEffect, call: CallInstance, callSite: Site): void {
  const passed = instantiateTaints(run, effect.taints, { ...call, node: { type: 'CallExpression', range: callSite.range } as unknown as Node });
  // Taint that reached the sink through a parameter is reported at this call; through `this`, at the sink.
  const throughArgument = [...effect.taints.values()].some((taint) => taint.origin.kind === 'input' && taint.origin.input !== 'this');
  run.specs.reach(effect.sink, throughArgument ? callSite : effect.reportAt, passed, effect.labels);
}

function instantiateClass(run: Interpreter, cls: ClassRef, args: readonly Value[], node: TSESTree.NewExpression): Value {
  const constructor = constructorOf(cls);
  const inputs = symbolicInputs(run, args, undefined);
  const summary = constructor ? run.host.summaryOf(constructor, inputs) : run.host.initializerSummaryOf(cls, inputs);
  const instance: Value = { taint: TaintSet.EMPTY, instanceOf: [cls] };
  if (!summary) return joinValues(instance, opaque(run, undefined, args));
  const call: CallInstance = { actuals: { args, thisValue: instance }, node, calleeName: `new ${cls.node.id?.name ?? 'class'}`, argumentNodes: node.arguments };
  const callSite: Site = { file: run.file.path, range: node.range };
  for (const effect of summary.sinks) applySinkEffect(run, effect, call, callSite);
  const written = summary.inputWrites.get('this');
  const fields = written?.fields ? new Map([...written.fields].map(([field, value]) => [field, instantiateValue(run, value, call)])) : undefined;
  return { taint: TaintSet.EMPTY, instanceOf: [cls], ...(fields ? { fields } : {}) };
}

function constructorOf(cls: ClassRef): FunctionRef | undefined {
  for (const member of cls.node.body.body) {
    if (member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.type === 'FunctionExpression') return { file: cls.file, node: member.value, owner: cls };
  }
  return undefined;
}

function superCall(run: Interpreter, node: CallNode, argumentNodes: readonly Node[]): Value {
  const args = argumentNodes.map((argument) => run.evaluate(argument.type === 'SpreadElement' ? argument.argument : argument));
  const parentClass = run.setup.owner ? run.host.superclassOf(run.setup.owner) : undefined;
  if (!parentClass) return CLEAN;
  const constructor = constructorOf(parentClass);
  const inputs = symbolicInputs(run, args, run.superValue());
  const summary = constructor ? run.host.summaryOf(constructor, inputs) : run.host.initializerSummaryOf(parentClass, inputs);
  if (!summary) return CLEAN;
  const call: CallInstance = { actuals: { args, thisValue: run.superValue() }, node, calleeName: `super (${parentClass.node.id?.name ?? 'class'})`, argumentNodes };
  for (const effect of summary.sinks) applySinkEffect(run, effect, call, { file: run.file.path, range: node.range });
  for (const [field, value] of summary.inputWrites.get('this')?.fields ?? []) run.writeThisField([field], instantiateValue(run, value, call), value.exact === true);
  return CLEAN;
}

/** A callee's global name (`Promise.all`, `Object.assign`), for the built-in semantics of the language. */
function globalName(run: Interpreter, callee: Node): string | undefined {
  const qualified = run.file.facts.names.qualifiedName(callee);
  return qualified?.origin === 'global' ? qualified.name : undefined;
}

/** How a call's trace names the function it calls. */
function functionName(ref: FunctionRef): string {
  const node = ref.node;
  if (node.id) return `${node.id.name}()`;
  const parent = parentOf(node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `${parent.id.name}()`;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
    return `${ref.owner?.node.id?.name ? `${ref.owner.node.id.name}.` : ''}${parent.key.name}()`;
  }
  return 'an anonymous function';
}

