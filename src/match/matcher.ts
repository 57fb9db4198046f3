import { lowerBound } from '../util/sorted-search.js';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { chainReceivers, childNodes, isNode, memberPropertyName, parentOf, propertyKeyName, unwrap, WRAPPER_TYPES, FUNCTION_TYPES, type Node } from '../lang/ast.js';
import { ConstantArray, ConstantObject, isPrimitive, type Constant, type ConstantValue } from '../lang/constants.js';
import { isExternal } from '../lang/origin.js';
import type { FileFacts } from '../lang/file-facts.js';
import { requiredModule, spelledName } from '../lang/names.js';
import { statementExpressions } from '../lang/statements.js';
import { CalleeGuard, isPlainCall, type BindingGuard } from './callee-guard.js';
import { CandidateIndex, type FlatList } from './candidates.js';
import { StepMeter } from './step-meter.js';
import { METAVARIABLE } from './metavariable.js';
import {
  canonicalPatternName, deepExpressionOf, isAnyLoop, isEllipsis, isMetavariableName, patternDottedName, spreadMetavariable, stringRegexOf,
  typedMetavariableOf, type Pattern,
} from './pattern.js';
import { ELLIPSIS } from './pattern-source.js';
import { matchJsxElement, matchJsxText } from './jsx.js';
import { isExactTemplate, matchTemplateItems, type TemplateMatching } from './template.js';
import { hasTypeNamed } from './type-names.js';
import { addConstantOrigins, extendSpan, stateKey, sameCode, type Binding, type MatchState } from './state.js';

/** A field of an object literal or of a destructuring pattern. */
type ObjectMember = TSESTree.ObjectLiteralElement | TSESTree.Property | TSESTree.RestElement;

/** A place in the code where a pattern matched, with the metavariables it bound. */
export interface PatternMatch {
  range: readonly [number, number];
  state: MatchState;
}

/** Keys that hold types, modifiers or source spelling: patterns never depend on them. */
const IGNORED_KEYS = new Set([
  'type', 'loc', 'range', 'parent', 'typeAnnotation', 'returnType', 'typeArguments', 'typeParameters', 'decorators',
  'optional', 'definite', 'declare', 'accessibility', 'override', 'readonly', 'abstract', 'raw', 'directive',
  'importKind', 'exportKind', 'computed', 'shorthand', 'method', 'expression', 'kind', 'implements', 'superTypeArguments',
]);
/** Boolean flags a pattern may require (`async function`), but whose absence in a pattern matches both. */
const REQUIRED_IF_TRUE = new Set(['async', 'generator', 'static', 'await', 'delegate', 'prefix']);
/** Bounds the backtracking of ellipsis matching on pathological inputs. */
const MAX_STATES = 256;

/**
 * Matches pattern trees against one file's code with Semgrep's semantics (docs/rules.md §2). An
 * instance holds no state of its own between calls: a guard is fixed when the instance is made
 * (`withGuard`), so another engine can match inside a match without disturbing it.
 */
export class Matcher {
  private readonly calleeGuard: CalleeGuard | undefined;
  private readonly templateMatching: TemplateMatching;

  constructor(
    private readonly facts: FileFacts,
    private readonly meter: StepMeter = new StepMeter(),
    private readonly index: CandidateIndex = new CandidateIndex(facts),
    private readonly guard?: BindingGuard,
  ) {
    this.calleeGuard = guard ? new CalleeGuard(guard, facts, (nodes) => this.bindingOf(nodes)) : undefined;
    this.templateMatching = {
      match: (pattern, code, state) => this.match(pattern, code, state),
      bindValue: (name, binding, state) => this.bindBinding(name, binding, state),
      text: facts.text,
      maxStates: MAX_STATES,
    };
  }

  /** A matcher of the same file whose bindings must pass `guard`. */
  withGuard(guard: BindingGuard): Matcher {
    return new Matcher(this.facts, this.meter, this.index, guard);
  }

  /** Every match of a pattern in the file, de-duplicated by range and bindings. */
  findAll(pattern: Pattern, start: MatchState): PatternMatch[] {
    if (this.calleeGuard && !this.calleeGuard.canBind(pattern, start)) return [];
    const found = new Map<string, PatternMatch>();
    const record = (range: readonly [number, number], state: MatchState) => {
      const key = stateKey(range, state);
      if (!found.has(key)) found.set(key, { range, state });
    };
    if (pattern.kind === 'expression') {
      const admits = this.calleeGuard?.admits(pattern.node, start);
      for (const candidate of this.index.candidates(pattern.node)) {
        if (admits && !admits(candidate)) continue;
        for (const state of this.match(pattern.node, candidate, start)) record(candidate.range, state);
      }
    } else {
      for (const list of this.index.statementLists()) {
        for (let index = 0; index < list.length; index++) {
          for (const state of this.matchSequence(pattern.nodes, list, 0, index, start, true)) {
            if (state.span) record(state.span, state);
          }
        }
      }
    }
    return [...found.values()];
  }

