import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classMemberName, isFunction, memberPropertyName, parentOf, unwrap, WRAPPER_TYPES, type Node } from './ast.js';
import type { FileFacts } from './file-facts.js';

/**
 * Value identity (docs/rules.md §3, `metavariable-same-value`): whether two places read the same
 * value, or one place reads the same value on every turn of the loop around it. A value is named by
 * a reference — a variable, `this`, or either followed by static member names (`iv`, `this.nonce`,
 * `state.counter`) — and stays the same until code that may change it runs: an assignment to it or
 * into it, `++`/`--`, a call that is given it, a method called on it other than a read, or a call
 * of a function of the same file that does one of these.
 */
interface Reference {
  root: TSESTree.Identifier | TSESTree.ThisExpression;
  path: readonly string[];
}

/** Methods that read a buffer, array or string without changing it. */
const READING_METHODS = /^(toString|toJSON|toLocaleString|valueOf|equals|compare|indexOf|lastIndexOf|includes|at|slice|subarray|entries|keys|values|join|read\w*|get\w*|has\w*|to[A-Z]\w*)$/;
/** Array methods whose callback runs once per element: its body is a loop body. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
/** How many calls deep a local function is read for writes (a helper calling a helper). */
const CALL_DEPTH = 3;

export class ValueIdentity {
  constructor(private readonly facts: FileFacts) {}

  /** Whether `first` and `second` are two places that read one value, unchanged between them. */
  sameValue(first: Node, second: Node): boolean {
    const a = referenceOf(first);
    const b = referenceOf(second);
    if (!a || !b || first === second || !this.sameRoot(a.root, b.root) || !samePath(a, b)) return false;
    const [earlier, later] = first.range[0] <= second.range[0] ? [first, second] : [second, first];
    if (earlier.range[1] > later.range[0]) return false;
    return !this.writtenIn(a, earlier.range[1], later.range[0], CALL_DEPTH);
  }

  /**
   * Whether `node` reads the same value on every turn of the innermost loop around it: it is
   * declared outside the loop and nothing in the loop may change it.
   */
  sameEachIteration(node: Node): boolean {
    const reference = referenceOf(node);
    if (!reference) return false;
    const loop = enclosingLoop(node);
    if (!loop) return false;
    if (reference.root.type === 'Identifier') {
      const declared = this.declarationNode(reference.root);
      if (declared && contains(loop, declared)) return false;
    }
    return !this.writtenIn(reference, loop.range[0], loop.range[1], CALL_DEPTH, unwrap(node));
  }

  /** Whether code in [start, end) may change the value `reference` names. */
  private writtenIn(reference: Reference, start: number, end: number, depth: number, reading?: Node): boolean {
    for (const candidate of this.facts.nodesByType.get(reference.root.type) ?? []) {
      if (candidate.range[0] < start || candidate.range[1] > end || !this.sameRoot(reference.root, candidate)) continue;
      // walk up the member chain the reference spells: replacing a part replaces the whole
      // (`this.state = …` for `this.state.iv`); at its end, any write into it counts
      let node: Node = candidate;
      for (let depthInPath = 0; ; depthInPath++) {
        if (depthInPath === reference.path.length) {
          if (node !== reading && isWrittenAt(node)) return true;
          break;
        }
        if (isReplacedAt(node)) return true;
        const parent = outerOf(node);
        if (parent?.type !== 'MemberExpression' || innerOf(parent.object, node) !== node || memberPropertyName(parent) !== reference.path[depthInPath]) break;
        node = parent;
      }
    }
    if (depth === 0) return false;
    for (const call of this.facts.nodesByType.get('CallExpression') ?? []) {
      if (call.range[0] < start || call.range[1] > end) continue;
      const body = this.localFunctionOf(call as TSESTree.CallExpression);
      if (body && !contains(body, reference.root) && this.writtenIn(reference, body.range[0], body.range[1], depth - 1)) return true;
    }
    return false;
  }

  private sameRoot(root: Reference['root'], candidate: Node): boolean {
    if (root.type === 'ThisExpression') return candidate.type === 'ThisExpression' && thisOwner(candidate) === thisOwner(root);
    return (
      candidate.type === 'Identifier' &&
      candidate.name === root.name &&
      isReadOrWrittenName(candidate) &&
      this.facts.bindings.declarationOf(candidate) === this.facts.bindings.declarationOf(root)
    );
  }

