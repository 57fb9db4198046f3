import { FUNCTION_TYPES, isValuePosition, memberPropertyName, parentOf, type Node } from '../lang/ast.js';
import type { FileFacts } from '../lang/file-facts.js';
import { memoized } from '../util/memo.js';
import type { TaintFile } from './host.js';
import type { ClassNode, ClassRef, FunctionNode, FunctionRef } from './value.js';

/** Functions not nested in another function: declarations, methods, field arrows and arrows of the top level, in source order. */
export function standaloneFunctions(facts: FileFacts, file: string): FunctionRef[] {
  return memoized(standaloneCache, facts, () => {
    const out: FunctionRef[] = [];
    for (const type of FUNCTION_TYPES) {
      for (const node of facts.nodesByType.get(type) ?? []) {
        if (hasFunctionAncestor(node)) continue;
        const owner = classOf(node, file);
        out.push({ file, node: node as FunctionNode, ...(owner ? { owner } : {}) });
      }
    }
    return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  });
}

const standaloneCache = new WeakMap<FileFacts, FunctionRef[]>();

/** Classes of the top level whose field initialisers run without a constructor of their own. */
export function classesWithoutConstructor(facts: FileFacts, file: string): ClassRef[] {
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

export interface RelevanceInputs {
  /** Names whose values may carry taint: tainted module variables, imports of functions, classes or values that do. */
  taintedNames: ReadonlySet<string>;
  /** Method names of imported classes whose methods can make taint appear. */
  taintedMembers: ReadonlySet<string>;
}

/** The functions of a file that can make taint appear, and the names of those that are methods or named functions. */
export interface Relevance {
  functions: Set<FunctionNode>;
  /** Names under which relevant functions are called (`read` for `service.read()`). */
  names: Set<string>;
}

/**
 * The functions of a file worth running for a rule: those that hold a source (or whose class's
 * field initialisers do), read a name that may carry taint, or call a function or method (by
 * name: `x.read()` for any relevant `read`) that can; and every method of a class one of whose
 * methods can (they share fields). The others can make no taint appear: they are summarised only
 * when a relevant function calls them. Over-approximate by design: a name shared by an unrelated
 * method only costs the time to run it.
 */
export function relevantFunctions(file: TaintFile, inputs: RelevanceInputs): Relevance {
  const functions = standaloneFunctions(file.facts, file.path);
  const relevant = new Set<FunctionNode>();
  const names = new Set<string>();
  if (functions.length === 0) return { functions: relevant, names };
  const starts = functions.map((fn) => fn.node.range[0]);
  const enclosing = (offset: number): FunctionRef | undefined => {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const candidate = found >= 0 ? functions[found]! : undefined;
    return candidate && offset < candidate.node.range[1] ? candidate : undefined;
  };
  const classes = [...(file.facts.nodesByType.get('ClassDeclaration') ?? []), ...(file.facts.nodesByType.get('ClassExpression') ?? [])] as ClassNode[];
  const markClassOf = (offset: number) => {
    for (const cls of classes) {
      if (cls.range[0] > offset || offset >= cls.range[1]) continue;
      const method = functions.find((fn) => fn.owner?.node === cls);
      if (method) relevant.add(method.node);
    }
  };
  for (const match of file.matches.sources.matches) {
    const owner = enclosing(match.range[0]);
    if (owner) relevant.add(owner.node);
    // A source in a field initialiser: the class's methods see it through `this`.
    else markClassOf(match.range[0]);
  }

  // Which names each function uses: identifiers and member names.
  const uses = new Map<string, Set<FunctionNode>>();
  const use = (name: string, fn: FunctionNode) => memoized(uses, name, () => new Set()).add(fn);
  for (const node of file.facts.nodesByType.get('Identifier') ?? []) {
    if (!isValuePosition(node)) continue;
    const owner = enclosing(node.range[0]);
    if (!owner) continue;
    const name = (node as { name: string }).name;
    if (inputs.taintedNames.has(name)) relevant.add(owner.node);
    else use(name, owner.node);
  }
  for (const node of file.facts.nodesByType.get('MemberExpression') ?? []) {
    const owner = enclosing(node.range[0]);
    if (!owner) continue;
    const property = (node as { property: Node }).property;
    const name = memberPropertyName(node as Parameters<typeof memberPropertyName>[0]) ?? (property.type === 'PrivateIdentifier' ? `#${(property as { name: string }).name}` : undefined);
    if (name === undefined) continue;
    if (inputs.taintedMembers.has(name)) relevant.add(owner.node);
    else use(name, owner.node);
  }

  // Taint reaches a caller through what a callee returns, and a class's methods through its fields.
  const refs = new Map(functions.map((fn) => [fn.node, fn]));
  const done = new Set<ClassNode>();
  const pending = [...relevant];
  const mark = (fn: FunctionNode) => {
    if (relevant.has(fn)) return;
    relevant.add(fn);
    pending.push(fn);
  };
  while (pending.length > 0) {
    const fn = pending.pop()!;
    const ref = refs.get(fn);
    const name = ref ? functionName(ref) : undefined;
    if (name !== undefined) {
      names.add(name);
      for (const caller of uses.get(name) ?? []) mark(caller);
    }
    const owner = ref?.owner;
    if (owner && !done.has(owner.node)) {
      done.add(owner.node);
      for (const method of functions) if (method.owner?.node === owner.node) mark(method.node);
      if (owner.node.id) for (const user of uses.get(owner.node.id.name) ?? []) mark(user);
    }
  }
  return { functions: relevant, names };
}

/** The name a function is called by: its own, its variable's, or its method's. */
export function functionName(fn: FunctionRef): string | undefined {
  if (fn.node.id) return fn.node.id.name;
  const parent = parentOf(fn.node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property') {
    if (parent.key.type === 'Identifier') return parent.key.name;
    if (parent.key.type === 'PrivateIdentifier') return `#${parent.key.name}`;
  }
  return undefined;
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