  /** Matches one pattern node against one code node. */
  match(pattern: Node, code: Node, state: MatchState): MatchState[] {
    this.meter.spend();
    const target = declarationStatementOf(pattern, unwrap(code));
    // `$REQ: $TYPE`: a declared type in the pattern must be matched; without one, code types are ignored.
    const wantedType = declaredType(pattern);
    if (wantedType) {
      const presentType = declaredType(target);
      if (!presentType) return [];
      return this.match(wantedType, presentType, state).flatMap((next) => this.matchNode(pattern, target, next));
    }
    return this.matchNode(pattern, target, state);
  }

  private matchNode(pattern: Node, target: Node, state: MatchState): MatchState[] {
    if (pattern.type === 'Identifier' && isMetavariableName(pattern.name)) return this.bind(pattern.name, [target], state);
    if (isEllipsis(pattern)) return [state];
    const deep = deepExpressionOf(pattern);
    if (deep) return this.matchDeep(deep, target, state);
    const typed = typedMetavariableOf(pattern);
    if (typed) return hasTypeNamed(this.facts, target, typed[1]) ? this.bind(typed[0], [target], state) : [];
    if (isAnyLoop(pattern)) {
      const loop = pattern as TSESTree.ForOfStatement;
      if (target.type !== 'ForStatement' && target.type !== 'ForInStatement' && target.type !== 'ForOfStatement') return [];
      return this.match(loop.body, target.body, state);
    }

    const dotted = patternDottedName(pattern);
    if (dotted !== undefined) return this.matchName(pattern, dotted, target, state);

    switch (pattern.type) {
      case 'Literal':
        return this.matchLiteral(pattern, target, state);
      case 'TemplateLiteral':
        return this.matchTemplate(pattern, target, state);
      case 'ObjectExpression':
        return this.matchObject(pattern, target, state);
      case 'TSTypeAnnotation':
        return target.type === 'TSTypeAnnotation' ? this.match(pattern.typeAnnotation, target.typeAnnotation, state) : [];
      case 'TSTypeReference':
        if (pattern.typeName.type === 'Identifier' && isMetavariableName(pattern.typeName.name) && !pattern.typeArguments) return this.bind(pattern.typeName.name, [target], state);
        break;
      case 'JSXElement':
        return matchJsxElement(pattern, target, state, this);
      case 'JSXText':
        return matchJsxText(pattern, target, state);
      case 'ObjectPattern':
        // Destructuring, as object literals: the named fields in any order, others allowed.
        if (target.type !== 'ObjectPattern') return [];
        return this.matchSubset(pattern.properties, target.properties, state, (property, candidate, current) => this.matchProperty(property, candidate, current));
      case 'ArrayExpression': {
        const array = this.resolveConstantInit(target, 'ArrayExpression');
        if (!array) return [];
        return this.matchList(pattern.elements, (array.node as TSESTree.ArrayExpression).elements, addConstantOrigins(state, array.via));
      }
      case 'AssignmentExpression':
        if (target.type === 'VariableDeclarator' && pattern.operator === '=') {
          if (!target.init) return [];
          return this.match(pattern.left, target.id, state).flatMap((next) => this.match(pattern.right, target.init!, next));
        }
        break;
      case 'ExpressionStatement':
        return this.matchExpressionStatement(pattern, target, state);
      case 'VariableDeclaration':
        if (target.type === 'VariableDeclaration') return this.matchDeclarators(pattern.declarations, target.declarations, state);
        break;
      case 'MemberExpression':
        return this.matchMember(pattern, target, state);
      case 'BlockStatement':
        if (target.type !== 'BlockStatement') return [];
        return this.matchSequence(pattern.body, target.body, 0, 0, state, false);
      case 'ImportDeclaration': {
        if (target.type === 'ImportDeclaration') {
          return this.match(pattern.source, target.source, state).flatMap((next) => this.matchSubset(pattern.specifiers, target.specifiers, next));
        }
        // `import "m"` alone names the module: any import of it, `require` included (Semgrep's import equivalence).
        if (pattern.specifiers.length > 0) return [];
        return moduleSpecifiersLoadedBy(target).flatMap((specifier) => this.match(pattern.source, specifier, state));
      }
      case 'ClassBody':
        if (target.type !== 'ClassBody') return [];
        return this.matchSubset(pattern.body, target.body, state);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.matchClass(pattern, target, state);
      case 'Property':
        return target.type === 'Property' ? this.matchProperty(pattern, target, state) : [];
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.matchFunction(pattern, target, state);
      case 'SwitchStatement':
        return this.matchSwitch(pattern, target, state);
    }
    if (pattern.type !== target.type) return [];
    return this.matchChildren(pattern, target, state);
  }

  private matchChildren(pattern: Node, code: Node, state: MatchState): MatchState[] {
    let states: MatchState[] = [state];
    const patternRecord = pattern as unknown as Record<string, unknown>;
    const codeRecord = code as unknown as Record<string, unknown>;
    for (const key of orderedKeys(pattern)) {
      if (IGNORED_KEYS.has(key)) continue;
      const p = patternRecord[key];
      const c = codeRecord[key];
      if (REQUIRED_IF_TRUE.has(key)) {
        if (p === true && c !== true) return [];
        continue;
      }
      if (Array.isArray(p)) {
        if (!Array.isArray(c)) return [];
        states = states.flatMap((s) => this.matchList(p as Node[], c as Node[], s));
      } else if (isNode(p)) {
        if (!isNode(c)) return [];
        states = states.flatMap((s) => this.match(p, c, s));
      } else if (p !== c && !(p === null && c === undefined) && !(p === undefined && c === null)) {
        return [];
      }
      if (states.length === 0) return [];
    }
    return states;
  }

