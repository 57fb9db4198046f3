import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes, unwrap, type Node } from '../lang/ast.js';
import type { FileFacts } from '../lang/file-facts.js';
import { memoized } from '../util/memo.js';
import { escapeRegExp } from '../util/regexp.js';
import { deepExpressionOf, isMetavariableName, patternDottedName, type Pattern } from './pattern.js';
import type { Binding, MatchState } from './state.js';

/** Vetoes a binding the moment a pattern makes it: the conditions of the enclosing `patterns` on that metavariable. */
export type BindingGuard = (name: string, binding: Binding) => boolean;

/**
 * The fast paths guards allow (docs/rules.md §9): for a call pattern whose callee is a guarded
 * metavariable (`$F(...)`, `$X.$FN(...)`), each candidate call's callee is tested before the rest
 * of the call is matched. The callee is matched first and that metavariable bound first anyway,
 * so these are the very checks matching would make, without the rest.
 */
export class CalleeGuard {
  constructor(
    private readonly guard: BindingGuard,
    private readonly facts: FileFacts,
    private readonly bindingOf: (nodes: readonly Node[]) => Binding,
  ) {}

  /** A test of a candidate node for a call pattern, or undefined when the pattern's callee is not guarded. */
  admits(pattern: Node, start: MatchState): ((candidate: Node) => boolean) | undefined {
    const callee = calleeMetavariable(pattern);
    if (!callee || !isGuardable(callee.name, start)) return undefined;
    return (candidate) => {
      const code = calleeBinding(candidate, callee.member);
      return code !== undefined && this.guard(callee.name, this.bindingOf([code]));
    };
  }

  /**
   * False when a guarded metavariable that the pattern binds only as a callee (`$FN` in
   * `$X.$FN(...)`) could bind to no callee of the file: the pattern cannot match anywhere, and
   * long statement sequences are not tried at all.
   */
  canBind(pattern: Pattern, start: MatchState): boolean {
    for (const [name, member] of calleeOnlyMetavariables(pattern)) {
      if (isGuardable(name, start) && !this.someCallee(member, (callee) => this.guard(name, this.bindingOf([callee])))) return false;
    }
    return true;
  }

  /** Does some call or `new` of the file have a callee (its property, when `member`) that passes? */
  private someCallee(member: boolean, passes: (code: Node) => boolean): boolean {
    for (const type of ['CallExpression', 'NewExpression']) {
      for (const call of this.facts.nodesByType.get(type) ?? []) {
        const code = calleeBinding(call, member);
        if (code !== undefined && passes(code)) return true;
      }
    }
    return false;
  }
}

/** A call or `new` that matching compares node type for node type (no module name like `require('x')`). */
export function isPlainCall(pattern: Node): boolean {
  return (pattern.type === 'CallExpression' || pattern.type === 'NewExpression') && patternDottedName(pattern) === undefined && deepExpressionOf(pattern) === undefined;
}

const calleeOnly = new WeakMap<Pattern, Array<[string, boolean]>>();

/**
 * The metavariables a pattern names only as the callee of a plain call (`$F(...)`, member false)
 * or as its callee's property (`$X.$FN(...)`, member true). Uses are counted in the pattern's
 * text, so one hidden anywhere else (a string, a typed metavariable) disqualifies the name.
 */
function calleeOnlyMetavariables(pattern: Pattern): Array<[string, boolean]> {
  return memoized(calleeOnly, pattern, () => findCalleeOnly(pattern));
}

function findCalleeOnly(pattern: Pattern): Array<[string, boolean]> {
  const calleeUses = new Map<string, { count: number; member: boolean }>();
  const stack: Node[] = pattern.kind === 'expression' ? [pattern.node] : [...pattern.nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const callee = calleeMetavariable(node);
    if (callee) {
      const seen = calleeUses.get(callee.name);
      // A name used both ways is left alone: the two checks differ.
      const count = seen && seen.member !== callee.member ? Number.NEGATIVE_INFINITY : (seen?.count ?? 0) + 1;
      calleeUses.set(callee.name, { count, member: callee.member });
    }
    stack.push(...childNodes(node));
  }
  return [...calleeUses]
    .filter(([name, use]) => use.count === textualUses(pattern.source, name))
    .map(([name, use]): [string, boolean] => [name, use.member]);
}

function textualUses(source: string, name: string): number {
  return source.split(name).length - 1 - (source.match(new RegExp(`${escapeRegExp(name)}[A-Za-z0-9_]`, 'g'))?.length ?? 0);
}

/** The metavariable a call pattern's callee is: `$F` in `$F(...)` (member false), `$FN` in `$X.$FN(...)` (member true). */
function calleeMetavariable(pattern: Node): { name: string; member: boolean } | undefined {
  if (!isPlainCall(pattern)) return undefined;
  const callee = (pattern as TSESTree.CallExpression).callee;
  if (callee.type === 'Identifier' && isMetavariableName(callee.name)) return { name: callee.name, member: false };
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && isMetavariableName(callee.property.name)) {
    return { name: callee.property.name, member: true };
  }
  return undefined;
}

/** What that metavariable binds in a call of the code: the callee, or the callee's property. */
function calleeBinding(call: Node, member: boolean): Node | undefined {
  const callee = unwrap((call as TSESTree.CallExpression).callee);
  if (!member) return callee;
  return callee.type === 'MemberExpression' ? callee.property : undefined;
}

/** A metavariable that binding would test against the guard: named, and not bound already. */
function isGuardable(name: string, start: MatchState): boolean {
  return isMetavariableName(name) && name !== '$_' && start.bindings[name] === undefined;
}