  /** The function a call runs when it is defined in this file: `helper()` or `this.method()`. */
  private localFunctionOf(call: TSESTree.CallExpression): Node | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      const declarations = this.facts.declarations.declarations.get(callee.name);
      if (!declarations) return undefined;
      const declaration = this.facts.bindings.declarationOf(callee) ?? (declarations.length === 1 ? declarations[0] : undefined);
      if (!declaration) return undefined;
      if (declaration.node.type === 'FunctionDeclaration') return declaration.node;
      if (declaration.kind === 'variable' && declaration.init && isFunction(unwrap(declaration.init))) return unwrap(declaration.init);
      return undefined;
    }
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression') {
      const name = memberPropertyName(callee);
      const owner = thisOwner(unwrap(callee.object) as TSESTree.ThisExpression);
      if (!name || owner?.type !== 'ClassBody') return undefined;
      for (const member of owner.body) {
        if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && classMemberName(member) === name && member.value) return member.value;
      }
    }
    return undefined;
  }

  private declarationNode(identifier: TSESTree.Identifier): Node | undefined {
    const declarations = this.facts.declarations.declarations.get(identifier.name);
    if (!declarations) return undefined;
    return (this.facts.bindings.declarationOf(identifier) ?? (declarations.length === 1 ? declarations[0] : undefined))?.node;
  }
}

function samePath(a: Reference, b: Reference): boolean {
  return a.path.length === b.path.length && a.path.every((name, i) => name === b.path[i]);
}

/** `iv`, `this`, `this.iv`, `state.nonce.bytes`: a root and static member names; anything else names no single value. */
function referenceOf(node: Node): Reference | undefined {
  const path: string[] = [];
  let current = unwrap(node);
  while (current.type === 'MemberExpression') {
    const name = memberPropertyName(current);
    if (name === undefined) return undefined;
    path.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type !== 'Identifier' && current.type !== 'ThisExpression') return undefined;
  return { root: current, path };
}

/** Whether the code at `node` may change the value it names, or what is stored inside it. */
function isWrittenAt(node: Node): boolean {
  for (let current = node; ; ) {
    if (isReplacedAt(current)) return true;
    const parent = outerOf(current);
    if (!parent) return false;
    // a callee given the value may fill it (randomFillSync(iv), src.copy(iv), writeSeqno(iv, n)); given iv.length, it cannot
    if (current === node && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.some((argument) => innerOf(argument, current) === current)) return true;
    if (parent.type !== 'MemberExpression' || innerOf(parent.object, current) !== current) return false;
    const above = outerOf(parent);
    if (above?.type === 'CallExpression' && innerOf(above.callee, parent) === parent) {
      // iv.set(…), iv.writeUInt32BE(…), but not iv.toString('hex')
      const method = memberPropertyName(parent);
      return method === undefined || !READING_METHODS.test(method);
    }
    // iv[0] = 1, state.nonce.counter++
    current = parent;
  }
}

/** Whether `node` is given a new value: assigned, incremented, destructured into or a loop's variable. */
function isReplacedAt(node: Node): boolean {
  const parent = outerOf(node);
  if (!parent) return false;
  switch (parent.type) {
    case 'AssignmentExpression':
      return innerOf(parent.left, node) === node;
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'AssignmentPattern':
    case 'RestElement':
      return true;
    case 'Property':
      return parentOf(parent)?.type === 'ObjectPattern' && parent.value === node;
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node;
    default:
      return false;
  }
}

/** The parent of a node, above any wrappers (`iv!`, `iv as Buffer`). */
function outerOf(node: Node): Node | undefined {
  let parent = parentOf(node);
  while (parent && WRAPPER_TYPES.has(parent.type)) parent = parentOf(parent);
  return parent;
}

/** `child` when `wrapped` is it under wrappers, else `wrapped`. */
function innerOf(wrapped: Node, child: Node): Node {
  return unwrap(wrapped) === unwrap(child) ? child : wrapped;
}

function isReadOrWrittenName(identifier: Node): boolean {
  const parent = parentOf(identifier);
  if (!parent) return true;
  if (parent.type === 'MemberExpression') return parent.object === identifier || (parent.computed && parent.property === identifier);
  if (parent.type === 'Property') return parent.value === identifier || parent.shorthand;
  if (parent.type === 'VariableDeclarator') return parent.init === identifier;
  if (parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') return false;
  return !(isFunction(parent) && (parent as { id?: Node | null }).id === identifier) && !parent.type.startsWith('Import') && parent.type !== 'ExportSpecifier';
}

/** What `this` refers to: the nearest non-arrow function, or the class whose field initialiser holds it. */
function thisOwner(node: TSESTree.ThisExpression): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current.type === 'ClassBody') return current;
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression') {
      const method = parentOf(current);
      // methods of one class share `this`
      if (method?.type === 'MethodDefinition' || method?.type === 'PropertyDefinition') return parentOf(method);
      return current;
    }
  }
  return undefined;
}

/** The innermost loop statement, or array-iteration callback, around `node` in its function. */
function enclosingLoop(node: Node): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (LOOP_TYPES.has(current.type)) return current;
    if (isFunction(current)) {
      const call = outerOf(current);
      if (call?.type !== 'CallExpression' || !call.arguments.some((argument) => unwrap(argument) === current)) return undefined;
      const callee = unwrap(call.callee);
      if (callee.type !== 'MemberExpression' || !ITERATING_METHODS.has(memberPropertyName(callee) ?? '')) return undefined;
      return current;
    }
  }
  return undefined;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