  /** Ordered lists with `...` (any run) and `$...X` (a bound run): arguments, elements, parameters. */
  matchList(patterns: ReadonlyArray<Node | null>, code: ReadonlyArray<Node | null>, state: MatchState, i = 0, j = 0): MatchState[] {
    if (i === patterns.length) return j === code.length ? [state] : [];
    const pattern = patterns[i] ?? null;
    const spread = spreadMetavariable(pattern);
    if (isEllipsis(pattern) || spread) {
      const results: MatchState[] = [];
      for (let k = j; k <= code.length && results.length < MAX_STATES; k++) {
        const run = code.slice(j, k).filter((node): node is Node => node !== null);
        const bound = spread ? this.bind(spread, run, state) : [state];
        for (const next of bound) results.push(...this.matchList(patterns, code, next, i + 1, k));
      }
      return results;
    }
    if (j >= code.length) return [];
    const item = code[j] ?? null;
    if (pattern === null || item === null) return pattern === item ? this.matchList(patterns, code, state, i + 1, j + 1) : [];
    return this.match(pattern, item, state)
      .slice(0, MAX_STATES)
      .flatMap((next) => this.matchList(patterns, code, next, i + 1, j + 1));
  }

  /**
   * Statement sequences, as Semgrep: `...` skips any statements, and the statements after it may
   * also be found nested deeper (inside an `if`, a loop, a callback) in what follows.
   */
  matchSequence(patterns: readonly Node[], code: readonly Node[], i: number, j: number, state: MatchState, openEnd: boolean): MatchState[] {
    if (i === patterns.length) return openEnd || j === code.length ? [state] : [];
    const pattern = patterns[i]!;
    const spread = spreadMetavariable(pattern);
    if (isEllipsis(pattern) || spread) {
      // A leading `...` covers the statements it skips, so `pattern-not-inside: "... \n f()"` reaches back.
      const started = i === 0 && j < code.length ? extendSpan(state, [code[j]!.range[0], code[j]!.range[0]]) : state;
      if (i === patterns.length - 1 && !spread) return [j < code.length ? extendSpan(started, [code[j]!.range[0], code[code.length - 1]!.range[1]]) : started];
      const results: MatchState[] = [];
      if (spread) {
        for (let k = j; k <= code.length && results.length < MAX_STATES; k++) {
          for (const next of this.bind(spread, code.slice(j, k), started)) results.push(...this.matchSequence(patterns, code, i + 1, k, next, openEnd));
        }
        return results;
      }
      // As Semgrep, what follows `...` may sit in blocks nested in the following statements
      // (an if, a loop, a try): the rest is matched on those statements flattened in order.
      const flat = this.index.flatList(code);
      const following = flat ? flat.nodes : this.index.flattened(code.slice(j));
      const first = flat ? (j < code.length ? flat.offsets[j]! : following.length) : 0;
      const anchor = this.anchorWord(patterns[i + 1]!, started);
      if (flat && anchor !== undefined) {
        for (const k of this.statementsSpelling(flat, first, anchor)) {
          if (results.length >= MAX_STATES) break;
          results.push(...this.matchSequence(patterns, following, i + 1, k, started, true));
        }
        return results;
      }
      for (let k = first; k <= following.length && results.length < MAX_STATES; k++) {
        results.push(...this.matchSequence(patterns, following, i + 1, k, started, true));
      }
      return results;
    }
    if (j >= code.length) return [];
    const statement = code[j]!;
    return this.match(pattern, statement, state)
      .slice(0, MAX_STATES)
      .flatMap((next) => this.matchSequence(patterns, code, i + 1, j + 1, extendSpan(next, statement.range), openEnd));
  }

  /**
   * A word every statement the pattern statement matches must spell: the longest word of the code
   * bound to one of its metavariables that is already bound to a name or dotted name
   * (`$KEY = $INIT; ... $KEY.fill(0);`). Undefined
   * when there is none, or when the pattern holds a construct that can bind code found elsewhere
   * (an array or object pattern reads constants defined elsewhere, a template or string reads
   * constant values).
   */
  private anchorWord(pattern: Node, state: MatchState): string | undefined {
    for (const name of anchorMetavariables(pattern)) {
      const binding = state.bindings[name];
      // A name or dotted name (`key`, `this.key`): the code bound next must spell each of its words.
      if (binding && binding.value === undefined && /^[\w$]+(\.[\w$]+)*$/.test(binding.text)) {
        return binding.text.split('.').reduce((longest, word) => (word.length > longest.length ? word : longest), '');
      }
    }
    return undefined;
  }

