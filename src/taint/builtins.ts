import type { Node } from '../lang/ast.js';
import type { Interpreter } from './interpreter.js';
import { TaintSet } from './taint.js';
import { CLEAN, joinAll, joinValues, valueOf, wholeTaint, type Value } from './value.js';

/** A call the analysis could not resolve to project code, as the built-in semantics see it. */
export interface BuiltinCall {
  node: Node;
  /** `m` in `o.m(…)`. */
  method: string | undefined;
  /** The callee's name when it is a global (`Promise.all`, `Object.assign`, `Promise` for `new Promise`). */
  global: string | undefined;
  calleeValue: Value;
  receiver: Value | undefined;
  receiverPath: { root: string; fields: string[] } | undefined;
  args: readonly Value[];
  argumentNodes: readonly Node[];
}

/** Array methods that call their first argument with each element. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'sort', 'toSorted']);
/** Methods that store their arguments in their receiver (arrays, sets, maps, form data, headers). */
const STORING_METHODS = new Set(['push', 'unshift', 'add', 'set', 'append', 'splice', 'fill']);
const PROMISE_COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);
/** `Array.from(items, fn)` and the typed arrays' `from`: each element is what `fn` returns for it. */
const MAPPING_FROM = /^(Array|(Ui|I)nt(8|16|32)Array|Uint8ClampedArray|Float(32|64)Array|Big(Ui|I)nt64Array)\.from$/;
const IDENTITY = new Set(['Promise.resolve', 'Object.freeze', 'Object.seal', 'structuredClone', 'Array.from', 'Array.of']);

/**
 * The language's own semantics that taint needs (docs/rules.md §10.2): promises, array methods
 * that call back with elements, methods that store into their receiver, `Object.assign`,
 * `Function.prototype.call/apply/bind`. Undefined when none applies (the call is then opaque).
 */
export function callBuiltin(interpreter: Interpreter, call: BuiltinCall): Value | undefined {
  const { method, receiver, args } = call;
  const callable = (value: Value | undefined) => (value?.functions?.length ?? 0) > 0;

  if (call.global === 'require' && call.node.type === 'CallExpression') {
    const specifier = call.argumentNodes[0]?.type === 'Literal' ? (call.argumentNodes[0] as { value: unknown }).value : undefined;
    const target = typeof specifier === 'string' ? interpreter.resolveModule(specifier) : undefined;
    return target ? { taint: TaintSet.EMPTY, namespace: target } : CLEAN;
  }
  if (call.global === 'Promise' && call.node.type === 'NewExpression' && callable(args[0])) {
    const resolved: Value[] = [];
    const resolve: Value = { taint: TaintSet.EMPTY, resolver: resolved };
    for (const fn of args[0]!.functions!) interpreter.invoke(fn, [resolve, CLEAN], CLEAN, call.node, []);
    return joinAll(resolved);
  }
  if (call.global && PROMISE_COMBINATORS.has(call.global)) return valueOf(wholeTaint(args[0] ?? CLEAN));
  if (call.global && MAPPING_FROM.test(call.global) && callable(args[1])) {
    // Array.from(items, mapFn) maps like items.map(mapFn): the array holds what the callback returns.
    const element = valueOf(wholeTaint(args[0] ?? CLEAN));
    return valueOf(wholeTaint(joinAll(args[1]!.functions!.map((fn) => interpreter.invoke(fn, [element, CLEAN], args[2] ?? CLEAN, call.node, [])))));
  }
  if (call.global && IDENTITY.has(call.global)) return args[0] ?? CLEAN;
  if (call.global === 'Promise.reject') return CLEAN;
  if (call.global === 'Object.assign' && args[0]) {
    const target = call.argumentNodes[0] ? interpreter.accessPath(call.argumentNodes[0]) : undefined;
    const merged = args.slice(1).reduce((all, source) => mergeFields(all, source), args[0]);
    if (target) interpreter.assignPattern(call.argumentNodes[0]!, merged);
    return merged;
  }
  if (method === undefined || !receiver) return undefined;

  if (ELEMENT_CALLBACKS.has(method) && callable(args[0])) {
    const element = valueOf(wholeTaint(receiver));
    const returned = joinAll(args[0]!.functions!.map((fn) => interpreter.invoke(fn, [element, CLEAN, receiver], args[1] ?? CLEAN, call.node, [])));
    if (method === 'map' || method === 'flatMap') return valueOf(wholeTaint(returned));
    if (method === 'filter' || method === 'sort' || method === 'toSorted' || method === 'find' || method === 'findLast') return valueOf(wholeTaint(receiver));
    return CLEAN;
  }
  if ((method === 'reduce' || method === 'reduceRight') && callable(args[0])) {
    const element = valueOf(wholeTaint(receiver));
    let accumulator = args[1] ?? element;
    for (let round = 0; round < 2; round++) {
      for (const fn of args[0]!.functions!) accumulator = joinValues(accumulator, interpreter.invoke(fn, [accumulator, element, CLEAN, receiver], CLEAN, call.node, []));
    }
    return accumulator;
  }
  if (method === 'then' && (callable(args[0]) || callable(args[1]))) {
    const fulfilled = joinAll((args[0]?.functions ?? []).map((fn) => interpreter.invoke(fn, [receiver], CLEAN, call.node, [])));
    const rejected = joinAll((args[1]?.functions ?? []).map((fn) => interpreter.invoke(fn, [CLEAN], CLEAN, call.node, [])));
    return joinValues(callable(args[0]) ? fulfilled : receiver, rejected);
  }
  if (method === 'catch' && callable(args[0])) {
    return joinValues(receiver, joinAll(args[0]!.functions!.map((fn) => interpreter.invoke(fn, [CLEAN], CLEAN, call.node, []))));
  }
  if (method === 'finally' && callable(args[0])) {
    for (const fn of args[0]!.functions!) interpreter.invoke(fn, [], CLEAN, call.node, []);
    return receiver;
  }
  if ((method === 'call' || method === 'apply') && callable(receiver)) {
    const passed = method === 'call' ? args.slice(1) : [valueOf(wholeTaint(args[1] ?? CLEAN))];
    return joinAll(receiver.functions!.map((fn) => interpreter.invoke(fn, passed, args[0] ?? CLEAN, call.node, call.argumentNodes.slice(1))));
  }
  if (method === 'bind' && callable(receiver)) return receiver;
  if (STORING_METHODS.has(method) && call.receiverPath) {
    const stored = valueOf(args.reduce((all, arg) => all.union(wholeTaint(arg)), TaintSet.EMPTY));
    const receiverNode = (call.node as { callee?: { object?: Node } }).callee?.object;
    if (!stored.taint.isEmpty() && receiverNode) interpreter.assignPattern(receiverNode, joinValues(receiver, stored));
    return undefined;
  }
  return undefined;
}

/** `Object.assign(target, source)` and spreads: the source's fields over the target's. */
function mergeFields(target: Value, source: Value): Value {
  const fields = new Map(target.fields);
  for (const [name, field] of source.fields ?? []) fields.set(name, field);
  return { ...target, taint: target.taint.union(source.taint), ...(fields.size > 0 ? { fields } : {}) };
}
