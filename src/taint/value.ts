import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FlowStep } from '../match/evidence.js';
import { DEFAULT_LABEL } from './labels.js';
import { inputOrigin, TaintSet } from './taint.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A class of the project, by its declaration. */
export interface ClassRef {
  readonly file: string;
  readonly node: ClassNode;
}

/** A function of the project a value may be; `closure` is set for functions defined inside the code being analysed. */
export interface FunctionRef {
  readonly file: string;
  readonly node: FunctionNode;
  /** The class whose method it is, for `this` and `super`. */
  readonly owner?: ClassRef;
  /** What the function sees of its enclosing function's variables, when it is defined inside one. */
  readonly closure?: unknown;
}

/**
 * What the analysis knows of a value: the taint it carries as a whole, the values of its fields
 * (access paths up to MAX_DEPTH deep), and which project functions or classes it may be.
 */
export interface Value {
  readonly taint: TaintSet;
  readonly fields?: ReadonlyMap<string, Value>;
  /** Set on a field written as a whole: it does not inherit its object's taint (`o.x = clean` on a tainted `o`). */
  readonly exact?: true;
  /** Set on a function's own input (a parameter or `this`, at a path) while it is summarised, so fields read from it stay precise. */
  readonly input?: { readonly input: number | 'this'; readonly path: readonly string[] };
  readonly functions?: readonly FunctionRef[];
  readonly instanceOf?: readonly ClassRef[];
  /** A class itself (a constructor), for `new C()` and static calls. */
  readonly classes?: readonly ClassRef[];
  /** A project module's namespace (`import * as ns`, `require('./x')`): its fields are the module's exports. */
  readonly namespace?: string;
  /** The `resolve` function of `new Promise((resolve) => …)`: what it is called with is the promise's value. */
  readonly resolver?: Value[];
}

/** Field paths longer than this collapse into their prefix (which may over-report, never under-report). */
export const MAX_DEPTH = 5;
/** An object with more named fields than this keeps the rest in its own taint. */
const MAX_FIELDS = 32;

export const CLEAN: Value = { taint: TaintSet.EMPTY };

export function valueOf(taint: TaintSet): Value {
  return taint.isEmpty() ? CLEAN : { taint };
}

/** Everything a value carries, its fields' taint included: what a sink, a call or a log of the whole object sees. */
export function wholeTaint(value: Value): TaintSet {
  if (!value.fields) return value.taint;
  const sets: TaintSet[] = [];
  collectTaint(value, 0, sets);
  return TaintSet.unionAll(sets);
}

function collectTaint(value: Value, depth: number, sets: TaintSet[]): void {
  sets.push(value.taint);
  if (!value.fields || depth > MAX_DEPTH) return;
  for (const [name, field] of value.fields) if (!isPrivateField(name)) collectTaint(field, depth + 1, sets);
}

/**
 * A `#private` field is not part of the object as others see it: JSON.stringify, util.inspect,
 * spreads and code outside the class never read it, so a logged or passed object does not expose it.
 */
function isPrivateField(name: string): boolean {
  return name.startsWith('#');
}

/**
 * The value of one field: what the field holds, plus the taint of the object as a whole (unless
 * the field was overwritten since). A field of a function's input is that input at a longer path.
 */
export function fieldOf(value: Value, name: string): Value {
  const field = value.fields?.get(name);
  if (field?.exact) return field;
  let inherited = value.taint;
  let base: Value | undefined = field;
  if (!field && value.input && value.input.path.length < MAX_DEPTH) {
    const path = [...value.input.path, name];
    const own = inputOrigin(value.input.input, value.input.path).key;
    inherited = value.taint.filter((taint) => taint.origin.key !== own);
    base = { taint: TaintSet.of({ origin: inputOrigin(value.input.input, path), label: DEFAULT_LABEL, trace: undefined }), input: { input: value.input.input, path } };
  }
  if (!base) return valueOf(inherited);
  return inherited.isEmpty() ? base : { ...base, taint: base.taint.union(inherited) };
}

/** The value at a field path. */
export function pathOf(value: Value, path: readonly string[]): Value {
  return path.reduce(fieldOf, value);
}

/** The value with the field at `path` replaced (strong) or joined (weak); deeper paths collapse into their prefix. */
export function writePath(value: Value, path: readonly string[], written: Value, strong: boolean): Value {
  if (path.length === 0) return strong ? written : joinValues(value, written);
  if (path.length > MAX_DEPTH) return writePath(value, path.slice(0, MAX_DEPTH), written, false);
  const [name, ...rest] = path as [string, ...string[]];
  const current = value.fields?.get(name) ?? (rest.length > 0 ? fieldOf(value, name) : CLEAN);
  const updated = rest.length === 0 ? (strong ? { ...written, exact: true as const } : joinValues(current, written)) : writePath(current, rest, written, strong);
  const fields = new Map(value.fields);
  fields.set(name, updated);
  return { ...value, fields };
}