  /**
   * The slots of `flat` from `first` on whose statement spells `word`, in order: only those can
   * match a pattern statement anchored on it, so a run of statements after each `$X = ...; ...`
   * costs the word's occurrences there, not every statement that follows.
   */
  private *statementsSpelling(flat: FlatList, first: number, word: string): Generator<number> {
    const positions = this.index.wordPositions(word);
    const nodes = flat.nodes;
    let k = first;
    while (k < nodes.length) {
      let slot = -1;
      for (let at = lowerBound(positions, nodes[k]!.range[0]); at < positions.length && positions[at]! < flat.end; at++) {
        slot = flat.nextContaining(k, positions[at]!, positions[at]! + word.length);
        if (slot >= 0) break;
      }
      if (slot < 0) return;
      yield slot;
      k = slot + 1;
    }
  }

  /**
   * Template patterns (template.ts): a template with neither holes nor wildcards also matches a
   * constant string of that value; any other template pattern matches template literals only.
   */
  private matchTemplate(pattern: TSESTree.TemplateLiteral, code: Node, state: MatchState): MatchState[] {
    if (pattern.expressions.length === 0 && isExactTemplate(pattern)) return this.matchString(pattern.quasis[0]?.value.cooked ?? '', code, state);
    if (code.type !== 'TemplateLiteral') return [];
    return matchTemplateItems(pattern, code, state, this.templateMatching);
  }

  /**
   * Each pattern item (ellipses aside) matches a distinct code item, in any order, and the code
   * may have other items: import specifiers, class members, template holes, object fields.
   */
  matchSubset<P extends Node, C extends Node>(
    patterns: readonly P[],
    code: readonly C[],
    state: MatchState,
    matchItem: (pattern: P, item: C, state: MatchState) => MatchState[] = (pattern, item, current) => this.match(pattern, item, current),
  ): MatchState[] {
    const wanted = patterns.filter((item) => !isEllipsis(item));
    const search = (index: number, used: ReadonlySet<number>, current: MatchState): MatchState[] => {
      if (index === wanted.length) return [current];
      const results: MatchState[] = [];
      code.forEach((candidate, position) => {
        if (used.has(position) || results.length >= MAX_STATES) return;
        for (const next of matchItem(wanted[index]!, candidate, current)) results.push(...search(index + 1, new Set([...used, position]), next));
      });
      return results;
    };
    return search(0, new Set(), state);
  }

  /**
   * `switch ($X) { ... }` matches any switch on a matching value; cases written in the pattern
   * (`case 'a': ...`) must each match a case of the code, in any order, their bodies as statement
   * sequences.
   */
  private matchSwitch(pattern: TSESTree.SwitchStatement, code: Node, state: MatchState): MatchState[] {
    if (code.type !== 'SwitchStatement') return [];
    const wanted = pattern.cases.filter((switchCase) => !(switchCase.test && isEllipsis(switchCase.test)));
    return this.match(pattern.discriminant, code.discriminant, state).flatMap((next) =>
      this.matchSubset(wanted, code.cases, next, (patternCase, codeCase, current) => {
        if ((patternCase.test === null) !== (codeCase.test === null)) return [];
        const tested = patternCase.test && codeCase.test ? this.match(patternCase.test, codeCase.test, current) : [current];
        return tested.flatMap((after) => this.matchSequence(patternCase.consequent, codeCase.consequent, 0, 0, after, false));
      }),
    );
  }

  /** `class $C { … }` matches class declarations and expressions, exported or not; members as a subset. */
  private matchClass(pattern: TSESTree.ClassDeclaration | TSESTree.ClassExpression, code: Node, state: MatchState): MatchState[] {
    if (code.type !== 'ClassDeclaration' && code.type !== 'ClassExpression') return [];
    let states: MatchState[] = [state];
    if (pattern.id && !isEllipsis(pattern.id)) {
      const metavariable = pattern.id.type === 'Identifier' && isMetavariableName(pattern.id.name);
      if (code.id) states = this.match(pattern.id, code.id, state);
      else if (!metavariable) return [];
    }
    if (pattern.superClass) {
      if (!code.superClass) return [];
      states = states.flatMap((next) => this.match(pattern.superClass!, code.superClass!, next));
    }
    return states.flatMap((next) => this.matchSubset(pattern.body.body, code.body.body, next));
  }

  /**
   * An expression statement pattern `foo();` matches a statement that is that expression, and,
   * as Semgrep's implicit deep expression statements, one that contains it in its expressions:
   * `x += foo()`, `use(foo())`, `const y = await foo()`, `return foo()`. Function bodies with
   * braces are not entered: they are statements of their own.
   */
  private matchExpressionStatement(pattern: TSESTree.ExpressionStatement, code: Node, state: MatchState): MatchState[] {
    const expression = pattern.expression;
    if (code.type === 'ExpressionStatement') {
      const direct = this.match(expression, code.expression, state);
      if (direct.length > 0) return direct;
    }
    if (code.type === 'VariableDeclaration' && expression.type === 'AssignmentExpression' && expression.operator === '=') {
      const declared = code.declarations.flatMap((declarator) => this.match(expression, declarator, state));
      if (declared.length > 0) return declared;
    }
    return statementExpressions(code).flatMap((root) => this.matchDeep(expression, root, state));
  }

  private matchDeclarators(patterns: TSESTree.VariableDeclarator[], code: TSESTree.VariableDeclarator[], state: MatchState): MatchState[] {
    if (patterns.length === 1) return code.flatMap((declarator) => this.matchDeclarator(patterns[0]!, declarator, state));
    return this.matchList(patterns, code, state);
  }

  private matchDeclarator(pattern: TSESTree.VariableDeclarator, code: TSESTree.VariableDeclarator, state: MatchState): MatchState[] {
    const ids = this.match(pattern.id, code.id, state);
    if (!pattern.init) return ids;
    if (!code.init) return [];
    return ids.flatMap((next) => this.match(pattern.init!, code.init!, next));
  }

  private matchFunction(pattern: TSESTree.FunctionLike, code: Node, state: MatchState): MatchState[] {
    if (!FUNCTION_TYPES.has(code.type)) return [];
    const fn = code as TSESTree.FunctionLike;
    if (pattern.async && !fn.async) return [];
    if (pattern.generator && !fn.generator) return [];
    let states: MatchState[] = [state];
    if (pattern.id && !isEllipsis(pattern.id)) {
      const metavariable = pattern.id.type === 'Identifier' && isMetavariableName(pattern.id.name);
      if (fn.id) states = this.match(pattern.id, fn.id, state);
      else if (!metavariable) return [];
    }
    states = states.flatMap((s) => this.matchList(pattern.params, fn.params, s));
    if (!pattern.body) return states;
    const body = fn.body;
    if (!body) return [];
    if (pattern.body.type === 'BlockStatement' && body.type !== 'BlockStatement') {
      const onlyEllipsis = pattern.body.body.length === 1 && isEllipsis(pattern.body.body[0]);
      return onlyEllipsis ? states : [];
    }
    return states.flatMap((s) => this.match(pattern.body, body, s));
  }

  private matchMember(pattern: TSESTree.MemberExpression, code: Node, state: MatchState): MatchState[] {
    if (code.type === 'Identifier') return this.matchImportedMember(pattern, code, state);
    if (code.type !== 'MemberExpression') return [];
    const patternProperty = pattern.property;
    let states: MatchState[];
    if (!pattern.computed && patternProperty.type === 'Identifier' && isMetavariableName(patternProperty.name)) {
      states = this.bind(patternProperty.name, [code.property], state);
    } else if (pattern.computed) {
      const name = memberPropertyName(pattern);
      if (name !== undefined) {
        if (memberPropertyName(code) !== name) return [];
        states = [state];
      } else {
        if (!code.computed) return [];
        states = this.match(patternProperty, code.property, state);
      }
    } else {
      if (memberPropertyName(pattern) !== memberPropertyName(code)) return [];
      states = [state];
    }
    const object = pattern.object;
    if (object.type === 'MemberExpression' && isEllipsis(object.property)) {
      // `$O.foo(). ... .bar()`: any chain of calls and members between `$O.foo()` and `.bar`.
      return states.flatMap((next) => chainReceivers(code.object).flatMap((receiver) => this.match(object.object, receiver, next)));
    }
    return states.flatMap((next) => this.match(object, code.object, next));
  }

  /**
   * `$MODULE.insecure(...)` also matches `insecure(...)` after `import { insecure } from 'pkg'`:
   * `$MODULE` is then bound to the identifier, and metavariable-name sees its module.
   */
  private matchImportedMember(pattern: TSESTree.MemberExpression, code: TSESTree.Identifier, state: MatchState): MatchState[] {
    if (pattern.computed || pattern.property.type !== 'Identifier' || pattern.object.type !== 'Identifier' || !isMetavariableName(pattern.object.name)) return [];
    const qualified = this.facts.names.qualifiedName(code);
    if (!qualified || qualified.origin !== 'module' || !qualified.name.endsWith(`.${pattern.property.name}`)) return [];
    return this.bind(pattern.object.name, [code], state);
  }

  /** `crypto.createCipheriv` matches every spelling that reaches that function (imports, requires, aliases). */
  private matchName(pattern: Node, dotted: string, code: Node, state: MatchState): MatchState[] {
    if (code.type !== 'Identifier' && code.type !== 'MemberExpression' && code.type !== 'CallExpression' && code.type !== 'ThisExpression') {
      return [];
    }
    if (pattern.type === 'Identifier' && code.type === 'Identifier' && code.name === pattern.name) return [state];
    const wanted = canonicalPatternName(pattern);
    const qualified = this.facts.names.qualifiedName(code);
    if (qualified?.name === wanted) return [state];
    // `NestFactory.create` also matches after `import { NestFactory } from '@nestjs/core'`: the
    // root is a name imported by name, not a module, so its spelling is what the pattern means.
    const spelled = spelledName(code);
    return spelled === dotted && this.facts.names.isNamedImportRoot(spelled.split('.')[0]!) ? [state] : [];
  }