/** A value that may be either: taints, fields, functions and classes joined. */
export function joinValues(a: Value, b: Value, depth = 0): Value {
  if (a === b || isEmptyValue(b)) return a;
  if (isEmptyValue(a)) return b;
  const taint = a.taint.union(b.taint);
  let fields: Map<string, Value> | undefined;
  if ((a.fields || b.fields) && depth <= MAX_DEPTH) {
    fields = new Map(a.fields);
    for (const [name, field] of b.fields ?? []) fields.set(name, fields.has(name) ? joinValues(fields.get(name)!, field, depth + 1) : field);
  }
  const functions = unionBy([...(a.functions ?? []), ...(b.functions ?? [])], (ref) => ref.node);
  const instanceOf = unionBy([...(a.instanceOf ?? []), ...(b.instanceOf ?? [])], (ref) => ref.node);
  const classes = unionBy([...(a.classes ?? []), ...(b.classes ?? [])], (ref) => ref.node);
  return {
    taint,
    ...(fields && fields.size > 0 ? { fields: limitFields(fields) } : {}),
    ...(functions.length > 0 ? { functions } : {}),
    ...(instanceOf.length > 0 ? { instanceOf } : {}),
    ...(classes.length > 0 ? { classes } : {}),
  };
}

export function joinAll(values: readonly Value[]): Value {
  return values.reduce((joined, value) => joinValues(joined, value), CLEAN);
}

/** A value whose fields are as given. */
export function objectValue(fields: ReadonlyMap<string, Value>, taint: TaintSet = TaintSet.EMPTY): Value {
  return fields.size === 0 ? valueOf(taint) : { taint, fields: limitFields(new Map(fields)) };
}

export function withTaint(value: Value, taint: TaintSet): Value {
  return taint.isEmpty() ? value : { ...value, taint: value.taint.union(taint) };
}

/** The value with `step` added to the path of every taint it carries (its fields' too). */
export function withStep(value: Value, step: FlowStep, depth = 0): Value {
  if (isClean(value)) return value;
  const fields = value.fields && depth <= MAX_DEPTH ? new Map([...value.fields].map(([name, field]) => [name, withStep(field, step, depth + 1)])) : value.fields;
  return { ...value, taint: value.taint.withStep(step), ...(fields ? { fields } : {}) };
}

/** The value with its taint (and its fields') kept only where `keep` says. */
export function filterTaint(value: Value, keep: Parameters<TaintSet['filter']>[0], depth = 0): Value {
  const fields = value.fields && depth <= MAX_DEPTH ? new Map([...value.fields].map(([name, field]) => [name, filterTaint(field, keep, depth + 1)])) : value.fields;
  return { ...value, taint: value.taint.filter(keep), ...(fields ? { fields } : {}) };
}

/** No taint anywhere in it (it may still be a function or an instance). */
export function isClean(value: Value): boolean {
  return wholeTaint(value).isEmpty();
}

function isEmptyValue(value: Value): boolean {
  return value.taint.isEmpty() && !value.fields && !value.functions && !value.instanceOf && !value.classes;
}

/** Identifies what a value carries (taints by origin and label, per field), for fixpoints. */
export function valueKey(value: Value, depth = 0): string {
  let key = value.taint.key;
  if (value.fields && depth <= MAX_DEPTH) {
    for (const name of [...value.fields.keys()].sort()) key += `{${name}:${valueKey(value.fields.get(name)!, depth + 1)}}`;
  }
  if (value.functions) key += `#f${value.functions.length}`;
  if (value.instanceOf) key += `#i${value.instanceOf.length}`;
  if (value.classes) key += `#c${value.classes.length}`;
  return key;
}

function limitFields(fields: Map<string, Value>): ReadonlyMap<string, Value> {
  if (fields.size <= MAX_FIELDS) return fields;
  // Fields past the bound keep their taint in the last kept field's place: over-report, never under-report.
  const kept = [...fields].slice(0, MAX_FIELDS - 1);
  const overflow = joinAll([...fields].slice(MAX_FIELDS - 1).map(([, field]) => valueOf(wholeTaint(field))));
  return new Map([...kept, ['*', overflow]]);
}

function unionBy<T>(items: readonly T[], identity: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const id = identity(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The value with other taint but the same functions, classes and instance types (what a sanitizer leaves). */
export function keepShape(value: Value, taint: TaintSet): Value {
  return { taint, ...(value.functions ? { functions: value.functions } : {}), ...(value.instanceOf ? { instanceOf: value.instanceOf } : {}), ...(value.classes ? { classes: value.classes } : {}) };
}

/** All the taint of several values, fields included. */
export function wholeOf(values: readonly Value[]): TaintSet {
  const sets: TaintSet[] = [];
  for (const value of values) collectTaint(value, 0, sets);
  return TaintSet.unionAll(sets);
}

/**
 * Whether a value can matter to a callee it is passed to: it carries taint, or is (or holds) a
 * function, class, module or promise resolver through which taint can appear or go.
 */
export function carriesSomething(value: Value, depth = 0): boolean {
  if (!value.taint.isEmpty() || value.functions?.length || value.classes?.length || value.namespace !== undefined || value.resolver) return true;
  if (!value.fields || depth > MAX_DEPTH) return false;
  for (const field of value.fields.values()) if (carriesSomething(field, depth + 1)) return true;
  return false;
}