  private matchLiteral(pattern: TSESTree.Literal, code: Node, state: MatchState): MatchState[] {
    if ('regex' in pattern && pattern.regex) {
      if (!(code.type === 'Literal' && 'regex' in code && code.regex)) return [];
      const wanted = pattern.regex.pattern;
      if (wanted === ELLIPSIS) return [state];
      if (METAVARIABLE.test(wanted)) return this.bind(wanted, [code], state);
      return code.regex.pattern === wanted ? [state] : [];
    }
    if (typeof pattern.value === 'string') {
      if (METAVARIABLE.test(pattern.value)) {
        const constant = this.facts.constants.valueOf(code);
        return constant && typeof constant.value === 'string' ? this.bind(pattern.value, [code], addConstantOrigins(state, constant.via)) : [];
      }
      return this.matchString(pattern.value, code, state);
    }
    const constant = this.facts.constants.valueOf(code);
    if (!constant || !isPrimitive(constant.value)) return [];
    const equal =
      typeof pattern.value === 'number' || typeof pattern.value === 'bigint'
        ? (typeof constant.value === 'number' || typeof constant.value === 'bigint') && Number(constant.value) === Number(pattern.value)
        : constant.value === pattern.value;
    return equal ? [addConstantOrigins(state, constant.via)] : [];
  }

  /** A string literal matches any expression whose value is that string; `"..."` matches any string. */
  private matchString(expected: string, code: Node, state: MatchState): MatchState[] {
    const constant = this.facts.constants.valueOf(code);
    if (!constant || typeof constant.value !== 'string') return [];
    const regex = stringRegexOf(expected);
    const matches = regex ? regex.test(constant.value) : expected === '...' || constant.value === expected;
    return matches ? [addConstantOrigins(state, constant.via)] : [];
  }

  /** Object patterns: fields in any order, other fields allowed (Semgrep's implicit ellipsis in records). */
  private matchObject(pattern: TSESTree.ObjectExpression, code: Node, state: MatchState): MatchState[] {
    const object = this.resolveConstantInit(code, 'ObjectExpression');
    if (object) {
      const literal = object.node as TSESTree.ObjectExpression;
      const written = code.type === 'Identifier' ? this.facts.constants.fieldsWrittenAt(code) : undefined;
      const properties = this.effectiveProperties(literal, written);
      const states = this.matchSubset(pattern.properties, properties, addConstantOrigins(state, object.via), (property, candidate, current) =>
        this.matchProperty(property, candidate, current),
      );
      if (states.length > 0 || !literal.properties.some((property) => property.type === 'SpreadElement')) return states;
      const constant = this.facts.constants.valueOf(code);
      if (!(constant?.value instanceof ConstantObject)) return [];
      return this.matchSpreadObject(pattern, properties, constant.value, code, addConstantOrigins(state, [...object.via, ...constant.via]));
    }
    const constant = this.facts.constants.valueOf(code);
    return constant?.value instanceof ConstantObject ? this.matchConstantObject(pattern, constant.value, code, addConstantOrigins(state, constant.via)) : [];
  }

  /**
   * An object pattern against a literal with spreads: a field the literal writes itself is matched
   * as code, one that comes from a spread as the value the spread gives it.
   */
  private matchSpreadObject(pattern: TSESTree.ObjectExpression, properties: ObjectMember[], object: ConstantObject, use: Node, state: MatchState): MatchState[] {
    let states: MatchState[] = [state];
    for (const property of pattern.properties) {
      if (isEllipsis(property)) continue;
      if (property.type !== 'Property' || property.computed) return [];
      const key = propertyKeyName(property);
      if (key === undefined || (property.key.type === 'Identifier' && isMetavariableName(property.key.name))) return [];
      const own = properties.find((candidate) => candidate.type === 'Property' && propertyKeyName(candidate) === key);
      if (own) states = states.flatMap((current) => this.matchProperty(property, own, current));
      else if (object.fields.has(key)) states = states.flatMap((current) => this.matchConstantValue(property.value, object.fields.get(key), use, current));
      else return [];
      if (states.length === 0) return [];
    }
    return states;
  }

  /**
   * The properties of an object literal whose values the object keeps: not those a later property
   * or a later spread of a known object with that key replaces (`{ iterations: 1000, ...STRONG }`),
   * nor those the code writes afterwards (`opts.iterations = 600000`). A later spread of an unknown
   * object keeps them: they are defaults, what the object holds unless the caller overrides them.
   */
  private effectiveProperties(literal: TSESTree.ObjectExpression, written: ReadonlySet<string> | undefined): ObjectMember[] {
    const properties = literal.properties;
    if (!written && !properties.some((property) => property.type === 'SpreadElement')) return properties;
    const replaced = new Set(written);
    const kept: ObjectMember[] = [];
    for (let i = properties.length - 1; i >= 0; i--) {
      const property = properties[i]!;
      if (property.type === 'SpreadElement') {
        const spread = this.facts.constants.valueOf(property.argument)?.value;
        if (spread instanceof ConstantObject) for (const key of spread.fields.keys()) replaced.add(key);
        kept.push(property);
        continue;
      }
      const key = propertyKeyName(property);
      if (key !== undefined && replaced.has(key)) continue;
      if (key !== undefined) replaced.add(key);
      kept.push(property);
    }
    return kept.reverse();
  }

  /**
   * An object pattern against an object known only as a value (defined in another file): fields
   * are compared by value, and metavariables bind the values, shown at the use site.
   */
  private matchConstantObject(pattern: TSESTree.ObjectExpression, object: ConstantObject, use: Node, state: MatchState): MatchState[] {
    const wanted = pattern.properties.filter((property) => !isEllipsis(property));
    let states: MatchState[] = [state];
    for (const property of wanted) {
      if (property.type !== 'Property' || property.computed) return [];
      const key = propertyKeyName(property);
      if (key === undefined || !object.fields.has(key)) return [];
      const field = object.fields.get(key);
      states = states.flatMap((current) => this.matchConstantValue(property.value, field, use, current));
      if (states.length === 0) return [];
    }
    return states;
  }

  private matchConstantValue(pattern: Node, field: Constant | undefined, use: Node, state: MatchState): MatchState[] {
    if (isEllipsis(pattern)) return [state];
    if (!field) return pattern.type === 'Identifier' && isMetavariableName(pattern.name) ? this.bind(pattern.name, [use], state) : [];
    const withVia = addConstantOrigins(state, field.via);
    if (pattern.type === 'Identifier' && isMetavariableName(pattern.name)) {
      if (pattern.name === '$_') return [withVia];
      const binding: Binding = { nodes: [use], range: use.range, text: displayConstant(field.value), value: field.value };
      const existing = withVia.bindings[pattern.name];
      if (existing) return sameCode(existing, binding) ? [withVia] : [];
      return [{ ...withVia, bindings: { ...withVia.bindings, [pattern.name]: binding } }];
    }
    if (pattern.type === 'Literal' && !('regex' in pattern && pattern.regex)) {
      const expected = pattern.value;
      const equal = typeof expected === 'number' ? Number(field.value) === expected : field.value === expected;
      return equal || (expected === '...' && typeof field.value === 'string') ? [withVia] : [];
    }
    if (pattern.type === 'ObjectExpression' && field.value instanceof ConstantObject) return this.matchConstantObject(pattern, field.value, use, withVia);
    return [];
  }

  private matchProperty(pattern: ObjectMember, code: ObjectMember, state: MatchState): MatchState[] {
    if (pattern.type !== 'Property' || code.type !== 'Property') {
      return pattern.type === code.type ? this.match(pattern, code, state) : [];
    }
    let states: MatchState[];
    const patternKey = pattern.key;
    if (!pattern.computed && patternKey.type === 'Identifier' && isMetavariableName(patternKey.name)) {
      states = this.bind(patternKey.name, [code.key], state);
    } else {
      const name = propertyKeyName(pattern);
      if (name === undefined || name !== propertyKeyName(code)) return [];
      states = [state];
    }
    return states.flatMap((next) => this.match(pattern.value, code.value, next));
  }

  /** An identifier bound once to a literal of the wanted kind stands for that literal. */
  private resolveConstantInit(code: Node, type: 'ObjectExpression' | 'ArrayExpression'): { node: Node; via: Node[] } | undefined {
    if (code.type === type) return { node: code, via: [] };
    if (code.type !== 'Identifier') return undefined;
    const constant = this.facts.constants.valueOf(code);
    if (!constant) return undefined;
    const declaration = constant.via[0];
    if (!declaration || isExternal(declaration)) return undefined;
    const declarator = parentOf(declaration);
    if (declarator?.type !== 'VariableDeclarator' || declarator.id !== declaration || !declarator.init) return undefined;
    const init = unwrap(declarator.init);
    return init.type === type ? { node: init, via: [declaration] } : undefined;
  }

  /** `<... P ...>`: P here or in any subexpression; statements inside braced function bodies are not expressions. */
  private matchDeep(pattern: Node, code: Node, state: MatchState): MatchState[] {
    const results: MatchState[] = [];
    // A call pattern matches only calls, and only those whose callee passes the guard.
    const onlyCalls = isPlainCall(pattern);
    const admits = onlyCalls ? this.calleeGuard?.admits(pattern, state) : undefined;
    const stack: Node[] = [code];
    while (stack.length > 0 && results.length < MAX_STATES) {
      const node = stack.pop()!;
      if (node.type === 'BlockStatement' || node.type === 'ClassBody') continue;
      const tried = !WRAPPER_TYPES.has(node.type) && (!onlyCalls || (node.type === pattern.type && (!admits || admits(node))));
      if (tried) results.push(...this.match(pattern, node, state));
      stack.push(...childNodes(node));
    }
    return results;
  }

  bind(name: string, nodes: readonly Node[], state: MatchState): MatchState[] {
    if (name === '$_') return [state];
    return this.bindBinding(name, this.bindingOf(nodes), state);
  }

  /** Binds a metavariable to a binding made by the caller (a template's text fragment, a value). */
  bindBinding(name: string, binding: Binding, state: MatchState): MatchState[] {
    if (name === '$_') return [state];
    const existing = state.bindings[name];
    if (existing) return sameCode(existing, binding) ? [state] : [];
    if (this.guard && !this.guard(name, binding)) return [];
    return [{ ...state, bindings: { ...state.bindings, [name]: binding } }];
  }

  bindingOf(nodes: readonly Node[]): Binding {
    if (nodes.length === 0) return { nodes, range: [0, 0], text: '' };
    const range: [number, number] = [nodes[0]!.range[0], nodes[nodes.length - 1]!.range[1]];
    const only = nodes.length === 1 ? nodes[0]! : undefined;
    // A typed parameter `c: number` binds the name `c`, so it unifies with later uses of `c`.
    const text = only?.type === 'Identifier' ? only.name : this.facts.text.slice(range[0], range[1]);
    return { nodes, range, text };
  }

}

/**
 * The module specifiers a statement loads other than by `import … from`: `import x = require('m')`,
 * `const x = require('m')`, `const { a } = require('m').b`, `require('m');`.
 */
function moduleSpecifiersLoadedBy(statement: Node): Node[] {
  const requireArgument = (expression: Node | null | undefined): Node[] => {
    const call = expression ? chainReceivers(expression).find((receiver) => requiredModule(receiver) !== undefined) : undefined;
    return call ? [(call as TSESTree.CallExpression).arguments[0]!] : [];
  };
  switch (statement.type) {
    case 'TSImportEqualsDeclaration':
      return statement.moduleReference.type === 'TSExternalModuleReference' ? [statement.moduleReference.expression] : [];
    case 'VariableDeclaration':
      return statement.declarations.flatMap((declarator) => requireArgument(declarator.init));
    case 'ExpressionStatement':
      return requireArgument(statement.expression);
    default:
      return [];
  }
}

/** The `: T` of a parameter or declared name (`req: Request`, `{ a }: Options`). */
function declaredType(node: Node): TSESTree.TSTypeAnnotation | undefined {
  if (node.type !== 'Identifier' && node.type !== 'ObjectPattern' && node.type !== 'ArrayPattern' && node.type !== 'RestElement' && node.type !== 'AssignmentPattern') {
    return undefined;
  }
  return node.typeAnnotation ?? undefined;
}

/** How a constant reads in a binding's text: strings quoted, as they would be in code. */
function displayConstant(value: ConstantValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ConstantObject) return '{…}';
  if (value instanceof ConstantArray) return '[…]';
  return String(value);
}

const keyOrder = new WeakMap<Node, string[]>();

/**
 * A pattern node's keys with lists last: `callee` before `arguments`, so a call whose callee does
 * not match is dropped before its arguments bind metavariables (and before guards such as
 * metavariable-type run on them).
 */
function orderedKeys(node: Node): string[] {
  let keys = keyOrder.get(node);
  if (!keys) {
    const record = node as unknown as Record<string, unknown>;
    const all = Object.keys(record).filter((key) => !IGNORED_KEYS.has(key));
    keys = [...all.filter((key) => !Array.isArray(record[key])), ...all.filter((key) => Array.isArray(record[key]))];
    keyOrder.set(node, keys);
  }
  return keys;
}

/** Pattern constructs that may bind code outside the statement matched, or text that is not its code. */
const UNANCHORED_TYPES = new Set([
  'ArrayExpression', 'ObjectExpression', 'TemplateLiteral', 'ArrayPattern', 'ObjectPattern', 'TSTypeAnnotation', 'JSXElement', 'JSXFragment',
  'TaggedTemplateExpression',
]);
/** A function's or class's name in a pattern is not required of anonymous code, so it anchors nothing. */
const NAMED_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ClassDeclaration', 'ClassExpression']);
const anchors = new WeakMap<Node, readonly string[]>();

/**
 * The metavariables of a pattern statement whose code a match must spell inside the statement:
 * every metavariable, unless a construct of UNANCHORED_TYPES or a string with a metavariable in it
 * could bind it to code elsewhere or to a constant's value.
 */
function anchorMetavariables(pattern: Node): readonly string[] {
  let names = anchors.get(pattern);
  if (names) return names;
  const found = new Set<string>();
  let anchored = !isEllipsis(pattern) && spreadMetavariable(pattern) === undefined;
  const stack: Node[] = [pattern];
  while (anchored && stack.length > 0) {
    const node = stack.pop()!;
    if (UNANCHORED_TYPES.has(node.type)) anchored = false;
    else if (node.type === 'Literal' && typeof node.value === 'string' && node.value.includes('$')) anchored = false;
    else if (node.type === 'Identifier' && isMetavariableName(node.name) && node.name !== '$_') found.add(node.name);
    const id = NAMED_TYPES.has(node.type) ? (node as { id?: Node | null }).id : undefined;
    stack.push(...childNodes(node).filter((child) => child !== id));
  }
  names = anchored ? [...found] : [];
  anchors.set(pattern, names);
  return names;
}

/**
 * `export const KEY = …` is the declaration `const KEY = …` to a declaration or assignment
 * statement pattern (`$KEY = $INIT;`): exporting a constant does not change what it holds.
 */
function declarationStatementOf(pattern: Node, code: Node): Node {
  if (code.type !== 'ExportNamedDeclaration' || code.declaration?.type !== 'VariableDeclaration') return code;
  return pattern.type === 'VariableDeclaration' || pattern.type === 'ExpressionStatement' ? code.declaration : code;
}
